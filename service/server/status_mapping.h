// ToGrpcStatus is the one place where sopud turns an absl::Status (from a
// handler, from admission control, from the server's own checks) into the
// grpc::Status a client sees. The rich error model of AIP-193: the details
// travel as a google.rpc.Status in the `grpc-status-details-bin` trailer,
// holding exactly one google.rpc.ErrorInfo (a stable `reason`, domain
// kErrorDomain) and, when the status carries them as payloads, the
// google.rpc.BadRequest (field paths + descriptions, never input values) and
// google.rpc.RetryInfo.
//
// Helpers build the server's own statuses with those payloads attached, so
// the mapping stays one function.
#ifndef SOPU_SERVICE_SERVER_STATUS_MAPPING_H_
#define SOPU_SERVICE_SERVER_STATUS_MAPPING_H_

#include <chrono>
#include <string_view>

#include "absl/status/status.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/support/status.h"

namespace sopu::server {

// kErrorDomain is ErrorInfo.domain on every error sopud returns.
inline constexpr std::string_view kErrorDomain = "sopu.v1";

// kMaxViolationsInDetails caps the field violations sent in one error (the
// details travel in HTTP/2 trailers, which must stay small); when more are
// present, a last violation with an empty field says how many were left out.
inline constexpr int kMaxViolationsInDetails = 50;

// Stable ErrorInfo reasons (UPPER_SNAKE_CASE; the contract clients rely on).
inline constexpr std::string_view kReasonInvalidInput = "INVALID_INPUT";
inline constexpr std::string_view kReasonQueueFull = "SOLVER_QUEUE_FULL";
inline constexpr std::string_view kReasonShuttingDown = "SHUTTING_DOWN";
inline constexpr std::string_view kReasonDeadlineTooShort =
    "DEADLINE_TOO_SHORT";
inline constexpr std::string_view kReasonCancelled = "CANCELLED";
inline constexpr std::string_view kReasonInternal = "INTERNAL_ERROR";

// DefaultReason is the ErrorInfo reason for a status without an explicit
// one: kReasonInvalidInput for INVALID_ARGUMENT, kReasonCancelled for
// CANCELLED, kReasonInternal for INTERNAL and UNKNOWN, otherwise the code's
// name (e.g. "RESOURCE_EXHAUSTED").
[[nodiscard]] std::string_view DefaultReason(absl::StatusCode code);

// ToRpcStatus builds the google.rpc.Status sent as details: code, message,
// one ErrorInfo (the status's ErrorInfo payload, else DefaultReason), then
// the BadRequest (capped at kMaxViolationsInDetails) and RetryInfo payloads.
// Other payloads are dropped.
[[nodiscard]] google::rpc::Status ToRpcStatus(const absl::Status& status);

// ToGrpcStatus maps `status` for the wire: OK stays OK (no details);
// otherwise the same code and message, with ToRpcStatus(status) as details.
[[nodiscard]] grpc::Status ToGrpcStatus(const absl::Status& status);

// WithErrorInfo returns `status` with an ErrorInfo payload carrying `reason`
// (and kErrorDomain).
[[nodiscard]] absl::Status WithErrorInfo(absl::Status status,
                                         std::string_view reason);

// QueueFullError: RESOURCE_EXHAUSTED, reason kReasonQueueFull, and a
// RetryInfo asking the client to wait `retry_delay` before trying again.
[[nodiscard]] absl::Status QueueFullError(
    std::chrono::milliseconds retry_delay);

// ShuttingDownError: UNAVAILABLE, reason kReasonShuttingDown (retryable on
// another instance or later, AIP-194).
[[nodiscard]] absl::Status ShuttingDownError();

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_STATUS_MAPPING_H_
