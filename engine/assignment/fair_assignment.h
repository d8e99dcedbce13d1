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
// of the usable pairs (allowed, mentor capacity > 0). The test "can K mentees
// still be matched using only pairs scoring >= t?" is monotone in t, so a
// binary search over s_1..s_D finds the largest such t = t*. Each test is a
// maximum-cardinality capacitated matching (the max flow source -> mentee (1)
// -> mentor (pairs >= t) -> sink (capacity_j)) computed by our own
// CapacitatedBipartiteMatching (engine/assignment/bipartite_matching.h:
// Hopcroft–Karp generalised to mentor capacities) on a CSR graph of the
// usable pairs, each mentee's mentors sorted by decreasing score so that the
// pairs >= t are a prefix of its list. Not Boost.Graph: the adjacency_list
// max-flow network it needs costs about 200-240 bytes per pair (575 MB
// measured at 3000 mentees x 1000 mentors), the CSR graph 4 bytes per pair
// (12 MB). A test warm-starts from the last feasible matching (only the
// mentees whose pair falls below t are re-matched) and stops as soon as K
// mentees are matched. The tests compare the threshold
// with brute force and with a Boost.Graph push-relabel max-flow threshold
// search (tests/engine/assignment/fair_assignment_test.cc). Then
// SolveCapacitatedAssignment (kMaxCardinalityThenScore) with every pair below
// t* forbidden gives the largest total; it matches K mentees and its worst
// pair scores exactly t*. One more, unrestricted solve gives the optimal
// lexicographic total, and the price of fairness is optimal total - fair
// total (>= 0: both match K mentees and the fair one is optimal on a subset
// of pairs).
//
// Complexity: O(R C + E log E + (1 + ceil(log2 D)) (sqrt(R) (E + R + C) +
// R log C) + T) time, with R mentees, C mentors, E <= R C usable pairs,
// D <= E distinct usable scores, sqrt(R) (E + R + C) the Hopcroft–Karp bound
// per test, R log C its prefix search, and T the cost of two
// SolveCapacitatedAssignment calls (O(R^2 C) each; one when the price of
// fairness is not asked for). Memory: the threshold search needs 4 bytes per
// usable pair (CSR) plus 8 bytes per distinct score and O(R + C); the sort of
// the scores briefly holds 8 bytes per usable pair. The restricted problem
// copy and SolveCapacitatedAssignment take O(R C).
//
// Search invariant (s indexed from 0): s[lo] is feasible, witnessed by a
// stored matching of K mentees on pairs >= s[lo]; s[hi] is not (hi = D
// stands for +infinity); so s[lo] <= t* < s[hi], and each test halves
// hi - lo.
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
#include "engine/common/call_context.h"

namespace sopu {

struct FairAssignmentOptions {
  // When true (default) solve the unrestricted lexicographic optimum too and
  // report price_of_fairness; false saves that solve.
  bool compute_price_of_fairness = true;
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
  // Feasibility tests (maximum matchings) run by the threshold search:
  // 1 + ceil(log2 D) at most.
  int feasibility_tests = 0;
};

// SolveFairAssignment: InvalidArgument for a malformed problem (sizes
// disagree, negative capacity, non-finite score), naming the place. The
// context's cancellation stops it (kCancelled); its progress counts
// feasibility tests and solves done out of an upper bound on them.
[[nodiscard]] absl::StatusOr<FairAssignmentResult> SolveFairAssignment(
    const AssignmentProblem& problem, const FairAssignmentOptions& options = {},
    const CallContext& context = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_ASSIGNMENT_FAIR_ASSIGNMENT_H_
