// UnmatchedReasons: the sentence a match report gives each unmatched mentee —
// why the solver left it without a mentor, in rules and capacities only
// (rule names, counts, a mentor id; never profile values).
//
// For mentee r the first that applies, in this order:
//   1. the policy's rules forbid every mentor (ExplainExclusion's sentence);
//   2. every mentor the policy allows is in the request's forbidden pairs;
//   3. (OBJECTIVE_MAX_SCORE with min_score) no allowed mentor scores enough;
//   4. an allowed mentor still has room: the objective preferred leaving r
//      out (stable: not on r's wish-list / no room left when r proposed);
//   5. every allowed mentor is full: their combined capacity and, when the
//      competition bound allows, how many mentees can only be matched with
//      those same mentors.
//
// Complexity, R mentees, C mentors, U unmatched: the constructor is O(R + C);
// For(r) is O(C) plus O(R C) for the competition count, which is counted
// only while U R C <= kMaxCompetitionWork (otherwise the sentence simply
// omits it), so all U reasons cost O(U C + min(U R C, kMaxCompetitionWork)).
//
// Ownership: holds references to its arguments, which must outlive it.
// Determinism: the sentences depend only on the inputs.
#ifndef SOPU_SERVICE_HANDLERS_UNMATCHED_REASONS_H_
#define SOPU_SERVICE_HANDLERS_UNMATCHED_REASONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/scoring/score_matrix.h"
#include "engine/scoring/scoring_model.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// kMaxCompetitionWork bounds the work spent counting competing mentees for
// the unmatched reasons (unmatched x rows x cols cell visits).
inline constexpr double kMaxCompetitionWork = 5e7;

class UnmatchedReasons {
 public:
  // `matrix` is `model`'s score matrix; `excluded` the request-forbidden
  // pairs (row-major rows x cols, non-zero = forbidden); `capacity` each
  // mentor's capacity before locked pairs; `mentor_of` the final assignment
  // (locked pairs included, -1 = unmatched); `request` supplies the
  // objective, min_score and use_wishes.
  UnmatchedReasons(const ScoringModel& model, const ScoreMatrix& matrix,
                   const std::vector<std::uint8_t>& excluded,
                   const std::vector<int>& capacity,
                   const std::vector<int>& mentor_of,
                   const sopu::v1::MatchRequest& request);
  UnmatchedReasons(const UnmatchedReasons&) = delete;
  UnmatchedReasons& operator=(const UnmatchedReasons&) = delete;

  // For: the reason unmatched mentee `row` has no mentor.
  [[nodiscard]] std::string For(int row) const;

  // counts_competition: whether For adds the competing-mentee count.
  [[nodiscard]] bool counts_competition() const { return count_competition_; }

 private:
  [[nodiscard]] bool Allowed(int row, int col) const;
  [[nodiscard]] bool Usable(int row, int col) const;

  const ScoringModel& model_;
  const ScoreMatrix& matrix_;
  const std::vector<std::uint8_t>& excluded_;
  const std::vector<int>& capacity_;
  const sopu::v1::MatchRequest& request_;
  bool min_filter_ = false;
  bool count_competition_ = false;
  std::vector<int> used_;  // per mentor, mentees assigned in mentor_of
};

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_UNMATCHED_REASONS_H_
