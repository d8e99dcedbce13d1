// FromGrpcStatus turns a status received from sopud back into the
// absl::Status the embedded handlers return: INVALID_ARGUMENT keeps its
// google.rpc.BadRequest field violations (so the command line locates every
// problem by row and column exactly as it does in-process); any other
// failure is marked as a server failure (IsServerFailure), its message
// saying what happened in words and, for RESOURCE_EXHAUSTED, when to retry.
// Details are read from the `grpc-status-details-bin` google.rpc.Status.
#ifndef SOPU_SERVICE_CLIENT_REMOTE_STATUS_H_
#define SOPU_SERVICE_CLIENT_REMOTE_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"

namespace sopu::client {

// `target` names the server in messages (an address, never input data).
[[nodiscard]] absl::Status FromGrpcStatus(const grpc::Status& status,
                                          absl::string_view target);

// MarkServerFailure adds the IsServerFailure marker to `status`.
[[nodiscard]] absl::Status MarkServerFailure(absl::Status status);

}  // namespace sopu::client

#endif  // SOPU_SERVICE_CLIENT_REMOTE_STATUS_H_
