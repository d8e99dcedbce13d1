#include "service/io/json_files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace sopu::io {

absl::StatusOr<std::string> ReadFileBytes(const std::string& path) {
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such file"));
  }
  if (std::filesystem::is_directory(st)) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": is a folder, not a file"));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": larger than 256 MiB"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": cannot be opened for reading"));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return absl::UnknownError(absl::StrCat(path, ": read failed"));
  }
  return std::move(buffer).str();
}

std::string_view StripUtf8Bom(std::string_view bytes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  return bytes;
}

absl::Status ParseJson(std::string_view json,
                       google::protobuf::Message& message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      StripUtf8Bom(json), &message, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(std::string(status.message()));
  }
  return absl::OkStatus();
}

absl::StatusOr<sopu::v1::Policy> ReadPolicyFile(const std::string& path) {
  absl::StatusOr<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  sopu::v1::Policy policy;
  if (absl::Status parsed = ParseJson(*bytes, policy); !parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": not a valid policy file (protobuf JSON of sopu.v1.Policy): ",
        parsed.message()));
  }
  return policy;
}

std::string MessageToPrettyJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  std::string out;
  // Printing a valid in-memory message cannot fail.
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

}  // namespace sopu::io
