// ToProtoImprovement: an engine Improvement (a part's groups as member ids)
// as the sopu.v1 GroupsImprovement a FormGroupsStream progress carries.
#ifndef SOPU_SERVICE_CONVERT_IMPROVEMENT_CONVERT_H_
#define SOPU_SERVICE_CONVERT_IMPROVEMENT_CONVERT_H_

#include "engine/common/call_context.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] sopu::v1::GroupsImprovement ToProtoImprovement(
    const Improvement& improvement);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_IMPROVEMENT_CONVERT_H_
