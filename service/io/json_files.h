// Reading files of the v1 contract: whole-file reads with clear errors, and
// protobuf JSON parsing with protobuf's own JSON utilities (lowerCamelCase or
// proto field names accepted; unknown fields rejected).
#ifndef SOPU_SERVICE_IO_JSON_FILES_H_
#define SOPU_SERVICE_IO_JSON_FILES_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::io {

// kMaxFileBytes bounds what a reader loads (256 MiB).
inline constexpr std::size_t kMaxFileBytes = std::size_t{256} << 20U;

// ReadFileBytes returns a file's content. NotFound when it does not exist,
// FailedPrecondition when it is a folder or larger than kMaxFileBytes,
// PermissionDenied / Unknown for other read failures; messages name the path.
[[nodiscard]] absl::StatusOr<std::string> ReadFileBytes(
    const std::string& path);

// StripUtf8Bom returns `bytes` without a leading UTF-8 byte-order mark.
[[nodiscard]] std::string_view StripUtf8Bom(std::string_view bytes);

// ParseJson fills `message` from protobuf JSON. InvalidArgument otherwise,
// describing the first problem without repeating any input value (see
// ValueFreeJsonError).
[[nodiscard]] absl::Status ParseJson(std::string_view json,
                                     google::protobuf::Message& message);

// ValueFreeJsonError rewrites a protobuf JSON parser message, which quotes
// the offending input, into a value-free one that keeps the field path:
// "(participants[0].capacity): invalid value \"…\" for type TYPE_INT32"
// becomes "at participants[0].capacity: expected a number".
[[nodiscard]] std::string ValueFreeJsonError(std::string_view message);

// ReadPolicyFile reads a policy file (protobuf JSON of sopu.v1.Policy).
// InvalidArgument names the file and the JSON problem.
[[nodiscard]] absl::StatusOr<sopu::v1::Policy> ReadPolicyFile(
    const std::string& path);

// MessageToPrettyJson renders a message as indented protobuf JSON with proto
// field names, ending in a newline.
[[nodiscard]] std::string MessageToPrettyJson(
    const google::protobuf::Message& message);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_JSON_FILES_H_
