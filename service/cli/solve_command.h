// The subcommands of `sopu solve`, the benchmark interface: a solver run on
// a bare instance file, one JSON line printed. Local commands (no engine,
// no --server). Exit codes as in commands.h.
#ifndef SOPU_SERVICE_CLI_SOLVE_COMMAND_H_
#define SOPU_SERVICE_CLI_SOLVE_COMMAND_H_

#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "service/cli/commands.h"

namespace sopu::cli {

// AddSolveAssignmentCommand adds `assignment` to `solve`
// (solve_assignment_command.cc): a capacitated assignment instance in the
// peers' text format (service/io/assignment_instance_reader.h) solved by
// SolveCapacitatedAssignment; prints
//   {"solver":"sopu","objective":…,"matched":…,"seconds_solve":…,
//    "seconds_total":…,"seconds_read":…}
// `objective` is exact for integer instances and printed with the file's
// number of decimals otherwise; seconds_solve covers the solver call only,
// seconds_total the whole command from its start to the print.
[[nodiscard]] Command AddSolveAssignmentCommand(CLI::App& solve);

// AddSolveGroupsCommand adds `groups` to `solve` (solve_groups_command.cc):
// an MDGPLIB instance (service/io/mdgp_instance_reader.h) solved by
// SolveGroups; prints
//   {"solver":"sopu","objective":…,"seconds":…,"time_to_best":…,
//    "upper_bound":…,"rounds":…,"tabu_iterations":…,"seed":…,"threads":…}
// `objective` is the MDGP objective of the grouping re-evaluated on the
// file's distances, printed with the file's number of decimals; `seconds`
// covers the solver call, `time_to_best` when its best grouping was found.
[[nodiscard]] Command AddSolveGroupsCommand(CLI::App& solve);

// InstanceFailure prints why an instance file cannot be used and returns
// kExitIo when it cannot be read, else kExitInvalidInput.
int InstanceFailure(const absl::Status& status);

// SolverFailure prints why the solver refused the instance at `path` and
// returns kExitInvalidInput for INVALID_ARGUMENT, else kExitInternal.
int SolverFailure(const std::string& path, const absl::Status& status);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_SOLVE_COMMAND_H_
