#include "engine/groups/planning/group_explanation.h"

#include <algorithm>
#include <cstddef>
#include <numeric>

#include "engine/common/index.h"
#include "engine/scoring/pool_scores.h"

namespace sopu {

GroupExplanationBuilder::GroupExplanationBuilder(const Policy& policy)
    : policy_(&policy),
      value_(policy.criteria.size(), 0.0),
      contribution_(policy.criteria.size(), 0.0) {}

void GroupExplanationBuilder::Add(const PairExplanation& pair) {
  score_ += pair.score;
  ++pairs_;
  for (std::size_t k = 0; k < pair.values.size(); ++k) {
    value_[k] += pair.values[k].value;
    contribution_[k] += pair.values[k].contribution;
  }
}

GroupExplanation GroupExplanationBuilder::Build() const {
  GroupExplanation out;
  out.score = score_;
  out.pairs = pairs_;
  out.mean_pair_score = pairs_ > 0 ? score_ / pairs_ : 0.0;
  std::vector<std::size_t> order(policy_->criteria.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) {
                     return contribution_[x] > contribution_[y];
                   });
  for (const std::size_t k : order) {
    out.breakdown.push_back({.criterion = static_cast<int>(k),
                             .name = policy_->criteria[k].name,
                             .value = pairs_ > 0 ? value_[k] / pairs_ : 0.0,
                             .contribution = contribution_[k]});
  }
  return out;
}

GroupExplanation ExplainGroupMembers(const ScoringModel& model,
                                     const std::vector<int>& members) {
  GroupExplanationBuilder builder(model.policy());
  for (std::size_t a = 0; a < members.size(); ++a) {
    for (std::size_t b = a + 1; b < members.size(); ++b) {
      builder.Add(ExplainBothWays(model, members[a], members[b]));
    }
  }
  return builder.Build();
}

}  // namespace sopu
