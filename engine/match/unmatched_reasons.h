// UnmatchedReasons: why the result leaves a mentee without a mentor, in rules
// and capacities only (a cause code and counts, a mentor column; never
// profile values). The caller words the cause (the service's message
// catalog: service/convert/match_messages.h).
//
// For mentee r the first cause that applies, in this order ("usable":
// allowed by the policy, not in the request's forbidden pairs, and meeting
// the minimum score when one applies — MeetsMinScore):
//   1. kNoMentorAllowed: the policy's rules forbid every mentor (the caller
//      names the rules, e.g. with ScoringModel::Explain);
//   2. kAllForbiddenByRequest: every mentor the policy allows is in the
//      request's forbidden pairs;
//   3. kBelowMinScore: no allowed mentor meets the minimum score;
//   4. a usable mentor still has room, so the objective preferred leaving r
//      out: kLeftOutScoresMore (exact objectives), kNotOnWishList (stable
//      with wish-lists), kNoRoomWhenProposing (stable: no usable mentor had
//      room left when r proposed);
//   5. kMentorsFull: every usable mentor is full; with their number, their
//      combined capacity and, when the work bound allows, how many mentees
//      can only be matched with those same mentors. When the cohort as a
//      whole has fewer mentor places than mentees, `cohort_places` and
//      `cohort_mentees` say so: that shortage is the first cause to name.
//
// Complexity, R mentees, C mentors, U unmatched: the constructor is O(R + C);
// For(r) is O(C) plus O(R C) for the competition count, which is counted
// only while U R C <= kMaxCompetitionWork (otherwise `competing` is unset),
// so all U reasons cost O(U C + min(U R C, kMaxCompetitionWork)).
//
// Ownership: holds references to its arguments, which must outlive it.
// Determinism: the reasons depend only on the inputs.
//
// Usage:
//   const UnmatchedReasons reasons(matrix, problem, mentor_of, options);
//   for (int r : unmatched_rows) Word(reasons.For(r));
#ifndef SOPU_ENGINE_MATCH_UNMATCHED_REASONS_H_
#define SOPU_ENGINE_MATCH_UNMATCHED_REASONS_H_

#include <optional>
#include <vector>

#include "engine/match/match_options.h"
#include "engine/match/match_problem.h"
#include "engine/scoring/score_matrix.h"

namespace sopu {

// kMaxCompetitionWork bounds the work spent counting competing mentees for
// the unmatched reasons (unmatched x rows x cols cell visits).
inline constexpr double kMaxCompetitionWork = 5e7;

enum class UnmatchedCause {
  kNoMentorAllowed,
  kAllForbiddenByRequest,
  kBelowMinScore,
  kLeftOutScoresMore,
  kNotOnWishList,
  kNoRoomWhenProposing,
  kMentorsFull,
};

struct UnmatchedReason {
  UnmatchedCause cause = UnmatchedCause::kNoMentorAllowed;
  // The minimum score that applied (kMaxScore with min_score), if any.
  std::optional<double> min_score;
  // kMentorsFull: the usable mentors (all full), their combined capacity
  // (before locks), the mentor's column when there is just one (else -1),
  // and the mentees whose usable mentors all lie among them (unset when
  // not counted, see kMaxCompetitionWork).
  int mentors = 0;
  int seats = 0;
  int only_mentor = -1;
  std::optional<int> competing;
  // kMentorsFull when every mentor's capacity together (before locks) is
  // less than the number of mentees: those two counts; else both 0.
  int cohort_places = 0;
  int cohort_mentees = 0;
};

class UnmatchedReasons {
 public:
  // `problem` was built from `matrix` with `options`; `mentor_of` is the
  // final assignment (locked pairs included, -1 = unmatched).
  UnmatchedReasons(const ScoreMatrix& matrix, const MatchProblem& problem,
                   const std::vector<int>& mentor_of,
                   const MatchOptions& options);
  UnmatchedReasons(const UnmatchedReasons&) = delete;
  UnmatchedReasons& operator=(const UnmatchedReasons&) = delete;

  // For: the reason unmatched mentee `row` has no mentor.
  [[nodiscard]] UnmatchedReason For(int row) const;

  // counts_competition: whether For counts the competing mentees.
  [[nodiscard]] bool counts_competition() const { return count_competition_; }

 private:
  [[nodiscard]] bool Allowed(int row, int col) const;
  [[nodiscard]] bool Usable(int row, int col) const;
  [[nodiscard]] UnmatchedCause RoomLeftCause() const;
  [[nodiscard]] int Competing(const std::vector<int>& options) const;

  const ScoreMatrix& matrix_;
  const MatchProblem& problem_;
  const MatchOptions& options_;
  bool count_competition_ = false;
  std::vector<int> used_;  // per mentor, mentees assigned in mentor_of
  int cohort_places_ = 0;  // every mentor's capacity, before locks
};

}  // namespace sopu

#endif  // SOPU_ENGINE_MATCH_UNMATCHED_REASONS_H_
