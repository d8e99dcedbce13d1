#include "engine/groups/planning/group_rules.h"

namespace sopu {

std::string AttributeValue(const Participant& participant,
                           const std::string& attribute) {
  const std::string* value = CategoricalValue(participant, attribute);
  return value == nullptr ? std::string() : *value;
}

}  // namespace sopu
