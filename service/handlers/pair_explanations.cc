#include "service/handlers/pair_explanations.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace sopu::service {

void AddTopReasons(
    const ScoringModel& model, const PairExplanation& pair,
    google::protobuf::RepeatedPtrField<sopu::v1::CriterionContribution>& out) {
  std::vector<const CriterionValue*> parts;
  for (const CriterionValue& v : pair.values) {
    if (v.contribution > 0.0) parts.push_back(&v);
  }
  std::stable_sort(parts.begin(), parts.end(),
                   [](const CriterionValue* a, const CriterionValue* b) {
                     return a->contribution > b->contribution;
                   });
  if (parts.size() > kMaxReasons) parts.resize(kMaxReasons);
  for (const CriterionValue* v : parts) {
    auto* reason = out.Add();
    reason->set_criterion(
        model.policy().criteria[static_cast<std::size_t>(v->criterion)].name);
    reason->set_value(v->value);
    reason->set_contribution(v->contribution);
  }
}

std::string VerdictRuleName(const Policy& policy, std::uint8_t verdict) {
  switch (verdict) {
    case kForbiddenSelf:
      return "self-pair";
    case kForbiddenAvoid:
      return "avoid-list";
    case kForbiddenSameOrganisation:
      return "same-organisation";
    default:
      return policy
          .criteria[static_cast<std::size_t>(verdict - kFirstCriterionVerdict)]
          .name;
  }
}

Exclusion ExplainExclusion(const ScoringModel& model, int row) {
  const Policy& policy = model.policy();
  const int cols = static_cast<int>(model.mentors().size());
  std::vector<std::pair<std::string, int>> counts;
  auto count = [&](const std::string& rule) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == rule; });
    if (it == counts.end()) {
      counts.emplace_back(rule, 1);
    } else {
      ++it->second;
    }
  };
  int others = 0;  // mentors other than the mentee themself
  for (int c = 0; c < cols; ++c) {
    const PairExplanation pair = model.Explain(row, c);
    if (pair.self) continue;
    ++others;
    if (pair.avoided && policy.honour_avoid_lists) count("avoid-list");
    if (pair.same_organisation) count("same-organisation");
    for (const CriterionValue& v : pair.values) {
      const Criterion& criterion =
          policy.criteria[static_cast<std::size_t>(v.criterion)];
      if (criterion.hard && !v.holds) count(criterion.name);
    }
  }
  std::stable_sort(
      counts.begin(), counts.end(),
      [](const auto& a, const auto& b) { return a.second > b.second; });
  Exclusion out;
  out.rules = counts;
  if (others == 0) {
    out.sentence = "there is no mentor other than this participant";
  } else if (!counts.empty() && counts.front().second == others) {
    out.sentence = absl::StrCat("rule ", counts.front().first, " excludes all ",
                                others, others == 1 ? " mentor" : " mentors");
  } else {
    std::vector<std::string> parts;
    parts.reserve(counts.size());
    for (const auto& [rule, n] : counts) {
      parts.push_back(absl::StrCat(rule, " (", n, ")"));
    }
    out.sentence = absl::StrCat(
        "each of the ", others,
        " mentors is excluded by one of: ", absl::StrJoin(parts, ", "));
  }
  return out;
}

}  // namespace sopu::service
