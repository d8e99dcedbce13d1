// SolveFairAssignment: the fairest capacitated assignment — maximise the worst
// matched pair's score, then the total.
//
// Problem: on an AssignmentProblem (rows = mentees, cols = mentors with
// capacities, forbidden pairs never used), among the assignments matching the
// largest possible number K of mentees (the same first step as the default
// lexicographic objective of SolveCapacitatedAssignment), choose one whose
// worst matched pair scores highest (the bottleneck threshold t*), and among
// those the one with the largest total score.
//
// Algorithm: bottleneck threshold search (the threshold method for
// bottleneck assignment, Burkard, Dell'Amico & Martello, "Assignment
// Problems", SIAM 2009, sec. 6.2). Let s_1 < ... < s_D be the distinct scores
// of allowed pairs with a mentor of positive capacity. The test "can K mentees
// still be matched using only pairs scoring >= t?" is monotone in t, so a
// binary search over s_1..s_D finds the largest such t = t*; each test is a
// maximum flow source -> mentee (1) -> mentor (pairs >= t) -> sink
// (capacity_j), solved with Boost.Graph's push_relabel_max_flow (Goldberg &
// Tarjan 1988). Then SolveCapacitatedAssignment (kMaxCardinalityThenScore)
// with every pair below t* forbidden gives the largest total; it matches K
// mentees and its worst pair scores exactly t*. One more, unrestricted solve
// gives the optimal lexicographic total, and the price of fairness is
// optimal total - fair total (>= 0: both match K mentees and the fair one is
// optimal on a subset of pairs).
//
// Complexity: O(log(D) (R + C)^3 + T) time and O(R C) memory, with R
// mentees, C mentors, D <= R C distinct allowed scores, (R + C)^3 the
// push-relabel bound per feasibility test on the network of R C + R + C arcs
// (built once; tests only change arc capacities), and T the cost of two
// SolveCapacitatedAssignment calls (O(R^2 C) each; one when the price of
// fairness is not asked for).
//
// Invariants of a kOptimal result: the solution is feasible (IsFeasible),
// matches K mentees, every matched pair scores >= threshold and one scores
// exactly threshold; price_of_fairness >= 0 up to rounding of the totals.
//
// Determinism: the same input gives the same result.
//
// Usage:
//   absl::StatusOr<FairAssignmentResult> r = SolveFairAssignment(problem);
//   if (!r.ok()) return r.status();
//   if (r->status == FairAssignmentStatus::kOptimal && r->threshold) {
//     // r->solution, worst pair *r->threshold, r->price_of_fairness
//   }
#ifndef SOPU_ENGINE_ASSIGNMENT_FAIR_ASSIGNMENT_H_
#define SOPU_ENGINE_ASSIGNMENT_FAIR_ASSIGNMENT_H_

#include <optional>

#include "absl/status/statusor.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/common/cancellation.h"

namespace sopu {

struct FairAssignmentOptions {
  // When true (default) solve the unrestricted lexicographic optimum too and
  // report price_of_fairness; false saves that solve.
  bool compute_price_of_fairness = true;
  // Optional hooks; may be null / empty. Progress counts feasibility tests
  // and solves done out of an upper bound on them.
  const CancellationToken* cancel = nullptr;
  ProgressCallback progress;
};

// FairAssignmentStatus: a solver outcome, not an error.
enum class FairAssignmentStatus { kOptimal, kCancelled };

struct FairAssignmentResult {
  FairAssignmentStatus status = FairAssignmentStatus::kOptimal;
  // The fair assignment. Empty mentor_of when cancelled.
  AssignmentSolution solution;
  // The worst matched pair's score (the bottleneck t*); unset when nothing
  // can be matched (or cancelled).
  std::optional<double> threshold;
  // solution.total, repeated for readers of the summary.
  double total = 0.0;
  // The lexicographic optimum's total (max matched, then max total) and
  // optimal_total - total. Unset when not asked for (or cancelled).
  std::optional<double> optimal_total;
  std::optional<double> price_of_fairness;
  // Max-flow feasibility tests run by the threshold search.
  int feasibility_tests = 0;
};

// SolveFairAssignment: InvalidArgument for a malformed problem (sizes
// disagree, negative capacity, non-finite score), naming the place.
[[nodiscard]] absl::StatusOr<FairAssignmentResult> SolveFairAssignment(
    const AssignmentProblem& problem,
    const FairAssignmentOptions& options = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_ASSIGNMENT_FAIR_ASSIGNMENT_H_
