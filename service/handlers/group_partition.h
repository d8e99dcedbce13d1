// BuildGroupParts turns a groups request's rules into engine problems: the
// members are split by key value (each value's members form their own
// groups), each part gets its number of groups and size bounds, its
// pairwise affinities, and its hard rules as GroupProblem rules:
//   - a pair the policy forbids -> apart;
//   - together pairs -> together;
//   - the organisation cap, spread and no-isolated rules -> CategoryRules
//     (spread: at most ceil(holders / groups) per group).
// Rules that provably cannot all hold are explained in the program's terms
// instead (e.g. "7 members with town Seinäjoki cannot form groups of 4-6"):
// sizes, a together-set larger than a group, together pairs split by the key
// or forbidden by the policy, an organisation with more members than the
// groups can take, a lone holder of a no-isolated value, spread and
// no-isolated that exclude each other.
//
// Complexity: O(n^2) for the affinities and apart pairs (n members), plus
// O(n r) for r category rules.
#ifndef SOPU_SERVICE_HANDLERS_GROUP_PARTITION_H_
#define SOPU_SERVICE_HANDLERS_GROUP_PARTITION_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/groups/group_problem.h"
#include "engine/model/cohort.h"

namespace sopu::service {

struct BalanceSpec {
  std::string attribute;
  bool spread = false;
  std::vector<std::string> no_isolated_values;
};

// GroupRulesSpec: the request's rules, with members named by pool index.
struct GroupRulesSpec {
  int min_size = 0;
  int max_size = 0;
  int group_count = 0;
  std::string key_attribute;
  int max_per_organisation = 0;
  std::string organisation_attribute;
  std::vector<BalanceSpec> balance;
  std::vector<std::pair<int, int>> together;
};

// GroupPart: the members sharing one key value and their problem.
struct GroupPart {
  std::string key_value;
  std::vector<int> members;  // pool indices, ascending
  GroupProblem problem;      // element k = members[k]
};

struct GroupPartition {
  std::vector<GroupPart> parts;
  // Pool indices without a key value, and the reason.
  std::vector<std::pair<int, std::string>> unassigned;
  // (key value, explanation) of every rule set that cannot hold.
  std::vector<std::pair<std::string, std::string>> infeasible;
};

// AttributeValue: the participant's value for `attribute` ("municipality"
// and "region" read the location); "" when none.
[[nodiscard]] std::string AttributeValue(const Participant& participant,
                                         const std::string& attribute);

// BuildGroupParts: `pool` are the members; affinity and allowed are
// row-major pool x pool (symmetric).
[[nodiscard]] GroupPartition BuildGroupParts(
    const std::vector<const Participant*>& pool,
    const std::vector<double>& affinity,
    const std::vector<std::uint8_t>& allowed, const GroupRulesSpec& spec);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_GROUP_PARTITION_H_
