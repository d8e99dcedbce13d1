// `sopu solve`: the benchmark interface's parent command; runs the one
// subcommand given (assignment or groups, solve_command.h).
#include "service/cli/solve_command.h"

#include <iostream>
#include <memory>
#include <variant>
#include <vector>

#include "service/cli/commands.h"

namespace sopu::cli {

int InstanceFailure(const absl::Status& status) {
  std::cerr << "sopu: " << status.message() << '\n';
  return status.code() == absl::StatusCode::kNotFound ? kExitIo
                                                      : kExitInvalidInput;
}

int SolverFailure(const std::string& path, const absl::Status& status) {
  std::cerr << "sopu: " << path << ": " << status.message() << '\n';
  return status.code() == absl::StatusCode::kInvalidArgument ? kExitInvalidInput
                                                             : kExitInternal;
}

Command AddSolveCommand(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "solve", "Run a solver on a bare instance file (benchmark interface)");
  command->require_subcommand(1);
  auto solvers = std::make_shared<std::vector<Command>>(std::vector<Command>{
      AddSolveAssignmentCommand(*command), AddSolveGroupsCommand(*command)});
  return {command, LocalRun([solvers] {
            for (const Command& solver : *solvers) {
              if (solver.app->parsed()) {
                return std::get<LocalRun>(solver.run)();
              }
            }
            return kExitUsage;
          })};
}

}  // namespace sopu::cli
