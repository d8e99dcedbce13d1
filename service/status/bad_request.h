// Rich INVALID_ARGUMENT statuses: an absl::Status that carries the standard
// google.rpc.BadRequest (one FieldViolation per problem) as its payload, so
// the command line can list every problem and the server can forward them as
// gRPC error details unchanged.
#ifndef SOPU_SERVICE_STATUS_BAD_REQUEST_H_
#define SOPU_SERVICE_STATUS_BAD_REQUEST_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/rpc/error_details.pb.h"

namespace sopu::service {

using FieldViolation = google::rpc::BadRequest::FieldViolation;

// kBadRequestTypeUrl is the payload key, the type URL of google.rpc.BadRequest.
inline constexpr absl::string_view kBadRequestTypeUrl =
    "type.googleapis.com/google.rpc.BadRequest";

// InvalidArgumentWithViolations returns INVALID_ARGUMENT with `message` and a
// BadRequest payload holding `violations`.
[[nodiscard]] absl::Status InvalidArgumentWithViolations(
    absl::string_view message, const std::vector<FieldViolation>& violations);

// ViolationsOf returns the field violations carried by `status` (empty when
// it has no BadRequest payload).
[[nodiscard]] std::vector<FieldViolation> ViolationsOf(
    const absl::Status& status);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_STATUS_BAD_REQUEST_H_
