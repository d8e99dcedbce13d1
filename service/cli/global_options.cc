#include "service/cli/global_options.h"

#include <utility>

#include "service/client/embedded_client.h"
#include "service/client/remote_client.h"
#include "spdlog/sinks/stdout_color_sinks.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {

void AddGlobalOptions(CLI::App& app, GlobalOptions& options) {
  app.add_flag("-v,--verbose", options.verbose,
               "Log counts and timings to standard error (never names or "
               "profile values)");
  client::ClientOptions& server = options.server;
  app.add_option("--server", server.targets,
                 "Run on sopud at this address (host:port, unix:PATH) instead "
                 "of the embedded engine; same output. For `bench`, a comma "
                 "list spreads the rounds over several servers (gRPC "
                 "round-robin). Applies to validate, score, match, pairs, "
                 "groups, explain and bench")
      ->envname("SOPU_SERVER");
  app.add_option(
         "--token-file", server.token_file,
         "With --server: token file (sopud's format); its first token is sent")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-ca", server.tls_ca_file,
                 "With --server: PEM CA of the server's certificate (TLS)")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-cert", server.tls_cert_file,
                 "With --server and --tls-ca: PEM client certificate (mutual "
                 "TLS)")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-key", server.tls_key_file,
                 "With --tls-cert: PEM client private key")
      ->check(CLI::ExistingFile);
  app.add_option("--deadline", server.deadline_seconds,
                 "With --server: seconds a call may take (groups: on top of "
                 "the time limit)")
      ->check(CLI::Range(1.0, 86400.0))
      ->capture_default_str();
}

void SetUpLogging(const GlobalOptions& options) {
  auto logger = spdlog::stderr_color_mt("sopu");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("sopu: %v");
  spdlog::set_level(options.verbose ? spdlog::level::info
                                    : spdlog::level::warn);
}

absl::StatusOr<std::unique_ptr<client::EngineClient>> ConnectEngine(
    const GlobalOptions& options) {
  if (options.server.targets.empty()) {
    return std::make_unique<client::EmbeddedClient>();
  }
  absl::StatusOr<std::unique_ptr<client::RemoteClient>> remote =
      client::RemoteClient::Connect(options.server);
  if (!remote.ok()) return remote.status();
  spdlog::info("engine: sopud at {}", options.server.targets);
  return std::unique_ptr<client::EngineClient>(*std::move(remote));
}

}  // namespace sopu::cli
