#include "engine/match/unmatched_reasons.h"

#include <algorithm>
#include <vector>

#include "engine/assignment/capacitated_assignment.h"
#include "engine/common/index.h"

namespace sopu {

UnmatchedReasons::UnmatchedReasons(const ScoreMatrix& matrix,
                                   const MatchProblem& problem,
                                   const std::vector<int>& mentor_of,
                                   const MatchOptions& options)
    : matrix_(matrix),
      problem_(problem),
      options_(options),
      used_(Idx(matrix.cols()), 0) {
  const auto unmatched_rows =
      static_cast<double>(std::count(mentor_of.begin(), mentor_of.end(), -1));
  count_competition_ =
      unmatched_rows * matrix.rows() * matrix.cols() <= kMaxCompetitionWork;
  for (int row = 0; row < matrix.rows(); ++row) {
    const int c = mentor_of[Idx(row)];
    if (c >= 0) ++used_[Idx(c)];
  }
  for (int c = 0; c < matrix.cols(); ++c) {
    cohort_places_ += problem.capacity[Idx(c)];
  }
}

bool UnmatchedReasons::Allowed(int row, int col) const {
  return matrix_.allowed(row, col) &&
         problem_.excluded[At(row, col, matrix_.cols())] == 0;
}

bool UnmatchedReasons::Usable(int row, int col) const {
  return Allowed(row, col) &&
         MeetsMinScore(problem_.solver_options, matrix_.scores(row, col));
}

UnmatchedCause UnmatchedReasons::RoomLeftCause() const {
  if (options_.objective != MatchObjective::kStable) {
    return UnmatchedCause::kLeftOutScoresMore;
  }
  return options_.use_wishes ? UnmatchedCause::kNotOnWishList
                             : UnmatchedCause::kNoRoomWhenProposing;
}

// Competing: the mentees whose usable mentors all lie within `options`.
int UnmatchedReasons::Competing(const std::vector<int>& options) const {
  std::vector<char> in_options(Idx(matrix_.cols()), 0);
  for (int c : options) in_options[Idx(c)] = 1;
  int competing = 0;
  for (int row = 0; row < matrix_.rows(); ++row) {
    bool inside = true;
    bool any = false;
    for (int c = 0; c < matrix_.cols() && inside; ++c) {
      if (!Usable(row, c)) continue;
      any = true;
      inside = in_options[Idx(c)] != 0;
    }
    competing += (any && inside) ? 1 : 0;
  }
  return competing;
}

UnmatchedReason UnmatchedReasons::For(int r) const {
  UnmatchedReason reason;
  reason.min_score = problem_.solver_options.min_score;
  std::vector<int> options;
  bool any_allowed = false;
  bool any_policy_allowed = false;
  for (int c = 0; c < matrix_.cols(); ++c) {
    any_policy_allowed = any_policy_allowed || matrix_.allowed(r, c);
    any_allowed = any_allowed || Allowed(r, c);
    if (Usable(r, c)) options.push_back(c);
  }
  int seats = 0;
  bool all_full = true;
  for (int c : options) {
    seats += problem_.capacity[Idx(c)];
    all_full = all_full && used_[Idx(c)] >= problem_.capacity[Idx(c)];
  }
  if (!any_policy_allowed) {
    reason.cause = UnmatchedCause::kNoMentorAllowed;
  } else if (!any_allowed) {
    reason.cause = UnmatchedCause::kAllForbiddenByRequest;
  } else if (options.empty()) {
    reason.cause = UnmatchedCause::kBelowMinScore;
  } else if (!all_full) {
    reason.cause = RoomLeftCause();
  } else {
    reason.cause = UnmatchedCause::kMentorsFull;
    reason.mentors = static_cast<int>(options.size());
    reason.seats = seats;
    if (options.size() == 1) reason.only_mentor = options.front();
    if (count_competition_) reason.competing = Competing(options);
    if (cohort_places_ < matrix_.rows()) {
      reason.cohort_places = cohort_places_;
      reason.cohort_mentees = matrix_.rows();
    }
  }
  return reason;
}

}  // namespace sopu
