#include "service/handlers/group_rule_checks.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"

namespace sopu::service {
namespace {

std::size_t Idx(int k) { return static_cast<std::size_t>(k); }

// ValueCounts: per group, how many members hold each value of `attribute`.
std::vector<std::map<std::string, int>> ValueCounts(
    const std::vector<const Participant*>& pool, const std::string& attribute,
    const std::vector<std::vector<int>>& groups) {
  std::vector<std::map<std::string, int>> counts(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const int i : groups[g]) {
      const std::string v = AttributeValue(*pool[Idx(i)], attribute);
      if (!v.empty()) ++counts[g][v];
    }
  }
  return counts;
}

}  // namespace

std::vector<RuleCheckResult> CheckGroupRules(
    const std::vector<const Participant*>& pool,
    const std::vector<std::uint8_t>& allowed, const GroupRulesSpec& spec,
    const std::vector<std::vector<int>>& groups) {
  std::vector<RuleCheckResult> out;
  const std::size_t n = pool.size();
  if (spec.max_size > 0) {
    RuleCheckResult& r = out.emplace_back();
    r.rule = absl::StrCat("size ", spec.min_size, "-", spec.max_size);
    for (const auto& g : groups) {
      const int s = static_cast<int>(g.size());
      r.violations += s < spec.min_size || s > spec.max_size ? 1 : 0;
    }
  }
  // The key of a group is its first member's; the part is its key value.
  std::vector<std::string> key(groups.size());
  if (!spec.key_attribute.empty()) {
    RuleCheckResult& r = out.emplace_back();
    r.rule = absl::StrCat("same ", spec.key_attribute);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      std::set<std::string> values;
      for (const int i : groups[g]) {
        values.insert(AttributeValue(*pool[Idx(i)], spec.key_attribute));
      }
      r.violations += static_cast<int>(values.size()) - 1;
      if (!values.empty()) key[g] = *values.begin();
    }
  }
  std::vector<int> group_of(n, -1);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const int i : groups[g]) group_of[Idx(i)] = static_cast<int>(g);
  }
  {
    RuleCheckResult& r = out.emplace_back();
    r.rule = "policy rules (hard criteria, avoid-lists)";
    for (const auto& g : groups) {
      for (std::size_t a = 0; a < g.size(); ++a) {
        for (std::size_t b = a + 1; b < g.size(); ++b) {
          r.violations += allowed[Idx(g[a]) * n + Idx(g[b])] == 0 ? 1 : 0;
        }
      }
    }
  }
  if (!spec.together.empty()) {
    RuleCheckResult& r = out.emplace_back();
    r.rule = "together";
    for (const auto& [a, b] : spec.together) {
      r.violations +=
          group_of[Idx(a)] < 0 || group_of[Idx(a)] != group_of[Idx(b)] ? 1 : 0;
    }
  }
  if (spec.max_per_organisation > 0) {
    RuleCheckResult& r = out.emplace_back();
    r.rule = absl::StrCat("at most ", spec.max_per_organisation, " per ",
                          spec.organisation_attribute);
    for (const auto& counts :
         ValueCounts(pool, spec.organisation_attribute, groups)) {
      for (const auto& [value, c] : counts) {
        r.violations += std::max(0, c - spec.max_per_organisation);
      }
    }
  }
  // Groups per key value, for the spread caps.
  std::map<std::string, int> groups_per_key;
  for (const std::string& k : key) ++groups_per_key[k];
  for (const BalanceSpec& balance : spec.balance) {
    const auto counts = ValueCounts(pool, balance.attribute, groups);
    if (balance.spread) {
      RuleCheckResult& r = out.emplace_back();
      r.rule = absl::StrCat("spread ", balance.attribute);
      std::map<std::pair<std::string, std::string>, int> holders;
      for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const auto& [value, c] : counts[g]) holders[{key[g], value}] += c;
      }
      for (std::size_t g = 0; g < groups.size(); ++g) {
        const int m = groups_per_key[key[g]];
        for (const auto& [value, c] : counts[g]) {
          const int cap = (holders[{key[g], value}] + m - 1) / m;
          r.violations += std::max(0, c - cap);
        }
      }
    }
    for (const std::string& value : balance.no_isolated_values) {
      RuleCheckResult& r = out.emplace_back();
      r.rule = absl::StrCat("no isolated ", balance.attribute, " ", value);
      for (const auto& c : counts) {
        const auto it = c.find(value);
        r.violations += it != c.end() && it->second == 1 ? 1 : 0;
      }
    }
  }
  return out;
}

}  // namespace sopu::service
