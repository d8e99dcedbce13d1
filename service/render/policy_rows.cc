#include "service/render/policy_rows.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

std::string DistanceDetails(const sopu::v1::Distance& d) {
  switch (d.mode()) {
    case sopu::v1::Distance::MODE_SAME_MUNICIPALITY:
      return "same municipality";
    case sopu::v1::Distance::MODE_SAME_REGION:
      return "same region";
    default:
      return absl::StrCat("within ", FormatFixed(d.max_km(), 0), " km");
  }
}

std::string GapDetails(const sopu::v1::Gap& g) {
  std::string details = absl::StrCat("number ", g.number(), ", gap at least ",
                                     FormatFixed(g.min_gap(), 1));
  if (g.has_max_gap()) {
    absl::StrAppend(&details, ", at most ", FormatFixed(g.max_gap(), 1));
  }
  return details;
}

// KindAndDetails: the criterion's kind and its settings in words.
std::pair<std::string, std::string> KindAndDetails(
    const sopu::v1::Criterion& c) {
  switch (c.kind_case()) {
    case sopu::v1::Criterion::kComplement:
      return {"complement",
              c.complement().themes().empty()
                  ? std::string("mentor competences against mentee goals")
                  : absl::StrCat("themes ",
                                 absl::StrJoin(c.complement().themes(), ", "))};
    case sopu::v1::Criterion::kSimilar:
      return {"similar", absl::StrCat("same ", c.similar().attribute())};
    case sopu::v1::Criterion::kDifferent:
      return {"different",
              absl::StrCat("different ", c.different().attribute())};
    case sopu::v1::Criterion::kOverlap:
      return {"overlap", absl::StrCat("shared ", c.overlap().tags())};
    case sopu::v1::Criterion::kDistance:
      return {"distance", DistanceDetails(c.distance())};
    case sopu::v1::Criterion::kGap:
      return {"gap", GapDetails(c.gap())};
    default:
      return {"", ""};
  }
}

}  // namespace

std::vector<PolicyRow> PolicyRows(const sopu::v1::Policy& policy) {
  double total = 0.0;
  for (const auto& c : policy.criteria()) total += c.weight();
  std::vector<PolicyRow> rows;
  for (const auto& c : policy.criteria()) {
    auto [kind, details] = KindAndDetails(c);
    rows.push_back({.name = c.name(),
                    .kind = std::move(kind),
                    .weight = c.weight(),
                    .share = total > 0.0 ? c.weight() / total : 0.0,
                    .hard = c.hard(),
                    .details = std::move(details)});
  }
  const std::string org = policy.organisation_attribute().empty()
                              ? std::string("organisation")
                              : policy.organisation_attribute();
  rows.push_back({.name = "same organisation",
                  .kind = "rule",
                  .hard = policy.forbid_same_organisation(),
                  .details = policy.forbid_same_organisation()
                                 ? absl::StrCat("no pair shares ", org)
                                 : std::string("not applied")});
  rows.push_back({.name = "avoid lists",
                  .kind = "rule",
                  .hard = policy.honour_avoid_lists(),
                  .details = policy.honour_avoid_lists()
                                 ? std::string("no pair where one avoids "
                                               "the other")
                                 : std::string("not applied")});
  return rows;
}

}  // namespace sopu::service
