#include "engine/groups/planning/rule_names.h"

#include <algorithm>
#include <cstddef>
#include <set>

#include "absl/strings/str_cat.h"
#include "engine/common/near_miss.h"

namespace sopu {
namespace {

// MemberAttributes: the categorical attribute names the members have a
// (non-empty) value of, the location's "municipality" and "region" among
// them.
std::vector<std::string> MemberAttributes(const Cohort& cohort,
                                          RoleBit member_role) {
  std::set<std::string> names;
  for (const Participant& p : cohort.participants) {
    if (!p.Has(member_role)) continue;
    for (const auto& [name, value] : p.attributes) {
      if (!value.empty()) names.insert(name);
    }
    if (!p.municipality.empty()) names.insert("municipality");
    if (!p.region.empty()) names.insert("region");
  }
  return {names.begin(), names.end()};
}

std::vector<std::string> MemberValues(const Cohort& cohort, RoleBit member_role,
                                      const std::string& attribute) {
  std::set<std::string> values;
  for (const Participant& p : cohort.participants) {
    if (!p.Has(member_role)) continue;
    if (const std::string* v = CategoricalValue(p, attribute)) {
      values.insert(*v);
    }
  }
  return {values.begin(), values.end()};
}

bool Contains(const std::vector<std::string>& sorted, const std::string& x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

void CheckKey(const Cohort& cohort, RoleBit member_role, const std::string& key,
              const std::vector<std::string>& names,
              std::vector<RuleNameProblem>& out) {
  if (key.empty()) return;
  if (!Contains(names, key)) {
    out.push_back({.kind = RuleNameProblemKind::kUnknownKeyAttribute,
                   .field = "key_attribute",
                   .name = key,
                   .attribute = "",
                   .existing = names,
                   .suggestion = ClosestName(key, names),
                   .participant = -1});
    return;
  }
  for (std::size_t i = 0; i < cohort.participants.size(); ++i) {
    const Participant& p = cohort.participants[i];
    if (p.Has(member_role) && CategoricalValue(p, key) == nullptr) {
      out.push_back({.kind = RuleNameProblemKind::kMissingKeyValue,
                     .field = "key_attribute",
                     .name = key,
                     .attribute = key,
                     .existing = {},
                     .suggestion = std::nullopt,
                     .participant = static_cast<int>(i)});
    }
  }
}

void CheckBalance(const Cohort& cohort, RoleBit member_role,
                  const std::vector<BalanceRule>& balance,
                  const std::vector<std::string>& names,
                  std::vector<RuleNameProblem>& out) {
  for (std::size_t b = 0; b < balance.size(); ++b) {
    const BalanceRule& rule = balance[b];
    if (!Contains(names, rule.attribute)) {
      out.push_back({.kind = RuleNameProblemKind::kUnknownBalanceAttribute,
                     .field = absl::StrCat("balance[", b, "].attribute"),
                     .name = rule.attribute,
                     .attribute = "",
                     .existing = names,
                     .suggestion = ClosestName(rule.attribute, names),
                     .participant = -1});
      continue;
    }
    const std::vector<std::string> values =
        MemberValues(cohort, member_role, rule.attribute);
    for (std::size_t v = 0; v < rule.no_isolated_values.size(); ++v) {
      const std::string& value = rule.no_isolated_values[v];
      if (Contains(values, value)) continue;
      out.push_back({.kind = RuleNameProblemKind::kUnknownIsolatedValue,
                     .field = absl::StrCat("balance[", b,
                                           "].no_isolated_values[", v, "]"),
                     .name = value,
                     .attribute = rule.attribute,
                     .existing = values,
                     .suggestion = ClosestName(value, values),
                     .participant = -1});
    }
  }
}

}  // namespace

std::vector<RuleNameProblem> CheckRuleNames(
    const Cohort& cohort, RoleBit member_role, const std::string& key_attribute,
    const std::vector<BalanceRule>& balance) {
  std::vector<RuleNameProblem> out;
  const bool any_member =
      std::any_of(cohort.participants.begin(), cohort.participants.end(),
                  [&](const Participant& p) { return p.Has(member_role); });
  if (!any_member) return out;  // no rule applies to anybody
  const std::vector<std::string> names = MemberAttributes(cohort, member_role);
  CheckKey(cohort, member_role, key_attribute, names, out);
  CheckBalance(cohort, member_role, balance, names, out);
  return out;
}

}  // namespace sopu
