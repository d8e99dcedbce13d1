// Helpers every `sopu` command shares: mapping statuses to exit codes,
// reading a --role value, and writing the rendered output (atomically for
// files).
#ifndef SOPU_SERVICE_CLI_COMMAND_SUPPORT_H_
#define SOPU_SERVICE_CLI_COMMAND_SUPPORT_H_

#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "service/io/json_files.h"
#include "service/render/csv_dialect.h"
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

// ResolveFormat settles a command's --format before any work: an empty
// format (none given) is "xlsx" for an -o file ending in .xlsx, "html" for
// .html or .htm, else "table". A binary or page format (xlsx, html) given
// explicitly with an -o file of another such extension, xlsx without an -o
// file, and an extension naming a format the command lacks (not in
// `formats`) are usage errors: printed, and the exit code returned.
[[nodiscard]] std::optional<int> ResolveFormat(
    std::string& format, const std::string& output_path,
    const std::vector<std::string>& formats);

// WriteWorkbook writes a file through `write(temporary_path)` (a renderer
// that writes a whole file, e.g. an .xlsx workbook) and renames it to
// `path`, so a failed run never leaves half a file; returns the exit code.
int WriteWorkbook(const std::string& path,
                  const std::function<absl::Status(const std::string&)>& write);

// ReportCreatedTime: the local time now, "2026-05-04 13:45", for a report's
// "Created" line.
[[nodiscard]] std::string ReportCreatedTime();

// Emit renders a response as JSON, CSV (in `dialect`) or a table and writes
// it out.
template <typename Response, typename CsvRenderer, typename TableRenderer>
int Emit(const std::string& format, const Response& response,
         const sopu::v1::Cohort& cohort, CsvRenderer csv, TableRenderer table,
         const std::string& output_path,
         const service::CsvDialect& dialect = {}) {
  std::ostringstream text;
  if (format == "json") {
    text << io::MessageToPrettyJson(response);
  } else if (format == "csv") {
    csv(response, cohort, dialect, text);
  } else {
    table(response, cohort, text);
  }
  return WriteOutput(output_path, text.str());
}

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_COMMAND_SUPPORT_H_
