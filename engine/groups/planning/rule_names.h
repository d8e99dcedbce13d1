// CheckRuleNames: the names a grouping's rules use — the key attribute, the
// balance attributes and their no-isolated values — checked against what the
// members (the participants with the member role) really have, so that a
// misspelt attribute or value is an error instead of a rule that silently
// holds for nobody (or, for the key, a plan that leaves everyone out).
//
// Problems, in this order:
//   - the key names an attribute no member has a value of;
//   - otherwise, each member without a value of the key (a member without
//     one could join no group);
//   - a balance rule's attribute no member has a value of;
//   - a no-isolated value no member holds.
// Each problem carries what does exist (sorted) and the nearest name
// (engine/common/near_miss.h), so the caller can say "did you mean".
// Complexity: O(P * A log A) for P participants with A attributes each, plus
// the near-miss search over the names found.
#ifndef SOPU_ENGINE_GROUPS_PLANNING_RULE_NAMES_H_
#define SOPU_ENGINE_GROUPS_PLANNING_RULE_NAMES_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/groups/planning/group_rules.h"
#include "engine/model/cohort.h"

namespace sopu {

enum class RuleNameProblemKind {
  kUnknownKeyAttribute,      // field "key_attribute"
  kMissingKeyValue,          // field "key_attribute"; `participant` is set
  kUnknownBalanceAttribute,  // field "balance[b].attribute"
  kUnknownIsolatedValue,     // field "balance[b].no_isolated_values[v]"
};

struct RuleNameProblem {
  RuleNameProblemKind kind = RuleNameProblemKind::kUnknownKeyAttribute;
  // The option's index path, e.g. "balance[1].no_isolated_values[0]".
  std::string field;
  // The name (attribute or value) the rule gave.
  std::string name;
  // The attribute a value problem is about (kMissingKeyValue,
  // kUnknownIsolatedValue); "" otherwise.
  std::string attribute;
  // What exists instead: the members' attribute names or the attribute's
  // values, sorted, each once. Empty for kMissingKeyValue.
  std::vector<std::string> existing;
  // The nearest of `existing` (IsNearMiss), when one is near.
  std::optional<std::string> suggestion;
  // kMissingKeyValue: the member's index in Cohort::participants.
  int participant = -1;
};

// CheckRuleNames returns every problem (empty: every name names something,
// or there are no members, so that no rule applies to anybody).
[[nodiscard]] std::vector<RuleNameProblem> CheckRuleNames(
    const Cohort& cohort, RoleBit member_role, const std::string& key_attribute,
    const std::vector<BalanceRule>& balance);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_RULE_NAMES_H_
