#include "service/status/bad_request.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/types/optional.h"

namespace sopu::service {

absl::Status InvalidArgumentWithViolations(
    absl::string_view message, const std::vector<FieldViolation>& violations) {
  absl::Status status(absl::StatusCode::kInvalidArgument, message);
  google::rpc::BadRequest details;
  for (const FieldViolation& v : violations) {
    *details.add_field_violations() = v;
  }
  status.SetPayload(kBadRequestTypeUrl,
                    absl::Cord(details.SerializeAsString()));
  return status;
}

std::vector<FieldViolation> ViolationsOf(const absl::Status& status) {
  absl::optional<absl::Cord> payload = status.GetPayload(kBadRequestTypeUrl);
  if (!payload.has_value()) return {};
  google::rpc::BadRequest details;
  if (!details.ParseFromString(std::string(*payload))) return {};
  return {details.field_violations().begin(), details.field_violations().end()};
}

}  // namespace sopu::service
