#include "service/convert/improvement_convert.h"

#include <string>
#include <vector>

namespace sopu::service {

sopu::v1::GroupsImprovement ToProtoImprovement(const Improvement& improvement) {
  sopu::v1::GroupsImprovement out;
  out.set_key_value(improvement.part);
  out.set_objective(improvement.objective);
  for (const std::vector<std::string>& group : improvement.groups) {
    auto* g = out.add_groups();
    for (const std::string& id : group) g->add_member_ids(id);
  }
  return out;
}

}  // namespace sopu::service
