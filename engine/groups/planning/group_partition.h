// BuildGroupParts turns a pool's group rules into engine problems, one per
// part: the members are split by key value (each value's members form their
// own groups; one part without a key), and each part gets its number of
// groups and size bounds, its pairwise affinities and its hard rules as
// GroupProblem rules:
//   - a pair the policy forbids (allowed = 0) -> apart;
//   - together pairs -> together;
//   - the organisation cap, spread and no-isolated rules -> category rules
//     (part_category_rules.h).
//
// Algorithm:
//   1. split: members in pool order; a member without a key value is left
//      unassigned ("no value for town"); parts are ordered by their first
//      member;
//   2. together pairs: union-find over the pool; a pair the key splits or
//      the policy forbids cannot hold;
//   3. per part: the number of groups (group_count, or the fewest that fit
//      max_size plus extra_groups) and the bounds (min_size..max_size, or
//      floor(n / m)..ceil(n / m) within them with even_sizes or with
//      group_count and no sizes); then the problem and its rules.
// Rules that provably cannot all hold are explained in the program's terms
// instead, in this order: together pairs (pool order of the request), then
// per part: sizes (the part's problem is then left empty), together-sets
// larger than a group, organisation caps, balance rules. E.g. "7 members with
// town Seinäjoki cannot form groups of 4-6", "p01 and p02 must be together
// but the policy forbids pairing them", "5 members with town Vaasa must be
// together, but a group holds at most 4". A partition with any explanation
// must not be searched.
//
// Complexity: O(n^2) for the affinities and apart pairs (n members), plus
// O(n r log v) for r attribute rules over v values.
//
// Determinism: the result depends only on the arguments.
#ifndef SOPU_ENGINE_GROUPS_PLANNING_GROUP_PARTITION_H_
#define SOPU_ENGINE_GROUPS_PLANNING_GROUP_PARTITION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/groups/group_problem.h"
#include "engine/groups/planning/group_rules.h"
#include "engine/model/cohort.h"

namespace sopu {

// GroupPart: the members sharing one key value and their problem.
struct GroupPart {
  std::string key_value;     // "" without a key
  std::vector<int> members;  // pool indices, ascending
  GroupProblem problem;      // element k = members[k]
};

// UnassignedMember: a member left out of every group, and why.
struct UnassignedMember {
  std::string id;
  std::string reason;
};

// PartInfeasibility: why the rules of a part (key value, "" without a key or
// for a together pair across parts: the first member's key value) cannot
// all hold.
struct PartInfeasibility {
  std::string key_value;
  std::string explanation;
};

struct GroupPartition {
  std::vector<GroupPart> parts;
  std::vector<UnassignedMember> unassigned;  // in pool order
  std::vector<PartInfeasibility> infeasible;
};

// BuildGroupParts: `pool` are the members; `affinity` and `allowed` are
// row-major pool x pool and symmetric (a PoolAffinity). Preconditions: the
// rules are valid (sizes as GroupPlanOptions requires, together pairs index
// the pool).
[[nodiscard]] GroupPartition BuildGroupParts(
    const std::vector<const Participant*>& pool,
    const std::vector<double>& affinity,
    const std::vector<std::uint8_t>& allowed, const GroupRules& rules);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_GROUP_PARTITION_H_
