#include "service/render/policy_rows.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

// Words: Substitute over a StaffWords entry (absl wants its own string
// type, which std::string converts to).
template <typename... Args>
std::string Words(std::string_view text, const Args&... args) {
  return absl::Substitute(std::string(text), args...);
}

std::string DistanceDetails(const sopu::v1::Distance& d, const StaffWords& w) {
  switch (d.mode()) {
    case sopu::v1::Distance::MODE_SAME_MUNICIPALITY:
      return std::string(w.same_municipality);
    case sopu::v1::Distance::MODE_SAME_REGION:
      return std::string(w.same_region);
    default:
      return Words(w.within_km, FormatFixed(d.max_km(), 0));
  }
}

std::string GapDetails(const sopu::v1::Gap& g, const StaffWords& w) {
  std::string details =
      Words(w.gap_details, g.number(), FormatFixed(g.min_gap(), 1));
  if (g.has_max_gap()) {
    details += Words(w.gap_at_most, FormatFixed(g.max_gap(), 1));
  }
  return details;
}

// KindAndDetails: the criterion's kind (as the policy file names it) and its
// settings in words.
std::pair<std::string, std::string> KindAndDetails(const sopu::v1::Criterion& c,
                                                   const StaffWords& w) {
  switch (c.kind_case()) {
    case sopu::v1::Criterion::kComplement:
      return {"complement",
              c.complement().themes().empty()
                  ? std::string(w.complement_all)
                  : Words(w.complement_themes,
                          absl::StrJoin(c.complement().themes(), ", "))};
    case sopu::v1::Criterion::kSimilar:
      return {"similar", Words(w.similar_details, c.similar().attribute())};
    case sopu::v1::Criterion::kDifferent:
      return {"different",
              Words(w.different_details, c.different().attribute())};
    case sopu::v1::Criterion::kOverlap:
      return {"overlap", Words(w.overlap_details, c.overlap().tags())};
    case sopu::v1::Criterion::kDistance:
      return {"distance", DistanceDetails(c.distance(), w)};
    case sopu::v1::Criterion::kGap:
      return {"gap", GapDetails(c.gap(), w)};
    default:
      return {"", ""};
  }
}

}  // namespace

std::vector<PolicyRow> PolicyRows(const sopu::v1::Policy& policy,
                                  const StaffWords& w) {
  double total = 0.0;
  for (const auto& c : policy.criteria()) total += c.weight();
  std::vector<PolicyRow> rows;
  for (const auto& c : policy.criteria()) {
    auto [kind, details] = KindAndDetails(c, w);
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
  rows.push_back({.name = std::string(w.rule_same_organisation),
                  .kind = "rule",
                  .hard = policy.forbid_same_organisation(),
                  .details = policy.forbid_same_organisation()
                                 ? Words(w.same_organisation_applied, org)
                                 : std::string(w.not_applied)});
  rows.push_back({.name = std::string(w.rule_avoid_lists),
                  .kind = "rule",
                  .hard = policy.honour_avoid_lists(),
                  .details = policy.honour_avoid_lists()
                                 ? std::string(w.avoid_lists_applied)
                                 : std::string(w.not_applied)});
  return rows;
}

}  // namespace sopu::service
