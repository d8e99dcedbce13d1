#include "engine/model/cohort.h"

namespace sopu {

const std::string* CategoricalValue(const Participant& p,
                                    const std::string& name) {
  const std::string* value = nullptr;
  if (name == "municipality") {
    value = &p.municipality;
  } else if (name == "region") {
    value = &p.region;
  } else {
    auto it = p.attributes.find(name);
    if (it != p.attributes.end()) value = &it->second;
  }
  return (value != nullptr && !value->empty()) ? value : nullptr;
}

const std::vector<std::string>* TagValues(const Participant& p,
                                          const std::string& name) {
  if (name == "availability") return &p.availability;
  auto it = p.tags.find(name);
  return it == p.tags.end() ? nullptr : &it->second;
}

}  // namespace sopu
