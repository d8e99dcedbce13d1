// HandleValidate answers a ValidateRequest: every problem of the cohort (and
// of the policy, when given) as field violations. Bad input is the answer
// here, not an error, so it never fails.
#ifndef SOPU_SERVICE_HANDLERS_VALIDATE_HANDLER_H_
#define SOPU_SERVICE_HANDLERS_VALIDATE_HANDLER_H_

#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] sopu::v1::ValidateResponse HandleValidate(
    const sopu::v1::ValidateRequest& request);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_VALIDATE_HANDLER_H_
