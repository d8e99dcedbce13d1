#include "service/client/client_channel.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstring>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "grpc/grpc_security_constants.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"
#include "service/io/json_files.h"
#include "service/server/token_auth.h"

namespace sopu::client {
namespace {

// kMaxReceiveBytes: responses for national-size cohorts exceed gRPC's
// 4 MiB default.
constexpr int kMaxReceiveBytes = 256 << 20;

struct HostPort {
  std::string host;
  std::string port;
};

// SplitHostPort: "host:port" or "[v6]:port"; nullopt when there is no port.
std::optional<HostPort> SplitHostPort(const std::string& target) {
  if (!target.empty() && target.front() == '[') {
    const auto close = target.find(']');
    if (close == std::string::npos || close + 1 >= target.size() ||
        target[close + 1] != ':') {
      return std::nullopt;
    }
    return HostPort{target.substr(1, close - 1), target.substr(close + 2)};
  }
  const auto colon = target.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == target.size() ||
      target.find(':') != colon) {
    return std::nullopt;
  }
  return HostPort{target.substr(0, colon), target.substr(colon + 1)};
}

struct Resolved {
  std::vector<std::string> v4;  // "a.b.c.d:port"
  std::vector<std::string> v6;  // "[x::y]:port"
  bool all_loopback = true;
};

std::optional<Resolved> Resolve(const HostPort& hp) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* list = nullptr;
  if (getaddrinfo(hp.host.c_str(), hp.port.c_str(), &hints, &list) != 0) {
    return std::nullopt;
  }
  Resolved out;
  for (const addrinfo* a = list; a != nullptr; a = a->ai_next) {
    std::array<char, NI_MAXHOST> host{};
    if (getnameinfo(a->ai_addr, a->ai_addrlen, host.data(), host.size(),
                    nullptr, 0, NI_NUMERICHOST) != 0) {
      continue;
    }
    if (a->ai_family == AF_INET) {
      sockaddr_in in{};
      std::memcpy(&in, a->ai_addr, sizeof in);
      out.all_loopback &= (ntohl(in.sin_addr.s_addr) >> 24U) == 127U;
      out.v4.push_back(absl::StrCat(host.data(), ":", hp.port));
    } else if (a->ai_family == AF_INET6) {
      sockaddr_in6 in6{};
      std::memcpy(&in6, a->ai_addr, sizeof in6);
      out.all_loopback &= IN6_IS_ADDR_LOOPBACK(&in6.sin6_addr) != 0;
      out.v6.push_back(absl::StrCat("[", host.data(), "]:", hp.port));
    }
  }
  freeaddrinfo(list);
  if (out.v4.empty() && out.v6.empty()) return std::nullopt;
  return out;
}

bool IsUnixTarget(const std::string& target) {
  return target.starts_with("unix:") || target.starts_with("unix-abstract:");
}

