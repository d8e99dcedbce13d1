// MatchProblem: a cohort's score matrix and a request's pair lists (locked,
// forbidden, previous) turned into the AssignmentProblem the objective's
// solver reads, plus what the report needs to explain the result.
//
// Problem: R mentees (rows) and C mentors (columns, capacity[c] >= 0) with a
// policy score s(r, c) in [0, 1] and a verdict (allowed, or the rule that
// forbids the pair) per pair; locked pairs that must be in the result,
// forbidden pairs that must not, and the previous assignment, whose pairs
// earn a continuity bonus b while solving.
//
// Steps (BuildMatchProblem):
//   1. CheckMatchPairs: every entry names a row and a column of the matrix
//      (previous entries may name -1: someone who has left), a mentee at most
//      once in locked and in previous; a locked pair is allowed by the
//      policy, not also forbidden, and within its mentor's capacity. Each
//      problem is a PairIssue (list, index, field, what), in list order.
//   2. A locked mentee leaves the problem: every pair of its row is
//      forbidden, and its mentor has one seat fewer.
//   3. Pairs the policy forbids and the request's forbidden pairs are
//      forbidden.
//   4. The solver's options: kMaxScore with min_score for the max-score
//      objective; the minimum itself is applied by the solver
//      (MeetsMinScore, capacitated_assignment.h), on the policy score.
//   5. Previous pairs get b added to their score, unless they fall below the
//      minimum (the bonus must not lift a pair over it).
//
// Complexity: O(R C) time and memory (the problem's scores and forbidden
// mask, and the request-forbidden mask), plus O(L + F + P) for the L locked,
// F forbidden and P previous pairs (a hash set finds "also forbidden").
//
// Invariants of a built problem (for every row r and column c):
//   - locked_col[r] >= 0 implies assignment.allowed(r, c) is false;
//   - assignment.allowed(r, c) implies matrix.allowed(r, c) and
//     excluded[At(r, c)] == 0;
//   - assignment.capacity[c] = capacity[c] - (locked pairs of c) >= 0;
//   - assignment.score(r, c) = s(r, c) (+ b for a previous pair meeting the
//     minimum).
//
// Ownership: a MatchProblem owns its data; it keeps no reference to the
// matrix. Determinism: a function of its inputs.
//
// Usage:
//   std::vector<PairIssue> issues = CheckMatchPairs(matrix, capacity, pairs);
//   if (!issues.empty()) return Reject(issues);
//   absl::StatusOr<MatchProblem> problem =
//       BuildMatchProblem(matrix, capacity, pairs, options);
//   if (!problem.ok()) return problem.status();
//   SolveCapacitatedAssignment(problem->assignment, problem->solver_options);
#ifndef SOPU_ENGINE_MATCH_MATCH_PROBLEM_H_
#define SOPU_ENGINE_MATCH_MATCH_PROBLEM_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/capacitated_assignment.h"
#include "engine/match/match_options.h"
#include "engine/scoring/score_matrix.h"

namespace sopu {

// MatchPair names a (mentee row, mentor column) pair of the score matrix.
struct MatchPair {
  int row = -1;
  int col = -1;
};

// PreviousPair is one pair of the previous assignment: its row and column
// (-1 for someone no longer in the cohort) and both ids, which the diff
// reports even for people who have left.
struct PreviousPair {
  int row = -1;
  int col = -1;
  std::string mentee_id = {};
  std::string mentor_id = {};
};

// MatchPairs: the pair lists of a match, each in the caller's order.
struct MatchPairs {
  std::vector<MatchPair> locked = {};       // must be in the result
  std::vector<MatchPair> forbidden = {};    // must not be in the result
  std::vector<PreviousPair> previous = {};  // earn the continuity bonus
};

// PairIssue: one problem of one pair list entry, structured so that the
// caller can name the place (`locked[3].mentor_id`) and word the message.
enum class PairList { kLocked, kForbidden, kPrevious };
enum class PairField { kPair, kMenteeId, kMentorId };
enum class PairProblem {
  kNoSuchMentee,     // kMenteeId: the row is outside the matrix
  kNoSuchMentor,     // kMentorId: the column is outside the matrix
  kRepeatedMentee,   // kMenteeId: the mentee is already in list[earlier]
  kForbiddenByRule,  // kPair (locked): the policy's rule `verdict` forbids it
  kAlsoForbidden,    // kPair (locked): the pair is also in forbidden
  kOverCapacity,     // kMentorId (locked): more locks than the capacity
};
struct PairIssue {
  PairList list = PairList::kLocked;
  int index = 0;  // the entry's index in its list
  PairField field = PairField::kPair;
  PairProblem problem = PairProblem::kNoSuchMentee;
  std::uint8_t verdict = kAllowed;  // kForbiddenByRule: the verdict code
  int earlier = -1;                 // kRepeatedMentee: the earlier index
};

// MatchProblem: the instance the objective's solver reads, and what the
// report needs (see the invariants above).
struct MatchProblem {
  // Locked rows fully forbidden, capacities after locks, bonus added.
  AssignmentProblem assignment;
  // The objective (kMaxScore for the max-score objective, else
  // kMaxCardinalityThenScore) and its minimum score.
  AssignmentOptions solver_options;
  // The request's forbidden pairs, row-major R x C, non-zero = forbidden.
  std::vector<std::uint8_t> excluded;
  // Per row, the locked mentor's column or -1.
  std::vector<int> locked_col;
  // Per column, the mentor's capacity before locks.
  std::vector<int> capacity;
};

// CheckMatchPairs: step 1 above; empty when the lists are consistent with
// `matrix` and `capacity` (one entry per column; a missing one counts as 0).
// Index issues of all three lists come first; the locked pairs' rules are
// checked only when there are none. A locked pair gets at most one rule
// issue (the policy's rule, else also forbidden, else capacity), and seats
// are taken in list order, so the first locks that overfill a mentor are
// accepted and the later ones are the issues.
[[nodiscard]] std::vector<PairIssue> CheckMatchPairs(
    const ScoreMatrix& matrix, const std::vector<int>& capacity,
    const MatchPairs& pairs);

// BuildMatchProblem: steps 2-5. InvalidArgument when `options` are invalid
// (ValidateMatchOptions), `capacity` has not one entry >= 0 per column, a
// score is not finite, or CheckMatchPairs finds a problem.
[[nodiscard]] absl::StatusOr<MatchProblem> BuildMatchProblem(
    const ScoreMatrix& matrix, const std::vector<int>& capacity,
    const MatchPairs& pairs, const MatchOptions& options);

}  // namespace sopu

#endif  // SOPU_ENGINE_MATCH_MATCH_PROBLEM_H_
