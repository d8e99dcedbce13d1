// SolveObjective: one match objective run on a built MatchProblem, with the
// figures that objective reports: the fairness cost (kFair) and the blocking
// pairs and gap to the optimum (kStable).
//
// Dispatch (MatchOptions::objective):
//   kOptimal, kMaxScore: SolveCapacitatedAssignment with the problem's
//     solver_options (kMaxScore applies the minimum score); the result's
//     optimality certificate must check (CheckAssignmentCertificate).
//   kFair: SolveFairAssignment (without its own price of fairness).
//   kStable: SolveStableMatching on rankings by score (RankingsFromScores),
//     or with use_wishes by the mentees' wish-lists
//     (RankingsFromScoresAndWishes); the result must have no blocking pair.
// Then, for kFair and kStable, one more exact solve of the same problem
// (kMaxCardinalityThenScore, cancellation only) gives the optimal total;
// both figures compare totals in policy scores (matrix scores summed in row
// order over the solver's pairs, without the continuity bonus or the
// locked pairs):
//   fairness_cost  = max(0, optimal total - fair total);
//   gap_to_optimal = optimal total - stable total (may be < 0: a stable
//                    result matching fewer mentees can total more).
// Finally the locked rows get their locked columns.
//
// Complexity: that of the objective's solver (capacitated_assignment.h,
// fair_assignment.h, stable_matching.h), for kFair and kStable plus one
// SolveCapacitatedAssignment, O(R^2 C); O(R) for the totals.
//
// Invariants of the result (not cancelled): mentor_of has one entry per
// row; locked rows hold their locked column; every other matched pair is
// allowed by problem.assignment and within its capacity. Cancelled: every
// row unmatched but the locked ones, no figures.
//
// Errors: InvalidArgument from the solvers for a malformed problem (or a
// wish naming no column); Internal when a certificate does not check or a
// stable matching has a blocking pair.
//
// Usage:
//   absl::StatusOr<ObjectiveResult> r =
//       SolveObjective(*problem, matrix, wishes, options, context);
//   if (!r.ok()) return r.status();
//   if (r->status != MatchStatus::kCancelled) use(r->mentor_of);
#ifndef SOPU_ENGINE_MATCH_MATCH_OBJECTIVES_H_
#define SOPU_ENGINE_MATCH_MATCH_OBJECTIVES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/match/match_options.h"
#include "engine/match/match_problem.h"
#include "engine/scoring/score_matrix.h"

namespace sopu {

// MatchStatus: what the returned assignment is (a solver outcome, not an
// error): optimal for its objective (kOptimal, kMaxScore, kFair), stable
// (kStable), or stopped by the cancellation (possibly partial).
enum class MatchStatus { kOptimal, kStable, kCancelled };

struct ObjectiveResult {
  MatchStatus status = MatchStatus::kOptimal;
  // Per row, the mentor column or -1 (locked rows included).
  std::vector<int> mentor_of;
  // kFair, unless cancelled: optimal total - fair total, >= 0.
  std::optional<double> fairness_cost;
  // kStable, unless cancelled: blocking pairs (0) and optimal total -
  // stable total.
  std::optional<std::int64_t> blocking_pairs;
  std::optional<double> gap_to_optimal;
};

// SolveObjective runs `options.objective` on `problem`, built from `matrix`
// (whose scores are the policy scores) with the same options. `wishes` is
// read only by kStable with use_wishes: per row, the wished mentor columns,
// most wanted first (empty: rank by score). The context's cancellation and
// progress go to the objective's solver.
[[nodiscard]] absl::StatusOr<ObjectiveResult> SolveObjective(
    const MatchProblem& problem, const ScoreMatrix& matrix,
    const std::vector<std::vector<int>>& wishes, const MatchOptions& options,
    const CallContext& context = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_MATCH_MATCH_OBJECTIVES_H_
