// MakeClientChannel opens the gRPC channel `sopu --server` talks over.
//
// Targets: one address (`host:port`, `unix:PATH`, or any gRPC target such
// as `dns:///host:port`) is handed to gRPC as it is. Several, comma
// separated (`host1:port,host2:port`), are resolved once here and given to
// gRPC as one static address list with its `round_robin` load-balancing
// policy, so calls made in parallel (`sopu bench --jobs N`) spread over the
// servers with no scheduler of ours.
//
// Security mirrors sopud's (docs/api.md): with --tls-ca the channel uses
// TLS (with --tls-cert/--tls-key, mutual TLS); without it, a loopback or
// unix target uses gRPC local credentials, which is what sopud serves on
// loopback; any other target without TLS uses plaintext and cannot carry a
// token. A token (the first of --token-file, in sopud's token-file format)
// is sent as
// `authorization: Bearer TOKEN` on every call.
#ifndef SOPU_SERVICE_CLIENT_CLIENT_CHANNEL_H_
#define SOPU_SERVICE_CLIENT_CLIENT_CHANNEL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"

namespace sopu::client {

struct ClientOptions {
  std::string targets;      // "host:port[,host:port...]"
  std::string token_file;   // empty: no token
  std::string tls_ca_file;  // empty: no TLS
  std::string tls_cert_file;
  std::string tls_key_file;
  // Per-call deadline in seconds for calls without a time limit of their
  // own; a groups call gets its time limit plus this.
  double deadline_seconds = 600.0;
};

// SplitTargets: the comma-separated targets, trimmed; INVALID_ARGUMENT when
// one is empty.
[[nodiscard]] absl::StatusOr<std::vector<std::string>> SplitTargets(
    const std::string& targets);

// IsLoopbackTarget: a `unix:` target, or one whose host resolves only to
// loopback addresses.
[[nodiscard]] bool IsLoopbackTarget(const std::string& target);

[[nodiscard]] absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeClientChannel(
    const ClientOptions& options);

}  // namespace sopu::client

#endif  // SOPU_SERVICE_CLIENT_CLIENT_CHANNEL_H_
