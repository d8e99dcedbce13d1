// The phrases that infeasibility explanations are built from, so that every
// explanation counts and places members the same way, e.g. "7 members with
// town Seinäjoki cannot form groups of 4-6".
#ifndef SOPU_ENGINE_GROUPS_PLANNING_EXPLANATION_WORDS_H_
#define SOPU_ENGINE_GROUPS_PLANNING_EXPLANATION_WORDS_H_

#include <string>

namespace sopu {

// MembersPhrase: "1 member", "7 members".
[[nodiscard]] std::string MembersPhrase(int n);

// WherePhrase: " with town Vaasa" (key attribute "town", value "Vaasa"), or
// "" without a key attribute.
[[nodiscard]] std::string WherePhrase(const std::string& key_attribute,
                                      const std::string& value);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_EXPLANATION_WORDS_H_
