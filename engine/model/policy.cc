#include "engine/model/policy.h"

#include <algorithm>
#include <utility>

namespace sopu {

std::string_view KindName(CriterionKind kind) {
  switch (kind) {
    case CriterionKind::kComplement:
      return "complement";
    case CriterionKind::kSimilar:
      return "similar";
    case CriterionKind::kDifferent:
      return "different";
    case CriterionKind::kOverlap:
      return "overlap";
    case CriterionKind::kDistance:
      return "distance";
    case CriterionKind::kGap:
      return "gap";
  }
  return "unknown";
}

Policy DefaultPolicy() {
  Policy policy;
  policy.name = "default";
  Criterion complement;
  complement.name = "complement";
  complement.kind = CriterionKind::kComplement;
  complement.weight = 1.0;
  policy.criteria.push_back(complement);

  Criterion language;
  language.name = "shared-language";
  language.kind = CriterionKind::kOverlap;
  language.field = "languages";
  language.weight = 0.0;
  language.hard = true;
  language.minimum = 1;
  language.saturation = 1;
  policy.criteria.push_back(language);

  policy.honour_avoid_lists = true;
  return policy;
}

namespace {

bool AnyoneHas(const Cohort& cohort, const auto& has) {
  return std::any_of(cohort.participants.begin(), cohort.participants.end(),
                     has);
}

}  // namespace

DefaultPolicyChoice DefaultPolicyFor(const Cohort& cohort) {
  DefaultPolicyChoice choice;
  choice.policy = DefaultPolicy();
  std::vector<Criterion> kept;
  for (Criterion& c : choice.policy.criteria) {
    if (c.kind == CriterionKind::kComplement && cohort.themes.empty()) {
      choice.left_out.push_back({c.name, "themes"});
    } else if (c.kind == CriterionKind::kOverlap &&
               !AnyoneHas(cohort, [&](const Participant& p) {
                 const std::vector<std::string>* tags = TagValues(p, c.field);
                 return tags != nullptr && !tags->empty();
               })) {
      choice.left_out.push_back({c.name, c.field});
    } else {
      kept.push_back(std::move(c));
    }
  }
  const bool scores_nothing =
      std::none_of(kept.begin(), kept.end(),
                   [](const Criterion& c) { return c.weight > 0.0; });
  if (scores_nothing && AnyoneHas(cohort, [](const Participant& p) {
        return CategoricalValue(p, "sector") != nullptr;
      })) {
    Criterion sector;
    sector.name = "different-sector";
    sector.kind = CriterionKind::kDifferent;
    sector.field = "sector";
    sector.weight = 1.0;
    kept.push_back(sector);
  }
  choice.policy.criteria = std::move(kept);
  return choice;
}

}  // namespace sopu
