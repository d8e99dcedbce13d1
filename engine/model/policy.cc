#include "engine/model/policy.h"

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

}  // namespace sopu
