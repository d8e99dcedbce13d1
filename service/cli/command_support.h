// Helpers every `sopu` command shares: reading the cohort and policy files,
// reporting input problems located by row and column, mapping statuses to
// exit codes, and writing the rendered output (atomically for files).
#ifndef SOPU_SERVICE_CLI_COMMAND_SUPPORT_H_
#define SOPU_SERVICE_CLI_COMMAND_SUPPORT_H_

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "service/cli/commands.h"
#include "service/io/cohort_file.h"
#include "service/io/json_files.h"
#include "service/status/bad_request.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/policy.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::cli {

// Inputs are the files of a command, read and parsed.
struct Inputs {
  io::LoadedCohort cohort;
  std::optional<sopu::v1::Policy> policy;
};

// ExitCodeOf maps a status to the exit codes of commands.h (a server's
// failure, client::IsServerFailure, is kExitServer).
[[nodiscard]] int ExitCodeOf(const absl::Status& status);

// LoadInputs reads the cohort and policy files; on failure prints the reason
// and returns the exit code.
[[nodiscard]] std::optional<int> LoadInputs(const std::string& cohort_path,
                                            const std::string& policy_path,
                                            Inputs& inputs);

// SourceOf: the CSV source map of the cohort, or nullptr.
[[nodiscard]] const io::SourceMap* SourceOf(const Inputs& inputs);

// ValidateInputs runs Validate on the inputs and puts the reader's problems
// (cells that could not be read) first, so that every problem is reported
// at once, in file order. Fails only when a server cannot be reached.
[[nodiscard]] absl::StatusOr<sopu::v1::ValidateResponse> ValidateInputs(
    const Inputs& inputs, EngineClient& engine);

// ReportProblems prints every problem, located, and returns
// kExitInvalidInput.
int ReportProblems(const Inputs& inputs, const std::string& path,
                   const std::vector<service::FieldViolation>& problems,
                   bool truncated);

// ReportReadProblems: when the cohort file had cells that could not be read,
// validates the rest too and reports every problem at once (followed by
// `extra`, e.g. a pair list's), returning kExitInvalidInput; nullopt when the
// file was read cleanly.
[[nodiscard]] std::optional<int> ReportReadProblems(
    const Inputs& inputs, const std::string& path, EngineClient& engine,
    const std::vector<service::FieldViolation>& extra = {});

// ReportHandlerError reports a handler's failure: every field violation of
// INVALID_ARGUMENT (located), or the message of any other status; returns
// the exit code.
int ReportHandlerError(const absl::Status& status, const Inputs& inputs,
                       const std::string& path);

// RoleOf: the contract role of a --role value (mentor, mentee, facilitator,
// peer); ROLE_UNSPECIFIED for anything else.
[[nodiscard]] sopu::v1::Role RoleOf(const std::string& name);

// PairSource remembers where a request's pair list came from, to turn
// "locked[3].mentor_id" back into "lock.csv row 5, mentor_id".
struct PairSource {
  std::string field;  // "locked", "forbidden" or "previous"
  std::string file;
  std::vector<int> rows;
};

// LocatePairProblems rewrites "locked[k]..." paths as file rows, and
// "in locked[j]" in descriptions as "in row N".
void LocatePairProblems(const std::vector<PairSource>& sources,
                        std::vector<service::FieldViolation>& problems);

// WriteOutput writes `text` to the file (through a temporary file renamed in
// place, so a failed run never leaves half a file) or to standard output.
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
