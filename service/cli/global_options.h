// The options of `sopu` itself, given before the command: -v, and how to
// reach the engine (--server, its token and TLS files, --deadline).
#ifndef SOPU_SERVICE_CLI_GLOBAL_OPTIONS_H_
#define SOPU_SERVICE_CLI_GLOBAL_OPTIONS_H_

#include <memory>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "service/client/client_channel.h"
#include "service/client/engine_client.h"

namespace sopu::cli {

struct GlobalOptions {
  bool verbose = false;          // log counts and timings to stderr
  client::ClientOptions server;  // no targets: the embedded engine
};

// AddGlobalOptions adds the global options to `app`, bound to `options`.
void AddGlobalOptions(CLI::App& app, GlobalOptions& options);

// SetUpLogging logs to standard error as "sopu: …", info and up with -v,
// else warnings and up.
void SetUpLogging(const GlobalOptions& options);

// ConnectEngine returns the embedded engine, or a client of the sopud
// servers of --server (the reason when the options cannot make one).
[[nodiscard]] absl::StatusOr<std::unique_ptr<client::EngineClient>>
ConnectEngine(const GlobalOptions& options);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_GLOBAL_OPTIONS_H_
