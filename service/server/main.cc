// sopud: the sopu gRPC server (sopu.v1.Sopu). The flags fill ServerOptions;
// RunServer (server.h) does the rest. docs/api.md describes the API.
#include <iostream>
#include <string>

#include "CLI/CLI.hpp"
#include "engine/common/limits.h"
#include "engine/version.h"
#include "service/server/server.h"
#include "spdlog/sinks/stdout_color_sinks.h"
#include "spdlog/spdlog.h"

namespace {

int Run(int argc, char** argv) {
  sopu::server::ServerOptions options;
  CLI::App app{
      "sopud — the sopu gRPC server (sopu.v1.Sopu: Validate, Score, Match, "
      "PeerPairs, FormGroups, FormGroupsStream, ExplainPair, ExplainGroup), "
      "with grpc.health.v1 and "
      "reflection. Stops gracefully on SIGTERM/SIGINT. Logs (stderr) carry "
      "ids, counts, codes and durations only. See docs/api.md.",
      "sopud"};
  app.set_version_flag("--version", std::string(sopu::kVersion));
  app.add_option("--listen", options.listen,
                 "host:port to listen on; port 0 picks a free port (the "
                 "log says which). Non-loopback addresses need TLS")
      ->capture_default_str();
  app.add_option("--token-file", options.token_file,
                 "file of accepted bearer tokens, one a line: every call "
                 "but health must send `authorization: Bearer TOKEN`")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-cert", options.tls_cert,
                 "PEM server certificate chain (TLS; with --tls-key)")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-key", options.tls_key, "PEM server private key")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-client-ca", options.tls_client_ca,
                 "PEM CA: require client certificates from it (mutual TLS)")
      ->check(CLI::ExistingFile);
  app.add_flag("--insecure-non-loopback-for-tests",
               options.insecure_non_loopback_for_tests,
               "allow plaintext on a non-loopback address (tests only; no "
               "token check possible then)");
  app.add_option("--max-concurrent-solves", options.admission.max_running,
                 "solves running at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  app.add_option("--max-queue", options.admission.max_queued,
                 "solves waiting for a slot; beyond, RESOURCE_EXHAUSTED "
                 "with RetryInfo")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000));
  app.add_option("--max-message-bytes", options.max_message_bytes,
                 "largest request message accepted (bytes)")
      ->capture_default_str()
      ->check(CLI::Range(1024, 1 << 30));
  app.add_option("--max-participants", options.max_participants,
                 "largest cohort accepted (INVALID_ARGUMENT beyond)")
      ->capture_default_str()
      ->check(CLI::Range(1, sopu::kMaxParticipants));
  app.add_option("--grace-seconds", options.grace_seconds,
                 "on SIGTERM/SIGINT, seconds running calls get to finish "
                 "before they are cancelled")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 3600.0));
  bool no_reflection = false;
  app.add_flag("--no-reflection", no_reflection,
               "do not serve grpc.reflection.v1alpha (served by default, "
               "behind the token when one is set)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  options.reflection = !no_reflection;
  spdlog::set_default_logger(spdlog::stderr_color_mt("sopud"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l sopud: %v");
  return sopu::server::RunServer(options);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (...) {
    std::cerr << "sopud: internal error\n";
    return 4;
  }
}
