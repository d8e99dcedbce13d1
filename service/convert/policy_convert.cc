#include "service/convert/policy_convert.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace sopu::service {

using sopu::v1::Criterion;

std::string CriterionName(const Criterion& criterion) {
  if (!criterion.name().empty()) return criterion.name();
  switch (criterion.kind_case()) {
    case Criterion::kComplement:
      return "complement";
    case Criterion::kSimilar:
      return absl::StrCat("similar:", criterion.similar().attribute());
    case Criterion::kDifferent:
      return absl::StrCat("different:", criterion.different().attribute());
    case Criterion::kOverlap:
      return absl::StrCat("overlap:", criterion.overlap().tags());
    case Criterion::kDistance:
      switch (criterion.distance().mode()) {
        case sopu::v1::Distance::MODE_SAME_MUNICIPALITY:
          return "distance:municipality";
        case sopu::v1::Distance::MODE_SAME_REGION:
          return "distance:region";
        default:
          return "distance";
      }
    case Criterion::kGap:
      return absl::StrCat("gap:", criterion.gap().number());
    case Criterion::KIND_NOT_SET:
      break;
  }
  return "criterion";
}

namespace {

sopu::Criterion ToEngineCriterion(const Criterion& in) {
  sopu::Criterion out;
  out.name = CriterionName(in);
  out.weight = in.weight();
  out.hard = in.hard();
  switch (in.kind_case()) {
    case Criterion::kComplement:
      out.kind = CriterionKind::kComplement;
      out.themes.assign(in.complement().themes().begin(),
                        in.complement().themes().end());
      out.min_coverage = in.complement().min_coverage();
      break;
    case Criterion::kSimilar:
      out.kind = CriterionKind::kSimilar;
      out.field = in.similar().attribute();
      break;
    case Criterion::kDifferent:
      out.kind = CriterionKind::kDifferent;
      out.field = in.different().attribute();
      break;
    case Criterion::kOverlap:
      out.kind = CriterionKind::kOverlap;
      out.field = in.overlap().tags();
      out.minimum = std::max(1, in.overlap().minimum());
      out.saturation = in.overlap().saturation() > 0 ? in.overlap().saturation()
                                                     : out.minimum;
      break;
    case Criterion::kDistance:
      out.kind = CriterionKind::kDistance;
      switch (in.distance().mode()) {
        case sopu::v1::Distance::MODE_SAME_MUNICIPALITY:
          out.distance_mode = DistanceMode::kSameMunicipality;
          break;
        case sopu::v1::Distance::MODE_SAME_REGION:
          out.distance_mode = DistanceMode::kSameRegion;
          break;
        default:
          out.distance_mode = DistanceMode::kGeo;
          break;
      }
      out.max_km =
          in.distance().max_km() > 0.0 ? in.distance().max_km() : kDefaultMaxKm;
      break;
    case Criterion::kGap:
      out.kind = CriterionKind::kGap;
      out.field = in.gap().number();
      out.min_gap = in.gap().min_gap();
      if (in.gap().has_max_gap()) out.max_gap = in.gap().max_gap();
      out.tolerance = in.gap().has_tolerance()
                          ? in.gap().tolerance()
                          : std::max(1.0, std::abs(out.min_gap));
      out.absolute = in.gap().absolute();
      break;
    case Criterion::KIND_NOT_SET:
      break;
  }
  return out;
}

Criterion ToProtoCriterion(const sopu::Criterion& in) {
  Criterion out;
  out.set_name(in.name);
  out.set_weight(in.weight);
  out.set_hard(in.hard);
  switch (in.kind) {
    case CriterionKind::kComplement: {
      auto* c = out.mutable_complement();
      for (const std::string& t : in.themes) c->add_themes(t);
      c->set_min_coverage(in.min_coverage);
      break;
    }
    case CriterionKind::kSimilar:
      out.mutable_similar()->set_attribute(in.field);
      break;
    case CriterionKind::kDifferent:
      out.mutable_different()->set_attribute(in.field);
      break;
    case CriterionKind::kOverlap: {
      auto* o = out.mutable_overlap();
      o->set_tags(in.field);
      o->set_minimum(in.minimum);
      o->set_saturation(in.saturation);
      break;
    }
    case CriterionKind::kDistance: {
      auto* d = out.mutable_distance();
      switch (in.distance_mode) {
        case DistanceMode::kGeo:
          d->set_mode(sopu::v1::Distance::MODE_GEO_UNSPECIFIED);
          break;
        case DistanceMode::kSameMunicipality:
          d->set_mode(sopu::v1::Distance::MODE_SAME_MUNICIPALITY);
          break;
        case DistanceMode::kSameRegion:
          d->set_mode(sopu::v1::Distance::MODE_SAME_REGION);
          break;
      }
      d->set_max_km(in.max_km);
      break;
    }
    case CriterionKind::kGap: {
      auto* g = out.mutable_gap();
      g->set_number(in.field);
      g->set_min_gap(in.min_gap);
      if (in.max_gap.has_value()) g->set_max_gap(*in.max_gap);
      g->set_tolerance(in.tolerance);
      g->set_absolute(in.absolute);
      break;
    }
  }
  return out;
}

}  // namespace

sopu::Policy ToEnginePolicy(const sopu::v1::Policy& policy) {
  sopu::Policy out;
  out.name = policy.name();
  for (const Criterion& c : policy.criteria()) {
    out.criteria.push_back(ToEngineCriterion(c));
  }
  out.forbid_same_organisation = policy.forbid_same_organisation();
  out.organisation_attribute = policy.organisation_attribute().empty()
                                   ? kDefaultOrganisationAttribute
                                   : policy.organisation_attribute();
  out.honour_avoid_lists = policy.honour_avoid_lists();
  return out;
}

sopu::v1::Policy ToProtoPolicy(const sopu::Policy& policy) {
  sopu::v1::Policy out;
  out.set_name(policy.name);
  for (const sopu::Criterion& c : policy.criteria) {
    *out.add_criteria() = ToProtoCriterion(c);
  }
  out.set_forbid_same_organisation(policy.forbid_same_organisation);
  out.set_organisation_attribute(policy.organisation_attribute);
  out.set_honour_avoid_lists(policy.honour_avoid_lists);
  return out;
}

}  // namespace sopu::service
