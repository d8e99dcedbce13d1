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

std::string ValueFreeJsonError(std::string_view message) {
  std::string where;
  if (message.starts_with('(')) {
    const std::size_t close = message.find("): ");
    if (close != std::string_view::npos) {
      where = std::string(message.substr(1, close - 1));
      message.remove_prefix(close + 3);
    }
  }
  std::string what;
  if (message.find("invalid value") != std::string_view::npos) {
    if (message.find("TYPE_STRING") != std::string_view::npos) {
      what = "expected a string";
    } else if (message.find("TYPE_BOOL") != std::string_view::npos) {
      what = "expected true or false";
    } else if (message.find("TYPE_") != std::string_view::npos) {
      what = "expected a number";
    } else {
      what = "not one of the allowed names (see docs/json-format.md)";
    }
  } else if (message.find("Cannot find field") != std::string_view::npos) {
    what =
        "an unknown field name; check the spelling against "
        "docs/json-format.md";
  } else {
    what = "not valid JSON; check quotes, commas and brackets";
  }
  return where.empty() ? what : absl::StrCat("at ", where, ": ", what);
}

absl::Status ParseJson(std::string_view json,
                       google::protobuf::Message& message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      StripUtf8Bom(json), &message, options);
  if (!status.ok()) {
    // Protobuf's messages quote the offending input, which may be personal
    // data: keep the place, drop the value.
    const auto text = status.message();
    return absl::InvalidArgumentError(
        ValueFreeJsonError(std::string_view(text.data(), text.size())));
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
