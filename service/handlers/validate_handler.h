// HandleValidate answers a ValidateRequest: every problem of the cohort (and
// of the policy, when given) as field violations. Bad input is the answer
// here, not an error: the status is OK for any input, and an error only if
// the call was cancelled before it ran.
#ifndef SOPU_SERVICE_HANDLERS_VALIDATE_HANDLER_H_
#define SOPU_SERVICE_HANDLERS_VALIDATE_HANDLER_H_

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] absl::StatusOr<sopu::v1::ValidateResponse> HandleValidate(
    const sopu::v1::ValidateRequest& request, const CallContext& context = {});

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_VALIDATE_HANDLER_H_
