#include "engine/groups/planning/explanation_words.h"

#include "absl/strings/str_cat.h"

namespace sopu {

std::string MembersPhrase(int n) {
  return absl::StrCat(n, n == 1 ? " member" : " members");
}

std::string WherePhrase(const std::string& key_attribute,
                        const std::string& value) {
  if (key_attribute.empty()) return "";
  return absl::StrCat(" with ", key_attribute, " ", value);
}

}  // namespace sopu
