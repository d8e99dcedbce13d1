#include "engine/groups/planning/group_rule_checks.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/common/index.h"

namespace sopu {
namespace {

using Groups = std::vector<std::vector<int>>;
using Pool = std::vector<const Participant*>;

// ValueCounts: per group, how many members hold each value of `attribute`.
std::vector<std::map<std::string, int>> ValueCounts(
    const Pool& pool, const std::string& attribute, const Groups& groups) {
  std::vector<std::map<std::string, int>> counts(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const int i : groups[g]) {
      const std::string v = AttributeValue(*pool[Idx(i)], attribute);
      if (!v.empty()) ++counts[g][v];
    }
  }
  return counts;
}

RuleCheckResult SizeRule(const GroupRules& rules, const Groups& groups) {
  RuleCheckResult r;
  r.rule = absl::StrCat("size ", rules.min_size, "-", rules.max_size);
  for (const auto& g : groups) {
    const int s = static_cast<int>(g.size());
    r.violations += s < rules.min_size || s > rules.max_size ? 1 : 0;
  }
  return r;
}

// KeyRule also sets each group's key value (the smallest of its members').
RuleCheckResult KeyRule(const Pool& pool, const std::string& key,
                        const Groups& groups, std::vector<std::string>& keys) {
  RuleCheckResult r;
  r.rule = absl::StrCat("same ", key);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::set<std::string> values;
    for (const int i : groups[g]) {
      values.insert(AttributeValue(*pool[Idx(i)], key));
    }
    if (values.empty()) continue;
    r.violations += static_cast<int>(values.size()) - 1;
    keys[g] = *values.begin();
  }
  return r;
}

RuleCheckResult PolicyPairRule(const std::vector<std::uint8_t>& allowed, int n,
                               const Groups& groups) {
  RuleCheckResult r;
  r.rule = "policy rules (hard criteria, avoid-lists)";
  for (const auto& g : groups) {
    for (std::size_t a = 0; a < g.size(); ++a) {
      for (std::size_t b = a + 1; b < g.size(); ++b) {
        r.violations += allowed[At(g[a], g[b], n)] == 0 ? 1 : 0;
      }
    }
  }
  return r;
}

RuleCheckResult TogetherRule(const GroupRules& rules, int n,
                             const Groups& groups) {
  std::vector<int> group_of(Idx(n), -1);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const int i : groups[g]) group_of[Idx(i)] = static_cast<int>(g);
  }
  RuleCheckResult r;
  r.rule = "together";
  for (const auto& [a, b] : rules.together) {
    r.violations +=
        group_of[Idx(a)] < 0 || group_of[Idx(a)] != group_of[Idx(b)] ? 1 : 0;
  }
  return r;
}

RuleCheckResult OrganisationRule(const Pool& pool, const GroupRules& rules,
                                 const Groups& groups) {
  RuleCheckResult r;
  r.rule = absl::StrCat("at most ", rules.max_per_organisation, " per ",
                        rules.organisation_attribute);
  for (const auto& counts :
       ValueCounts(pool, rules.organisation_attribute, groups)) {
    for (const auto& [value, c] : counts) {
      r.violations += std::max(0, c - rules.max_per_organisation);
    }
  }
  return r;
}

// SpreadRule: `counts` per group, `keys` each group's key value.
RuleCheckResult SpreadRule(
    const std::string& attribute,
    const std::vector<std::map<std::string, int>>& counts,
    const std::vector<std::string>& keys) {
  std::map<std::string, int> groups_per_key;
  for (const std::string& k : keys) ++groups_per_key[k];
  std::map<std::pair<std::string, std::string>, int> holders;
  for (std::size_t g = 0; g < counts.size(); ++g) {
    for (const auto& [value, c] : counts[g]) holders[{keys[g], value}] += c;
  }
  RuleCheckResult r;
  r.rule = absl::StrCat("spread ", attribute);
  for (std::size_t g = 0; g < counts.size(); ++g) {
    const int m = groups_per_key[keys[g]];
    for (const auto& [value, c] : counts[g]) {
      const int cap = (holders[{keys[g], value}] + m - 1) / m;
      r.violations += std::max(0, c - cap);
    }
  }
  return r;
}

RuleCheckResult NoIsolatedRule(
    const std::string& attribute, const std::string& value,
    const std::vector<std::map<std::string, int>>& counts) {
  RuleCheckResult r;
  r.rule = absl::StrCat("no isolated ", attribute, " ", value);
  for (const auto& c : counts) {
    const auto it = c.find(value);
    r.violations += it != c.end() && it->second == 1 ? 1 : 0;
  }
  return r;
}

}  // namespace

std::vector<RuleCheckResult> CheckGroupRules(
    const std::vector<const Participant*>& pool,
    const std::vector<std::uint8_t>& allowed, const GroupRules& rules,
    const std::vector<std::vector<int>>& groups) {
  std::vector<RuleCheckResult> out;
  const int n = static_cast<int>(pool.size());
  if (rules.max_size > 0) out.push_back(SizeRule(rules, groups));
  std::vector<std::string> keys(groups.size());
  if (!rules.key_attribute.empty()) {
    out.push_back(KeyRule(pool, rules.key_attribute, groups, keys));
  }
  out.push_back(PolicyPairRule(allowed, n, groups));
  if (!rules.together.empty()) out.push_back(TogetherRule(rules, n, groups));
  if (rules.max_per_organisation > 0) {
    out.push_back(OrganisationRule(pool, rules, groups));
  }
  for (const BalanceRule& balance : rules.balance) {
    const auto counts = ValueCounts(pool, balance.attribute, groups);
    if (balance.spread) {
      out.push_back(SpreadRule(balance.attribute, counts, keys));
    }
    for (const std::string& value : balance.no_isolated_values) {
      out.push_back(NoIsolatedRule(balance.attribute, value, counts));
    }
  }
  return out;
}

}  // namespace sopu
