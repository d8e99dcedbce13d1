#include "service/server/status_mapping.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/types/optional.h"
#include "google/rpc/error_details.pb.h"
#include "grpcpp/support/error_details.h"
#include "service/status/bad_request.h"

namespace sopu::server {
namespace {

// absl::string_view: Debian's Abseil does not alias std::string_view.
constexpr absl::string_view kErrorInfoTypeUrl =
    "type.googleapis.com/google.rpc.ErrorInfo";
constexpr absl::string_view kRetryInfoTypeUrl =
    "type.googleapis.com/google.rpc.RetryInfo";

void AddDetail(absl::string_view type_url, std::string value,
               google::rpc::Status& out) {
  google::protobuf::Any* any = out.add_details();
  any->set_type_url(std::string(type_url));
  any->set_value(std::move(value));
}

std::optional<std::string> PayloadOf(const absl::Status& status,
                                     absl::string_view type_url) {
  absl::optional<absl::Cord> payload = status.GetPayload(type_url);
  if (!payload.has_value()) return std::nullopt;
  return std::string(*payload);
}

// CappedBadRequest returns the status's BadRequest with at most
// kMaxViolationsInDetails violations, the last one counting the rest.
std::optional<google::rpc::BadRequest> CappedBadRequest(
    const absl::Status& status) {
  std::optional<std::string> raw =
      PayloadOf(status, service::kBadRequestTypeUrl);
  if (!raw.has_value()) return std::nullopt;
  google::rpc::BadRequest in;
  if (!in.ParseFromString(*raw)) return std::nullopt;
  if (in.field_violations_size() <= kMaxViolationsInDetails) return in;
  google::rpc::BadRequest out;
  for (int i = 0; i < kMaxViolationsInDetails - 1; ++i) {
    *out.add_field_violations() = in.field_violations(i);
  }
  auto* more = out.add_field_violations();
  more->set_description(
      "and " +
      std::to_string(in.field_violations_size() - kMaxViolationsInDetails + 1) +
      " more problems");
  return out;
}

}  // namespace

std::string_view DefaultReason(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kInvalidArgument:
      return kReasonInvalidInput;
    case absl::StatusCode::kCancelled:
      return kReasonCancelled;
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
      return kReasonInternal;
    case absl::StatusCode::kDeadlineExceeded:
      return "DEADLINE_EXCEEDED";
    case absl::StatusCode::kNotFound:
      return "NOT_FOUND";
    case absl::StatusCode::kAlreadyExists:
      return "ALREADY_EXISTS";
    case absl::StatusCode::kPermissionDenied:
      return "PERMISSION_DENIED";
    case absl::StatusCode::kResourceExhausted:
      return "RESOURCE_EXHAUSTED";
    case absl::StatusCode::kFailedPrecondition:
      return "FAILED_PRECONDITION";
    case absl::StatusCode::kAborted:
      return "ABORTED";
    case absl::StatusCode::kOutOfRange:
      return "OUT_OF_RANGE";
    case absl::StatusCode::kUnimplemented:
      return "UNIMPLEMENTED";
    case absl::StatusCode::kUnavailable:
      return "UNAVAILABLE";
    case absl::StatusCode::kDataLoss:
      return "DATA_LOSS";
    case absl::StatusCode::kUnauthenticated:
      return "UNAUTHENTICATED";
    default:
      return kReasonInternal;
  }
}

google::rpc::Status ToRpcStatus(const absl::Status& status) {
  google::rpc::Status out;
  out.set_code(static_cast<int>(status.code()));
  out.set_message(std::string(status.message()));

  google::rpc::ErrorInfo info;
  std::optional<std::string> raw_info = PayloadOf(status, kErrorInfoTypeUrl);
  if (!raw_info.has_value() || !info.ParseFromString(*raw_info)) {
    info.Clear();
    info.set_reason(std::string(DefaultReason(status.code())));
    info.set_domain(std::string(kErrorDomain));
  }
  AddDetail(kErrorInfoTypeUrl, info.SerializeAsString(), out);

  if (std::optional<google::rpc::BadRequest> bad = CappedBadRequest(status)) {
    AddDetail(service::kBadRequestTypeUrl, bad->SerializeAsString(), out);
  }
  if (std::optional<std::string> retry = PayloadOf(status, kRetryInfoTypeUrl)) {
    AddDetail(kRetryInfoTypeUrl, *std::move(retry), out);
  }
  return out;
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  grpc::Status out;
  // SetErrorDetails copies code and message from the google.rpc.Status; it
  // fails only for a null target.
  (void)grpc::SetErrorDetails(ToRpcStatus(status), &out);
  return out;
}

absl::Status WithErrorInfo(absl::Status status, std::string_view reason) {
  google::rpc::ErrorInfo info;
  info.set_reason(std::string(reason));
  info.set_domain(std::string(kErrorDomain));
  status.SetPayload(kErrorInfoTypeUrl, absl::Cord(info.SerializeAsString()));
  return status;
}

absl::Status QueueFullError(std::chrono::milliseconds retry_delay) {
  absl::Status status = WithErrorInfo(
      absl::ResourceExhaustedError(
          "every solver slot and queue place is taken; retry later"),
      kReasonQueueFull);
  google::rpc::RetryInfo retry;
  const auto ms = retry_delay.count();
  retry.mutable_retry_delay()->set_seconds(ms / 1000);
  retry.mutable_retry_delay()->set_nanos(static_cast<int>(ms % 1000) * 1000000);
  status.SetPayload(kRetryInfoTypeUrl, absl::Cord(retry.SerializeAsString()));
  return status;
}

absl::Status ShuttingDownError() {
  return WithErrorInfo(
      absl::UnavailableError("the server is shutting down; retry elsewhere"),
      kReasonShuttingDown);
}

}  // namespace sopu::server
