// CheckGroupRules re-checks every hard rule of a groups request on a result,
// independently of the search's own bookkeeping: group sizes, the key, pairs
// the policy forbids, together pairs, the organisation cap, spread and no
// isolated minority. One entry per rule, with the number of times it is
// broken. O(n^2) for the pair rules (n members), O(n r) for the others.
#ifndef SOPU_SERVICE_HANDLERS_GROUP_RULE_CHECKS_H_
#define SOPU_SERVICE_HANDLERS_GROUP_RULE_CHECKS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/cohort.h"
#include "service/handlers/group_partition.h"

namespace sopu::service {

struct RuleCheckResult {
  std::string rule;  // e.g. "size 4-6", "at most 2 per organisation"
  int violations = 0;
};

// CheckGroupRules: `groups` lists pool indices per group; `allowed` is the
// pool x pool matrix of pairs the policy allows.
[[nodiscard]] std::vector<RuleCheckResult> CheckGroupRules(
    const std::vector<const Participant*>& pool,
    const std::vector<std::uint8_t>& allowed, const GroupRulesSpec& spec,
    const std::vector<std::vector<int>>& groups);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_GROUP_RULE_CHECKS_H_
