// The `sopu` command line's commands. Each command file registers its own
// subcommand on the app (its options, help text and checks) and returns how
// to run it; main.cc only adds the global options, asks every command to
// register, parses and runs the one given.
//
// The engine commands build the same request message the gRPC API takes,
// send it to the engine (the shared request handlers in this process, or a
// sopud server with `sopu --server`: see service/client/engine_client.h) and
// render the response, through one pipeline (engine_pipeline.h); so the
// command line and the server behave alike. The local commands (gen,
// calibrate, solve) run in this process only.
//
// Exit codes: 0 success; 1 the input has problems (all are listed);
// 2 usage error; 3 a file cannot be read or written; 4 internal error;
// 5 the server could not be reached or refused the call.
#ifndef SOPU_SERVICE_CLI_COMMANDS_H_
#define SOPU_SERVICE_CLI_COMMANDS_H_

#include <functional>
#include <variant>

#include "CLI/CLI.hpp"
#include "service/client/engine_client.h"

namespace sopu::cli {

using client::EngineClient;

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitIo = 3;
inline constexpr int kExitInternal = 4;
inline constexpr int kExitServer = 5;

// EngineRun runs a command on the engine main chose (embedded or sopud);
// LocalRun runs a command that needs no engine. Both return the exit code.
using EngineRun = std::function<int(EngineClient& engine)>;
using LocalRun = std::function<int()>;

// Command is one registered subcommand. Its options live as long as `run`.
struct Command {
  CLI::App* app = nullptr;  // the subcommand; app->parsed() once given
  std::variant<EngineRun, LocalRun> run;
};

// Each Add…Command adds its subcommand to `app` (in the order of the help
// text) and returns it; defined in <name>_command.cc.
[[nodiscard]] Command AddValidateCommand(CLI::App& app);
[[nodiscard]] Command AddScoreCommand(CLI::App& app);
[[nodiscard]] Command AddMatchCommand(CLI::App& app);
[[nodiscard]] Command AddPairsCommand(CLI::App& app);
[[nodiscard]] Command AddExplainCommand(CLI::App& app);
[[nodiscard]] Command AddGroupsCommand(CLI::App& app);
[[nodiscard]] Command AddGenCommand(CLI::App& app);
[[nodiscard]] Command AddBenchCommand(CLI::App& app);
[[nodiscard]] Command AddCalibrateCommand(CLI::App& app);
// `solve` with its subcommands `assignment` (solve_assignment_command.cc)
// and `groups` (solve_groups_command.cc).
[[nodiscard]] Command AddSolveCommand(CLI::App& app);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_COMMANDS_H_
