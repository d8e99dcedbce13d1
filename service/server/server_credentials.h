// Transport security of sopud (plan §2.1): which ServerCredentials to listen
// with, and the rule that a non-loopback address needs TLS.
//
//   TLS files given        -> TLS (mutual TLS with --tls-client-ca: clients
//                             must present a certificate from that CA)
//   loopback, no TLS       -> gRPC local credentials (LOCAL_TCP): plaintext
//                             that only accepts loopback peers and can
//                             carry the token processor
//   non-loopback, no TLS   -> refused, unless insecure_non_loopback_for_tests
//                             (then insecure credentials, no token possible)
// With a token file, the TokenAuthProcessor is attached.
#ifndef SOPU_SERVICE_SERVER_SERVER_CREDENTIALS_H_
#define SOPU_SERVICE_SERVER_SERVER_CREDENTIALS_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "grpcpp/security/server_credentials.h"
#include "service/server/server_options.h"

namespace sopu::server {

// IsLoopbackAddress: whether `listen` ("host:port") names a loopback host
// (127.0.0.0/8, [::1], localhost).
[[nodiscard]] bool IsLoopbackAddress(std::string_view listen);

// MakeServerCredentials applies the table above. Errors (INVALID_ARGUMENT,
// NOT_FOUND for unreadable files) describe the flag to fix.
[[nodiscard]] absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>>
MakeServerCredentials(const ServerOptions& options);

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_SERVER_CREDENTIALS_H_
