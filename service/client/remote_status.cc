#include "service/client/remote_status.h"

#include <string>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "service/client/engine_client.h"
#include "service/status/bad_request.h"

namespace sopu::client {
namespace {

// kServerFailureUrl: payload key marking a failed call (not an answer).
constexpr absl::string_view kServerFailureUrl = "type.sopu.dev/server-failure";

struct Details {
  std::vector<service::FieldViolation> violations;
  std::string reason;
  double retry_seconds = -1.0;
};

Details ReadDetails(const grpc::Status& status) {
  Details out;
  google::rpc::Status rpc;
  if (status.error_details().empty() ||
      !rpc.ParseFromString(status.error_details())) {
    return out;
  }
  for (const auto& any : rpc.details()) {
    google::rpc::BadRequest bad;
    google::rpc::ErrorInfo info;
    google::rpc::RetryInfo retry;
    if (any.UnpackTo(&bad)) {
      out.violations.assign(bad.field_violations().begin(),
                            bad.field_violations().end());
    } else if (any.UnpackTo(&info)) {
      out.reason = info.reason();
    } else if (any.UnpackTo(&retry)) {
      out.retry_seconds =
          static_cast<double>(retry.retry_delay().seconds()) +
          1e-9 * static_cast<double>(retry.retry_delay().nanos());
    }
  }
  return out;
}

std::string Describe(const grpc::Status& status, const Details& details,
                     absl::string_view target) {
  const std::string where = absl::StrCat("the server at ", target);
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return details.reason == "SHUTTING_DOWN"
                 ? absl::StrCat(where, " is shutting down; try again later")
                 : absl::StrCat("cannot reach ", where, ": ",
                                status.error_message());
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return details.retry_seconds >= 0.0
                 ? absl::StrFormat("%s is busy (%s); retry in %.1f s", where,
                                   status.error_message(),
                                   details.retry_seconds)
                 : absl::StrCat(
                       where, " refused the request: ", status.error_message());
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return absl::StrCat(where, " did not answer in time");
    case grpc::StatusCode::UNAUTHENTICATED:
      return absl::StrCat(where,
                          " did not accept the token (see --token-file)");
    case grpc::StatusCode::PERMISSION_DENIED:
      return absl::StrCat(where, " does not allow this call");
    case grpc::StatusCode::UNIMPLEMENTED:
      return absl::StrCat(where, " does not offer this call (",
                          status.error_message(), ")");
    default:
      return absl::StrCat(where, " answered: ", status.error_message());
  }
}

}  // namespace

absl::Status MarkServerFailure(absl::Status status) {
  status.SetPayload(kServerFailureUrl, absl::Cord("1"));
  return status;
}

bool IsServerFailure(const absl::Status& status) {
  return status.GetPayload(kServerFailureUrl).has_value();
}

absl::Status FromGrpcStatus(const grpc::Status& status,
                            absl::string_view target) {
  if (status.ok()) return absl::OkStatus();
  const Details details = ReadDetails(status);
  const auto code = static_cast<absl::StatusCode>(status.error_code());
  if (code == absl::StatusCode::kInvalidArgument) {
    // The input's problems: the same status the handler returned.
    return service::InvalidArgumentWithViolations(status.error_message(),
                                                  details.violations);
  }
  return MarkServerFailure(
      absl::Status(code, Describe(status, details, target)));
}

}  // namespace sopu::client
