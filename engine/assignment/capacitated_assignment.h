// SolveCapacitatedAssignment: exact maximum-weight capacitated assignment.
//
// Problem: given an AssignmentProblem (rows = mentees, cols = mentors with
// capacities, forbidden pairs), choose allowed pairs, each row at most once,
// column j at most capacity[j] times, optimising the objective:
//   kMaxCardinalityThenScore (default): first the largest number of matched
//     rows, then the largest total score among those;
//   kMaxScore: the largest total score, pairs scoring below `min_score` (when
//     set) never used; rows may stay unmatched when that scores more.
//
// Algorithm: shortest augmenting paths (Jonker–Volgenant family) on the dense
// cost matrix, with one dual per mentor column (capacities are not replicated
// into copies) — see the .cc for the reference and details.
//
// Certificate: dual potentials u (rows), v (cols) proving optimality; see
// CheckAssignmentCertificate.
//
// Complexity: O(R^2 C) time worst case, O(R C) memory (R rows, C cols).
// Determinism: the same input gives the same solution.
#ifndef SOPU_ENGINE_ASSIGNMENT_CAPACITATED_ASSIGNMENT_H_
#define SOPU_ENGINE_ASSIGNMENT_CAPACITATED_ASSIGNMENT_H_

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/common/call_context.h"

namespace sopu {

enum class AssignmentObjective { kMaxCardinalityThenScore, kMaxScore };

struct AssignmentOptions {
  AssignmentObjective objective = AssignmentObjective::kMaxCardinalityThenScore;
  // With kMaxScore: pairs scoring below this are not used. Unset: none.
  std::optional<double> min_score;
};

// MeetsMinScore: whether a pair scoring `score` passes the options' minimum:
// always, unless the objective is kMaxScore and min_score is set, then
// score >= *min_score (false for NaN). The one test of the minimum: the
// solver, its certificate and the match workflow's reasons all call it.
// Inline: it runs once per cell in the solver's set-up and in the unmatched
// reasons' competition count, where a call per cell cost 13 % of a match.
[[nodiscard]] inline bool MeetsMinScore(const AssignmentOptions& options,
                                        double score) {
  return options.objective != AssignmentObjective::kMaxScore ||
         !options.min_score.has_value() || score >= *options.min_score;
}

// AssignmentStatus: a solver outcome, not an error.
enum class AssignmentStatus { kOptimal, kCancelled };

struct AssignmentResult {
  AssignmentStatus status = AssignmentStatus::kOptimal;
  AssignmentSolution solution;
  // Optimality certificate (dual potentials), one per row / column, in the
  // solver's internal cost convention documented in the .cc and checked by
  // CheckAssignmentCertificate.
  std::vector<double> row_potential;
  std::vector<double> col_potential;
  double seconds = 0.0;
};

// SolveCapacitatedAssignment: InvalidArgument for a malformed problem (sizes
// disagree, negative capacity, non-finite score). The context's cancellation
// stops the search (status kCancelled); its progress counts rows assigned.
[[nodiscard]] absl::StatusOr<AssignmentResult> SolveCapacitatedAssignment(
    const AssignmentProblem& problem, const AssignmentOptions& options = {},
    const CallContext& context = {});

// CheckAssignmentCertificate: true when the result's potentials prove its
// solution optimal for (problem, options): dual feasibility (reduced costs)
// and complementary slackness within `tolerance`.
[[nodiscard]] bool CheckAssignmentCertificate(const AssignmentProblem& problem,
                                              const AssignmentOptions& options,
                                              const AssignmentResult& result,
                                              double tolerance = 1e-6);

}  // namespace sopu

#endif  // SOPU_ENGINE_ASSIGNMENT_CAPACITATED_ASSIGNMENT_H_
