// Rule name messages: the words for engine/groups/planning/rule_names.h's
// problems, as BadRequest field violations rooted at the GroupsRequest:
//   key_attribute: no member has a value of `town`; the members have
//     municipality, region, sector (did you mean …?)
//   cohort.participants[4].location.municipality: has no value; every member
//     needs one, since groups are formed by municipality (key_attribute)
// The existing names and values are listed (at most kMaxListedNames, then
// "and N more") because staff need them to fix the option; they are
// attribute names and category values, never names or free text.
#ifndef SOPU_SERVICE_CONVERT_RULE_NAME_MESSAGES_H_
#define SOPU_SERVICE_CONVERT_RULE_NAME_MESSAGES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "engine/groups/planning/rule_names.h"
#include "service/validation/violation_list.h"

namespace sopu::service {

inline constexpr std::size_t kMaxListedNames = 12;

// ListNames: "a, b, c" or "a, b, … and 7 more" (kMaxListedNames at most).
[[nodiscard]] std::string ListNames(const std::vector<std::string>& names);

// AttributePath: where a participant's value of a categorical attribute
// lives, relative to the participant: "location.municipality",
// "location.region" or "attributes.<name>".
[[nodiscard]] std::string AttributePath(const std::string& attribute);

// AddRuleNameViolations adds one violation per problem, in order.
void AddRuleNameViolations(const std::vector<RuleNameProblem>& problems,
                           ViolationList& violations);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_RULE_NAME_MESSAGES_H_
