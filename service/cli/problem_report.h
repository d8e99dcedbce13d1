// How an engine command reports the input's problems: every problem at once,
// each located through the inputs' SourceMap (a cohort's cell, or a pair
// file's row), then a count; exit code 1.
#ifndef SOPU_SERVICE_CLI_PROBLEM_REPORT_H_
#define SOPU_SERVICE_CLI_PROBLEM_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "service/cli/commands.h"
#include "service/cli/input_files.h"
#include "service/io/source_map.h"
#include "service/status/bad_request.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::cli {

// ValidateInputs runs Validate on the inputs and puts the reader's problems
// (cells that could not be read) first, so that every problem is reported
// at once, in file order. Fails only when a server cannot be reached.
[[nodiscard]] absl::StatusOr<sopu::v1::ValidateResponse> ValidateInputs(
    const Inputs& inputs, EngineClient& engine);

// ReportProblems prints "<cohort>: the input has problems; nothing was
// computed.", every problem located (service::PrintViolations with
// inputs.source, references to pair entries too: LocateEntryReferences) and
// the count; returns kExitInvalidInput.
int ReportProblems(const Inputs& inputs,
                   std::vector<service::FieldViolation> problems,
                   bool truncated);

// ReportReadProblems: when the cohort file had cells that could not be read,
// validates the rest too and reports every problem at once (followed by the
// pair files' problems), returning kExitInvalidInput; nullopt when the file
// was read cleanly.
[[nodiscard]] std::optional<int> ReportReadProblems(const Inputs& inputs,
                                                    EngineClient& engine);

// ReportFailure reports why a command computed nothing: `first` (e.g. the
// pair files' problems), then every field violation of an INVALID_ARGUMENT
// `status` (an OK status adds none), located; or, for any other status, its
// message alone. Returns the exit code.
int ReportFailure(const absl::Status& status, const Inputs& inputs,
                  const std::vector<service::FieldViolation>& first = {});

// LocateEntryReferences replaces each pair entry a description names (a
// handler writes "the mentee is already in locked[2]") by that entry's row
// through `source`: "row 3" when it is in `own_file` (the file of the
// problem itself), else "lock.csv row 3". A name is a list of the map
// followed by "[k]"; anything else is kept. As validation's
// "participants[N]" references are located (service/render/
// violations_render.cc).
[[nodiscard]] std::string LocateEntryReferences(const std::string& text,
                                                const io::SourceMap& source,
                                                const std::string& own_file);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_PROBLEM_REPORT_H_
