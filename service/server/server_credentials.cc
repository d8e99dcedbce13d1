#include "service/server/server_credentials.h"

#include <fstream>
#include <sstream>
#include <string>

#include "service/server/token_auth.h"

namespace sopu::server {
namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path,
                                    std::string_view flag) {
  std::ifstream in(path);
  if (!in) {
    return absl::NotFoundError(std::string(flag) + ": cannot read " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Host of "host:port" or "[v6]:port".
std::string_view HostOf(std::string_view listen) {
  if (listen.starts_with("[")) {
    const auto close = listen.find(']');
    return close == std::string_view::npos ? listen
                                           : listen.substr(1, close - 1);
  }
  const auto colon = listen.rfind(':');
  return colon == std::string_view::npos ? listen : listen.substr(0, colon);
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TlsCredentials(
    const ServerOptions& options) {
  absl::StatusOr<std::string> cert = ReadPem(options.tls_cert, "--tls-cert");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPem(options.tls_key, "--tls-key");
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  if (!options.tls_client_ca.empty()) {
    absl::StatusOr<std::string> ca =
        ReadPem(options.tls_client_ca, "--tls-client-ca");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
    ssl.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

bool IsLoopbackAddress(std::string_view listen) {
  const std::string_view host = HostOf(listen);
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerOptions& options) {
  const bool tls = !options.tls_cert.empty() || !options.tls_key.empty();
  if (tls && (options.tls_cert.empty() || options.tls_key.empty())) {
    return absl::InvalidArgumentError(
        "--tls-cert and --tls-key must be given together");
  }
  if (!tls && !options.tls_client_ca.empty()) {
    return absl::InvalidArgumentError(
        "--tls-client-ca needs --tls-cert and --tls-key");
  }
  const bool loopback = IsLoopbackAddress(options.listen);
  if (!tls && !loopback && !options.insecure_non_loopback_for_tests) {
    return absl::InvalidArgumentError(
        "refusing to listen on a non-loopback address without TLS; give "
        "--tls-cert and --tls-key (or --insecure-non-loopback-for-tests in a "
        "test setup)");
  }
  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (tls) {
    absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> made =
        TlsCredentials(options);
    if (!made.ok()) return made.status();
    credentials = *made;
  } else if (loopback) {
    credentials = grpc::experimental::LocalServerCredentials(LOCAL_TCP);
  } else {
    if (!options.token_file.empty()) {
      return absl::InvalidArgumentError(
          "--token-file needs TLS or a loopback address (gRPC checks tokens "
          "only on secure or local transports)");
    }
    return grpc::InsecureServerCredentials();
  }
  if (!options.token_file.empty()) {
    absl::StatusOr<std::vector<std::string>> tokens =
        ReadTokenFile(options.token_file);
    if (!tokens.ok()) return tokens.status();
    credentials->SetAuthMetadataProcessor(
        std::make_shared<TokenAuthProcessor>(*tokens));
  }
  return credentials;
}

}  // namespace sopu::server
