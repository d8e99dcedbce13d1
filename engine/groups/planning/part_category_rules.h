// BuildPartCategoryRules: the attribute rules of one part (the members
// sharing a key value) as GroupProblem category rules, and the ones that
// provably cannot hold, explained in the program's terms.
//
// One CategoryRule per attribute that some rule names and some member of the
// part holds, in attribute name order (the organisation cap and balance rules
// over the same attribute share it); its values are indexed in order of
// first holder. Per value v with h holders in the part and m groups:
//   - organisation cap k: max_per_group[v] <= k; infeasible when h > k m
//     ("4 members share organisation o1, but 2 groups take at most 1 each");
//   - spread: max_per_group[v] <= ceil(h / m);
//   - no isolated minority: no_isolated[v] = 1 (values nobody in the part
//     holds are skipped); infeasible when h = 1 ("only 1 member has sector
//     games, ...") or when the cap leaves fewer than 2 per group ("... spread
//     allows 1 per group and no isolated minority needs 0 or at least 2").
//
// Complexity: O(k r log v) for k part members, r attributes, v values.
#ifndef SOPU_ENGINE_GROUPS_PLANNING_PART_CATEGORY_RULES_H_
#define SOPU_ENGINE_GROUPS_PLANNING_PART_CATEGORY_RULES_H_

#include <string>
#include <vector>

#include "engine/groups/group_problem.h"
#include "engine/groups/planning/group_rules.h"
#include "engine/model/cohort.h"

namespace sopu {

struct PartCategoryRules {
  std::vector<CategoryRule> rules;  // element k = the part's members[k]
  std::vector<std::string> infeasible;
};

// BuildPartCategoryRules: `members` are pool indices (the part), `groups`
// its number of groups (>= 1), `where` its WherePhrase.
[[nodiscard]] PartCategoryRules BuildPartCategoryRules(
    const std::vector<const Participant*>& pool,
    const std::vector<int>& members, int groups, const GroupRules& rules,
    const std::string& where);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_PART_CATEGORY_RULES_H_
