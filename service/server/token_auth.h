// Bearer-token authentication for sopud (plan §2.2): a gRPC
// AuthMetadataProcessor that accepts a call only when its `authorization`
// metadata is `Bearer <token>` for one of the configured tokens. The check
// runs in the transport, before any handler; a failure is UNAUTHENTICATED.
// Health checks (/grpc.health.v1.Health/) need no token. The token is
// consumed (handlers never see it) and never logged.
//
// Tokens are compared as SHA-256 digests with CRYPTO_memcmp, so the time
// taken depends neither on where they differ nor on their lengths.
//
// The processor needs secure server credentials (TLS, or gRPC's local
// credentials on loopback): C-core runs no processor on insecure ones.
#ifndef SOPU_SERVICE_SERVER_TOKEN_AUTH_H_
#define SOPU_SERVICE_SERVER_TOKEN_AUTH_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "grpcpp/security/auth_metadata_processor.h"

namespace sopu::server {

// ReadTokenFile reads one token per line (blank lines and lines starting
// with '#' skipped, surrounding whitespace trimmed). Errors: NOT_FOUND when
// the file cannot be read, INVALID_ARGUMENT when it holds no token. The
// messages name the file, never a token.
[[nodiscard]] absl::StatusOr<std::vector<std::string>> ReadTokenFile(
    const std::string& path);

class TokenAuthProcessor : public grpc::AuthMetadataProcessor {
 public:
  // `tokens` must not be empty; only their digests are kept.
  explicit TokenAuthProcessor(const std::vector<std::string>& tokens);

  // Cheap (a few hashes): runs on the transport thread.
  [[nodiscard]] bool IsBlocking() const override { return false; }

  grpc::Status Process(const InputMetadata& auth_metadata,
                       grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

  // Accepts: whether `authorization` (a metadata value) carries a known
  // token. Exposed for tests.
  [[nodiscard]] bool Accepts(std::string_view authorization) const;

 private:
  std::vector<std::string> digests_;  // raw SHA-256 digests of the tokens
};

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_TOKEN_AUTH_H_
