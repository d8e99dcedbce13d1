// GroupRules: the hard rules of one grouping, as the program states them,
// with members named by their index in the pool (the members to be grouped,
// in PoolCohort order). Plain data; BuildGroupParts turns the rules into
// engine problems, CheckGroupRules re-checks them on a result, and PlanGroups
// fills them from its options.
//
// The rules (docs/groups.md has the staff's view):
//   - size: every group holds min_size..max_size members; with even_sizes
//     (or group_count set and no sizes, both 0) sizes as even as possible:
//     within floor(n / m)..ceil(n / m) for n members in m groups;
//   - group_count: the number of groups; 0 = the fewest that fit max_size
//     (per key value) plus extra_groups;
//   - key: every member of a group has the same value of key_attribute, and
//     each value forms its own groups;
//   - organisation cap: at most max_per_organisation members with one value
//     of organisation_attribute per group (0 = no cap);
//   - balance, per attribute: spread (at most ceil(holders / groups) holders
//     of a value per group) and no isolated minority (a group holds 0 or >= 2
//     holders of each listed value);
//   - together: each pair shares a group;
//   - the policy's pair rules (hard criteria, avoid-lists, same organisation)
//     come with the pool's scores, not from here.
#ifndef SOPU_ENGINE_GROUPS_PLANNING_GROUP_RULES_H_
#define SOPU_ENGINE_GROUPS_PLANNING_GROUP_RULES_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/model/cohort.h"

namespace sopu {

// BalanceRule: the balance rules over one attribute.
struct BalanceRule {
  std::string attribute;
  bool spread = false;
  std::vector<std::string> no_isolated_values;
};

struct GroupRules {
  int min_size = 0;
  int max_size = 0;
  int group_count = 0;
  // Sizes differ by at most one (within min_size..max_size).
  bool even_sizes = false;
  // With group_count 0: this many groups more than the fewest that fit.
  int extra_groups = 0;
  std::string key_attribute;  // "" = no key
  int max_per_organisation = 0;
  // The policy's Policy::organisation_attribute.
  std::string organisation_attribute = "organisation";
  std::vector<BalanceRule> balance;
  std::vector<std::pair<int, int>> together;  // pool indices
};

// AttributeValue: the participant's value of `attribute` ("municipality" and
// "region" read the location, as CategoricalValue does); "" when none.
[[nodiscard]] std::string AttributeValue(const Participant& participant,
                                         const std::string& attribute);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_GROUP_RULES_H_
