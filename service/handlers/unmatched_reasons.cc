#include "service/handlers/unmatched_reasons.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/handlers/pair_explanations.h"

namespace sopu::service {

UnmatchedReasons::UnmatchedReasons(const ScoringModel& model,
                                   const ScoreMatrix& matrix,
                                   const std::vector<std::uint8_t>& excluded,
                                   const std::vector<int>& capacity,
                                   const std::vector<int>& mentor_of,
                                   const sopu::v1::MatchRequest& request)
    : model_(model),
      matrix_(matrix),
      excluded_(excluded),
      capacity_(capacity),
      request_(request),
      min_filter_(request.objective() == sopu::v1::OBJECTIVE_MAX_SCORE &&
                  request.has_min_score()),
      used_(static_cast<std::size_t>(matrix.cols()), 0) {
  const auto unmatched_rows =
      static_cast<double>(std::count(mentor_of.begin(), mentor_of.end(), -1));
  count_competition_ =
      unmatched_rows * matrix.rows() * matrix.cols() <= kMaxCompetitionWork;
  for (int row = 0; row < matrix.rows(); ++row) {
    const int c = mentor_of[static_cast<std::size_t>(row)];
    if (c >= 0) ++used_[static_cast<std::size_t>(c)];
  }
}

bool UnmatchedReasons::Allowed(int row, int col) const {
  return matrix_.allowed(row, col) &&
         excluded_[static_cast<std::size_t>(row) *
                       static_cast<std::size_t>(matrix_.cols()) +
                   static_cast<std::size_t>(col)] == 0;
}

bool UnmatchedReasons::Usable(int row, int col) const {
  return Allowed(row, col) &&
         (!min_filter_ || matrix_.scores(row, col) >= request_.min_score());
}

std::string UnmatchedReasons::For(int r) const {
  const int rows = matrix_.rows();
  const int cols = matrix_.cols();
  std::vector<int> options;
  bool any_allowed = false;
  bool any_policy_allowed = false;
  for (int c = 0; c < cols; ++c) {
    any_policy_allowed = any_policy_allowed || matrix_.allowed(r, c);
    any_allowed = any_allowed || Allowed(r, c);
    if (Usable(r, c)) options.push_back(c);
  }
  if (!any_policy_allowed) return ExplainExclusion(model_, r).sentence;
  if (!any_allowed) {
    return "every mentor the policy allows is in the request's forbidden "
           "pairs";
  }
  if (options.empty()) {
    return absl::StrCat("no allowed mentor scores at least the minimum ",
                        request_.min_score());
  }
  const std::string qualifier =
      min_filter_ ? absl::StrCat(" scoring at least ", request_.min_score())
                  : "";
  int seats = 0;
  bool all_full = true;
  for (int c : options) {
    seats += capacity_[static_cast<std::size_t>(c)];
    all_full = all_full && used_[static_cast<std::size_t>(c)] >=
                               capacity_[static_cast<std::size_t>(c)];
  }
  if (!all_full) {
    if (request_.objective() == sopu::v1::OBJECTIVE_STABLE) {
      return request_.use_wishes()
                 ? "the allowed mentors with room are not on this mentee's "
                   "wish-list"
                 : "no allowed mentor with room was left for this mentee";
    }
    return "a mentor with room was allowed, but leaving this mentee out "
           "scored more";
  }
  std::string competition;
  if (count_competition_) {
    // Mentees whose usable mentors all lie within `options`.
    std::vector<char> in_options(static_cast<std::size_t>(cols), 0);
    for (int c : options) in_options[static_cast<std::size_t>(c)] = 1;
    int competing = 0;
    for (int row = 0; row < rows; ++row) {
      bool inside = true;
      bool any = false;
      for (int c = 0; c < cols && inside; ++c) {
        if (!Usable(row, c)) continue;
        any = true;
        inside = in_options[static_cast<std::size_t>(c)] != 0;
      }
      competing += (any && inside) ? 1 : 0;
    }
    competition = absl::StrCat(
        "; ", competing == 1 ? "1 mentee" : absl::StrCat(competing, " mentees"),
        " can only be matched with ",
        options.size() == 1 ? "this mentor" : "these mentors");
  }
  if (options.size() == 1) {
    const auto& people = model_.cohort().participants;
    const std::string& id =
        people[static_cast<std::size_t>(
                   model_.mentors()[static_cast<std::size_t>(options[0])])]
            .id;
    return absl::StrCat("the only allowed mentor", qualifier, ", ", id,
                        ", is full (capacity ", seats, competition, ")");
  }
  return absl::StrCat("all ", options.size(), " allowed mentors", qualifier,
                      " are full (capacity ", seats, " in all", competition,
                      ")");
}

}  // namespace sopu::service
