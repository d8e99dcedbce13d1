#include "service/cli/command_support.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/strings/str_join.h"
#include "service/cli/commands.h"
#include "service/client/engine_client.h"

namespace sopu::cli {

int ExitCodeOf(const absl::Status& status) {
  if (client::IsServerFailure(status)) return kExitServer;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      return kExitInvalidInput;
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kFailedPrecondition:
      return kExitIo;
    default:
      return kExitInternal;
  }
}

int PrintFailure(const absl::Status& status) {
  std::cerr << "sopu: " << status.message() << '\n';
  return ExitCodeOf(status);
}

sopu::v1::Role RoleOf(const std::string& name) {
  if (name == "mentor") return sopu::v1::ROLE_MENTOR;
  if (name == "mentee") return sopu::v1::ROLE_MENTEE;
  if (name == "facilitator") return sopu::v1::ROLE_FACILITATOR;
  if (name == "peer") return sopu::v1::ROLE_PEER;
  return sopu::v1::ROLE_UNSPECIFIED;
}

namespace {

// Extension: the lower-case extension of `path` with its dot ("" if none).
std::string Extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return ext;
}

// FormatOfExtension: the format a file extension names ("" for none).
std::string FormatOfExtension(const std::string& ext) {
  if (ext == ".xlsx") return "xlsx";
  if (ext == ".html" || ext == ".htm") return "html";
  return "";
}

}  // namespace

std::optional<int> ResolveFormat(std::string& format,
                                 const std::string& output_path,
                                 const std::vector<std::string>& formats) {
  const bool to_file = !output_path.empty() && output_path != "-";
  const std::string implied =
      to_file ? FormatOfExtension(Extension(output_path)) : "";
  if (!implied.empty() &&
      std::find(formats.begin(), formats.end(), implied) == formats.end()) {
    std::cerr << "sopu: " << output_path << ": this command cannot write "
              << implied << "; its formats are " << absl::StrJoin(formats, ", ")
              << "\n";
    return kExitUsage;
  }
  if (format.empty()) {
    format = implied.empty() ? "table" : implied;
    return std::nullopt;
  }
  if (!implied.empty() && implied != format) {
    std::cerr << "sopu: --format " << format << " does not fit the output file "
              << output_path << " (its extension means --format " << implied
              << ")\n";
    return kExitUsage;
  }
  if (format == "xlsx" && !to_file) {
    std::cerr << "sopu: --format xlsx writes an Excel workbook, which cannot "
                 "go to the terminal; give -o FILE.xlsx\n";
    return kExitUsage;
  }
  return std::nullopt;
}

int WriteWorkbook(
    const std::string& path,
    const std::function<absl::Status(const std::string&)>& write) {
  const std::string temp = path + ".tmp";
  const absl::Status written = write(temp);
  std::error_code ec;
  if (!written.ok()) {
    std::cerr << "sopu: " << path << ": cannot be written ("
              << written.message() << ")\n";
    std::filesystem::remove(temp, ec);
    return kExitIo;
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::cerr << "sopu: " << path << ": cannot be written\n";
    std::filesystem::remove(temp, ec);
    return kExitIo;
  }
  return kExitOk;
}

std::string ReportCreatedTime() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  std::array<char, 32> text{};
  std::strftime(text.data(), text.size(), "%Y-%m-%d %H:%M", &local);
  return text.data();
}

int WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text << std::flush;
    return kExitOk;
  }
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::cerr << "sopu: " << path << ": cannot be written\n";
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return kExitIo;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::cerr << "sopu: " << path << ": cannot be written\n";
    std::filesystem::remove(temp, ec);
    return kExitIo;
  }
  return kExitOk;
}

}  // namespace sopu::cli
