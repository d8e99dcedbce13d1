// CheckGroupRules re-checks every hard rule of a grouping on its result,
// independently of the search's own bookkeeping (which works per part, on
// element indices), so that a result proves itself: one entry per rule, with
// the number of times it is broken, in this order and with these names:
//   - "size 4-6" (when max_size > 0): 1 per group outside the bounds;
//   - "same town" (when key_attribute is set): per group, the number of
//     distinct key values minus 1;
//   - "policy rules (hard criteria, avoid-lists)" (always): 1 per pair of
//     members of one group that `allowed` forbids;
//   - "together" (when there are together pairs): 1 per pair not in one
//     group (or not grouped at all);
//   - "at most 2 per organisation" (when max_per_organisation > 0): per group
//     and value, the holders beyond the cap;
//   - per balance rule: "spread sector" (when spread): per group and value,
//     the holders beyond ceil(h / m), h the value's holders in the groups of
//     the group's key value and m the number of those groups; then
//     "no isolated sector games" per listed value: 1 per group holding
//     exactly one holder.
// Members without a value of an attribute never count for it. A group's key
// value is the smallest of its members' values (the one it was formed for,
// when the key rule holds).
//
// Complexity: O(sum of s^2) over groups of size s for the pair rule, plus
// O(n r log v) for r attribute rules (n pool members, v values).
//
// Usage:
//   for (const RuleCheckResult& r : CheckGroupRules(pool, allowed, rules,
//                                                   groups)) {
//     if (r.violations > 0) ...;  // the rule r.rule does not hold
//   }
#ifndef SOPU_ENGINE_GROUPS_PLANNING_GROUP_RULE_CHECKS_H_
#define SOPU_ENGINE_GROUPS_PLANNING_GROUP_RULE_CHECKS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/groups/planning/group_rules.h"
#include "engine/model/cohort.h"

namespace sopu {

struct RuleCheckResult {
  std::string rule;  // e.g. "size 4-6", "at most 2 per organisation"
  int violations = 0;
};

// CheckGroupRules: `groups` lists pool indices per group (each member at most
// once); `allowed` is the row-major pool x pool matrix of the pairs the
// policy allows (a PoolAffinity's).
[[nodiscard]] std::vector<RuleCheckResult> CheckGroupRules(
    const std::vector<const Participant*>& pool,
    const std::vector<std::uint8_t>& allowed, const GroupRules& rules,
    const std::vector<std::vector<int>>& groups);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_GROUP_RULE_CHECKS_H_
