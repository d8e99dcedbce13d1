#include "service/cli/command_support.h"

#include <filesystem>
#include <fstream>
#include <iostream>

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