// StaticAddressList: "ipv4:a:p,b:p" (or ipv6:) for several targets.
absl::StatusOr<std::string> StaticAddressList(
    const std::vector<std::string>& targets) {
  std::vector<std::string> v4;
  std::vector<std::string> v6;
  for (const std::string& target : targets) {
    const std::optional<HostPort> hp = SplitHostPort(target);
    if (!hp.has_value()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--server: '", target,
          "' is not host:port (a list takes host:port entries only)"));
    }
    const std::optional<Resolved> resolved = Resolve(*hp);
    if (!resolved.has_value()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--server: cannot resolve '", hp->host, "'"));
    }
    if (!resolved->v4.empty()) {
      v4.push_back(resolved->v4.front());
    } else {
      v6.push_back(resolved->v6.front());
    }
  }
  if (!v4.empty() && !v6.empty()) {
    return absl::InvalidArgumentError(
        "--server: a list cannot mix IPv4 and IPv6-only servers");
  }
  return v4.empty() ? absl::StrCat("ipv6:", absl::StrJoin(v6, ","))
                    : absl::StrCat("ipv4:", absl::StrJoin(v4, ","));
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> Credentials(
    const ClientOptions& options, bool loopback, bool unix_socket) {
  std::shared_ptr<grpc::ChannelCredentials> creds;
  if (!options.tls_ca_file.empty()) {
    grpc::SslCredentialsOptions ssl;
    absl::StatusOr<std::string> ca = io::ReadFileBytes(options.tls_ca_file);
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *std::move(ca);
    if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
      return absl::InvalidArgumentError(
          "--tls-cert and --tls-key go together (mutual TLS)");
    }
    if (!options.tls_cert_file.empty()) {
      absl::StatusOr<std::string> cert =
          io::ReadFileBytes(options.tls_cert_file);
      if (!cert.ok()) return cert.status();
      absl::StatusOr<std::string> key = io::ReadFileBytes(options.tls_key_file);
      if (!key.ok()) return key.status();
      ssl.pem_cert_chain = *std::move(cert);
      ssl.pem_private_key = *std::move(key);
    }
    creds = grpc::SslCredentials(ssl);
  } else if (!options.tls_cert_file.empty() || !options.tls_key_file.empty()) {
    return absl::InvalidArgumentError(
        "--tls-cert/--tls-key need --tls-ca (the server's CA)");
  } else if (loopback) {
    creds = grpc::experimental::LocalCredentials(unix_socket ? UDS : LOCAL_TCP);
  } else {
    if (!options.token_file.empty()) {
      return absl::InvalidArgumentError(
          "--token-file: a token is only sent over TLS (--tls-ca) or to a "
          "loopback address");
    }
    return grpc::InsecureChannelCredentials();
  }
  if (options.token_file.empty()) return creds;
  // The server's token file format; the client sends the first token.
  absl::StatusOr<std::vector<std::string>> tokens =
      server::ReadTokenFile(options.token_file);
  if (!tokens.ok()) return tokens.status();
  return grpc::CompositeChannelCredentials(
      creds, grpc::AccessTokenCredentials(tokens->front()));
}

}  // namespace

absl::StatusOr<std::vector<std::string>> SplitTargets(
    const std::string& targets) {
  std::vector<std::string> out;
  for (absl::string_view part : absl::StrSplit(targets, ',')) {
    part = absl::StripAsciiWhitespace(part);
    if (part.empty()) {
      return absl::InvalidArgumentError(
          "--server: an empty address in the list");
    }
    out.emplace_back(part);
  }
  return out;
}

bool IsLoopbackTarget(const std::string& target) {
  if (IsUnixTarget(target)) return true;
  std::string address = target;
  if (const auto scheme = address.find(":///"); scheme != std::string::npos) {
    address = address.substr(scheme + 4);
  }
  const std::optional<HostPort> hp = SplitHostPort(address);
  if (!hp.has_value()) return false;
  const std::optional<Resolved> resolved = Resolve(*hp);
  return resolved.has_value() && resolved->all_loopback;
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeClientChannel(
    const ClientOptions& options) {
  absl::StatusOr<std::vector<std::string>> targets =
      SplitTargets(options.targets);
  if (!targets.ok()) return targets.status();
  bool loopback = true;
  for (const std::string& target : *targets) {
    loopback = loopback && IsLoopbackTarget(target);
  }
  const bool unix_socket = targets->size() == 1 && IsUnixTarget(targets->at(0));

  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxReceiveBytes);
  args.SetMaxSendMessageSize(kMaxReceiveBytes);
  std::string address = targets->front();
  if (targets->size() > 1) {
    absl::StatusOr<std::string> list = StaticAddressList(*targets);
    if (!list.ok()) return list.status();
    address = *std::move(list);
    args.SetLoadBalancingPolicyName("round_robin");
    if (!options.tls_ca_file.empty()) {
      // Certificates name hosts, not the resolved addresses.
      args.SetSslTargetNameOverride(SplitHostPort(targets->front())->host);
    }
  }
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> creds =
      Credentials(options, loopback, unix_socket);
  if (!creds.ok()) return creds.status();
  return grpc::CreateCustomChannel(address, *creds, args);
}

}  // namespace sopu::client
