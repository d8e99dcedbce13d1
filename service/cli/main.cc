// sopu: the command line. Runs the engine embedded (no server needed), or
// on a sopud server with --server. Builds the app with the global options,
// lets every command register itself (commands.h), parses and runs the
// command given.
#include <exception>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "CLI/CLI.hpp"
#include "engine/version.h"
#include "service/cli/commands.h"
#include "service/cli/global_options.h"

namespace sopu::cli {
namespace {

constexpr const char* kDescription =
    "sopu — score, match and group participants of mentoring programs.\n"
    "Cohorts are CSV (docs/csv-format.md) or JSON (docs/json-format.md);\n"
    "policies are JSON. Exit codes: 0 ok, 1 the input has problems (all\n"
    "are listed), 2 usage error, 3 a file cannot be read or written,\n"
    "4 internal error, 5 the server could not be reached or refused the\n"
    "call (with --server).";

// AddCommands registers every command, in the order of the help text.
std::vector<Command> AddCommands(CLI::App& app) {
  return {AddValidateCommand(app),  AddScoreCommand(app),
          AddMatchCommand(app),     AddPairsCommand(app),
          AddExplainCommand(app),   AddGroupsCommand(app),
          AddGenCommand(app),       AddBenchCommand(app),
          AddCalibrateCommand(app), AddSolveCommand(app)};
}

// Guarded runs `run`; an exception is an internal error.
int Guarded(const std::function<int()>& run) {
  try {
    return run();
  } catch (const std::exception& e) {
    std::cerr << "sopu: internal error: " << e.what() << '\n';
    return kExitInternal;
  }
}

// RunCommand runs `command` locally, or on the engine the global options
// choose.
int RunCommand(const Command& command, const GlobalOptions& global) {
  if (const auto* local = std::get_if<LocalRun>(&command.run)) {
    if (!global.server.targets.empty()) {
      std::cerr << "sopu: --server applies to validate, score, match, pairs, "
                   "groups, explain and bench; this command runs locally\n";
      return kExitUsage;
    }
    return Guarded(*local);
  }
  absl::StatusOr<std::unique_ptr<EngineClient>> engine = ConnectEngine(global);
  if (!engine.ok()) {
    std::cerr << "sopu: " << engine.status().message() << '\n';
    return kExitUsage;
  }
  const auto& run = std::get<EngineRun>(command.run);
  return Guarded([&] { return run(**engine); });
}

int Run(int argc, char** argv) {
  CLI::App app{kDescription, "sopu"};
  app.set_version_flag("--version", std::string(kVersion));
  app.require_subcommand(1);
  GlobalOptions global;
  AddGlobalOptions(app, global);
  const std::vector<Command> commands = AddCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  SetUpLogging(global);
  for (const Command& command : commands) {
    if (command.app->parsed()) return RunCommand(command, global);
  }
  return kExitUsage;
}

}  // namespace
}  // namespace sopu::cli

int main(int argc, char** argv) {
  try {
    return sopu::cli::Run(argc, argv);
  } catch (...) {
    std::cerr << "sopu: internal error\n";
    return sopu::cli::kExitInternal;
  }
}
