// SolveStableMatching: mentee-proposing deferred acceptance with mentor
// capacities (the college-admissions / hospitals-residents problem).
//
// Problem: mentees and mentors each rank the other side. Mentee i's list
// (most preferred first) names the mentors i finds acceptable; mentor j's list
// names the mentees j finds acceptable; mentor j takes at most capacity[j]
// mentees. A matching assigns each mentee at most one mentor on both lists.
// It is stable when no blocking pair exists: a mentee i and a mentor j,
// mutually acceptable and not matched to each other, where i is unmatched or
// prefers j to its mentor, and j has a free seat or prefers i to its worst
// assigned mentee (see CountBlockingPairs).
//
// Algorithm: deferred acceptance, mentees proposing (Gale & Shapley, "College
// admissions and the stability of marriage", Amer. Math. Monthly 69, 1962;
// capacities as in Roth & Sotomayor, "Two-Sided Matching", 1990, ch. 5).
// Each free mentee proposes to the next mentor on its list; the mentor keeps
// its capacity[j] best proposers so far and rejects the rest. The result is
// the mentee-optimal stable matching: every mentee gets its best mentor among
// all stable matchings (and, by the rural-hospitals theorem, every stable
// matching matches the same mentees and fills each mentor to the same count).
//
// Complexity: O(L log c + R C) time and O(R C) memory, L = total length of
// the mentees' lists (each mentee proposes to each listed mentor at most
// once), c = the largest capacity, R mentees, C mentors (the dense mentor
// rank table).
//
// Incomplete lists, zero capacities (such a mentor accepts nobody) and
// unequal sides are normal input. Lists are strict orders: ties are broken
// before the solver sees them. RankingsFromScores breaks equal scores by the
// lower index, and a matching stable for the tie-broken lists is weakly stable
// for the scores (no pair where both sides strictly prefer each other).
//
// Determinism: the mentee-optimal stable matching is unique, so the result
// does not depend on the proposal order; the solver is deterministic anyway.
//
// Usage:
//   AssignmentProblem scores = ...;  // rows mentees, cols mentors
//   StableMatchingProblem ranked = RankingsFromScores(scores);
//   absl::StatusOr<StableMatchingResult> r = SolveStableMatching(ranked);
//   if (!r.ok()) return r.status();
//   AssignmentSolution s = ScoreMatching(scores, r->mentor_of);
//   // r->blocking_pairs == 0; compare s.total with the optimal total.
#ifndef SOPU_ENGINE_ASSIGNMENT_STABLE_MATCHING_H_
#define SOPU_ENGINE_ASSIGNMENT_STABLE_MATCHING_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/common/call_context.h"

namespace sopu {

// StableMatchingProblem: both sides' rankings and the mentors' capacities.
// A pair is acceptable only when each side lists the other.
struct StableMatchingProblem {
  int mentees = 0;
  int mentors = 0;
  // mentee_prefs[i]: mentors acceptable to mentee i, most preferred first;
  // distinct, each in 0..mentors-1. Size `mentees`.
  std::vector<std::vector<int>> mentee_prefs;
  // mentor_prefs[j]: mentees acceptable to mentor j, most preferred first;
  // distinct, each in 0..mentees-1. Size `mentors`.
  std::vector<std::vector<int>> mentor_prefs;
  // capacity[j] >= 0. Size `mentors`.
  std::vector<int> capacity;
};

// RankingsFromScores derives both sides' rankings from a score matrix: each
// side ranks allowed pairs by descending score, equal scores by the lower
// index of the other side; forbidden pairs are not acceptable. Capacities are
// copied. Precondition: `problem` is well formed (sizes agree).
[[nodiscard]] StableMatchingProblem RankingsFromScores(
    const AssignmentProblem& problem);

// RankingsFromScoresAndWishes is RankingsFromScores with explicit wish-lists
// for the mentee side: when wishes[i] names an allowed mentor it replaces
// mentee i's ranking (most wished first; forbidden mentors are dropped, so a
// forbidden pair stays unused; mentors not wished for are not acceptable to
// that mentee); a wish-list that is empty or names only forbidden mentors
// keeps the score ranking. `wishes` has
// one entry per mentee or is empty. InvalidArgument for a wrong size, a
// mentor index out of range or a repeated mentor, naming `wishes[i][k]`.
[[nodiscard]] absl::StatusOr<StableMatchingProblem> RankingsFromScoresAndWishes(
    const AssignmentProblem& problem,
    const std::vector<std::vector<int>>& wishes);

// StableMatchingStatus: a solver outcome, not an error.
enum class StableMatchingStatus { kStable, kCancelled };

struct StableMatchingResult {
  StableMatchingStatus status = StableMatchingStatus::kStable;
  // mentor_of[i]: mentee i's mentor or -1. Empty when cancelled.
  std::vector<int> mentor_of;
  int matched = 0;
  // Proposals made by the mentees.
  std::int64_t proposals = 0;
  // Blocking pairs of mentor_of, counted after solving: 0 when stable (a
  // non-zero value would be a solver bug).
  std::int64_t blocking_pairs = 0;
};

// SolveStableMatching: InvalidArgument for a malformed problem (sizes
// disagree, negative capacity, an index out of range or repeated in a list),
// naming the place, e.g. `mentor_prefs[3][2]: 9 not in 0..7`. The context's
// progress counts proposals out of the total list length, at the first
// proposal and then every 4096; the cancellation is polled at the same
// points.
[[nodiscard]] absl::StatusOr<StableMatchingResult> SolveStableMatching(
    const StableMatchingProblem& problem, const CallContext& context = {});

// CountBlockingPairs: the number of blocking pairs (definition above) of the
// matching `mentor_of` (one entry per mentee, mentor or -1). InvalidArgument
// for a malformed problem or a matching that is not one: wrong size, mentor
// out of range, a pair not mutually acceptable, a capacity exceeded.
// O(L + R C) time.
[[nodiscard]] absl::StatusOr<std::int64_t> CountBlockingPairs(
    const StableMatchingProblem& problem, const std::vector<int>& mentor_of);

// ScoreMatching: `mentor_of` as an AssignmentSolution of `problem` (matched
// count and total score). Preconditions: sizes agree, mentors in range.
[[nodiscard]] AssignmentSolution ScoreMatching(
    const AssignmentProblem& problem, const std::vector<int>& mentor_of);

}  // namespace sopu

#endif  // SOPU_ENGINE_ASSIGNMENT_STABLE_MATCHING_H_
