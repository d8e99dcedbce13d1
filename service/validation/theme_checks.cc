#include "service/validation/theme_checks.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "engine/common/near_miss.h"

namespace sopu::service {
namespace {

std::set<std::string> DeclaredThemes(const sopu::v1::Policy* policy) {
  std::set<std::string> declared;
  if (policy == nullptr) return declared;
  for (const sopu::v1::Criterion& c : policy->criteria()) {
    if (!c.has_complement()) continue;
    declared.insert(c.complement().themes().begin(),
                    c.complement().themes().end());
  }
  return declared;
}

}  // namespace

void CheckThemeNames(const sopu::v1::Cohort& cohort,
                     const sopu::v1::Policy* policy, const std::string& prefix,
                     ViolationList& violations) {
  const auto& themes = cohort.taxonomy().themes();
  const std::set<std::string> declared = DeclaredThemes(policy);
  const std::string base =
      prefix.empty() ? "taxonomy.themes" : prefix + ".taxonomy.themes";
  for (int t = 0; t < themes.size(); ++t) {
    const std::string& id = themes[t].id();
    if (id.empty() || declared.contains(id)) continue;
    for (int u = 0; u < t; ++u) {
      const std::string& earlier = themes[u].id();
      if (!IsNearMiss(id, earlier)) continue;
      violations.Add(
          absl::StrCat(base, "[", t, "].id"),
          absl::StrCat(
              "theme `", id, "` looks like a misspelling of theme `", earlier,
              "`",
              FoldCase(id) == FoldCase(earlier) ? " (only the case differs)"
                                                : "",
              "; correct the column, or list both themes in the policy's "
              "complement criterion if they really are different themes"));
      break;
    }
  }
}

}  // namespace sopu::service
