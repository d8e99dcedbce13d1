// GroupExplanation: why a group scores what it does, as FormGroups reports
// each group and ExplainGroup explains one: its score (the sum of its member
// pairs' affinities), the mean pair score, and every criterion's share.
//
// Definitions, over the P = s (s - 1) / 2 member pairs of a group of s, each
// pair explained both ways (ExplainBothWays):
//   score            = sum of the pairs' scores;
//   mean_pair_score  = score / P (0 when P = 0);
//   breakdown[k]     = criterion k's value (mean over the pairs, 0 when
//                      P = 0) and contribution (sum over the pairs),
//                      largest contribution first, ties in policy order.
// The contributions sum to the score (up to rounding). Sums run over the
// pairs in order (a, b), a < b, of the member list, so the same members in
// the same order give bit-identical numbers whichever caller asks.
//
// Complexity: O(P (T + K)) for T themes and K criteria (two Explain calls
// per pair); memory O(K), the pairs are not kept.
//
// Usage:
//   const GroupExplanation why = ExplainGroupMembers(model, {0, 3, 5});
//   // or, when the caller also needs each pair:
//   GroupExplanationBuilder builder(model.policy());
//   for (...) builder.Add(ExplainBothWays(model, a, b));
//   const GroupExplanation why = builder.Build();
#ifndef SOPU_ENGINE_GROUPS_PLANNING_GROUP_EXPLANATION_H_
#define SOPU_ENGINE_GROUPS_PLANNING_GROUP_EXPLANATION_H_

#include <string>
#include <vector>

#include "engine/model/policy.h"
#include "engine/scoring/scoring_model.h"

namespace sopu {

// CriterionShare: one criterion's part of a group's score.
struct CriterionShare {
  int criterion = 0;          // index into Policy::criteria
  std::string name;           // Policy::criteria[criterion].name
  double value = 0.0;         // mean over the pairs, 0..1
  double contribution = 0.0;  // sum over the pairs
};

struct GroupExplanation {
  double score = 0.0;
  double mean_pair_score = 0.0;
  int pairs = 0;
  std::vector<CriterionShare> breakdown;  // largest contribution first
};

// GroupExplanationBuilder sums pair explanations into a GroupExplanation.
// It keeps a pointer to `policy`, which must outlive it.
class GroupExplanationBuilder {
 public:
  explicit GroupExplanationBuilder(const Policy& policy);

  // Add one member pair (explained both ways), in pair order.
  void Add(const PairExplanation& pair);
  [[nodiscard]] GroupExplanation Build() const;

 private:
  const Policy* policy_;
  double score_ = 0.0;
  int pairs_ = 0;
  std::vector<double> value_;
  std::vector<double> contribution_;
};

// ExplainGroupMembers: the explanation of the group of `members` (rows of a
// PoolCohort's model), pairs in member list order.
[[nodiscard]] GroupExplanation ExplainGroupMembers(
    const ScoringModel& model, const std::vector<int>& members);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_GROUP_EXPLANATION_H_
