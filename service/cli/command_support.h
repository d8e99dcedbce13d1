// Helpers every `sopu` command shares: mapping statuses to exit codes,
// reading a --role value, and writing the rendered output (atomically for
// files).
#ifndef SOPU_SERVICE_CLI_COMMAND_SUPPORT_H_
#define SOPU_SERVICE_CLI_COMMAND_SUPPORT_H_

#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "service/io/json_files.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::cli {

// ExitCodeOf maps a status to the exit codes of commands.h (a server's
// failure, client::IsServerFailure, is kExitServer).
[[nodiscard]] int ExitCodeOf(const absl::Status& status);

// PrintFailure prints "sopu: <message>" on standard error and returns
// ExitCodeOf(status).
int PrintFailure(const absl::Status& status);

// RoleOf: the contract role of a --role value (mentor, mentee, facilitator,
// peer); ROLE_UNSPECIFIED for anything else.
[[nodiscard]] sopu::v1::Role RoleOf(const std::string& name);

// WriteOutput writes `text` to the file (through a temporary file renamed in
// place, so a failed run never leaves half a file) or, for "" and "-", to
// standard output; returns the exit code.
int WriteOutput(const std::string& path, const std::string& text);

// Emit renders a response as JSON, CSV or a table and writes it out.
template <typename Response, typename CsvRenderer, typename TableRenderer>
int Emit(const std::string& format, const Response& response,
         const sopu::v1::Cohort& cohort, CsvRenderer csv, TableRenderer table,
         const std::string& output_path) {
  std::ostringstream text;
  if (format == "json") {
    text << io::MessageToPrettyJson(response);
  } else if (format == "csv") {
    csv(response, cohort, text);
  } else {
    table(response, cohort, text);
  }
  return WriteOutput(output_path, text.str());
}

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_COMMAND_SUPPORT_H_
