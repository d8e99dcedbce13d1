#include "service/server/token_auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <fstream>

#include "absl/strings/ascii.h"

namespace sopu::server {
namespace {

constexpr std::string_view kBearer = "Bearer ";
constexpr std::string_view kHealthPrefix = "/grpc.health.v1.Health/";

std::string Digest(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length,
                 EVP_sha256(), nullptr) != 1) {
    return {};
  }
  return {reinterpret_cast<const char*>(digest.data()), length};
}

std::string_view View(const grpc::string_ref& ref) {
  return {ref.data(), ref.size()};
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ReadTokenFile(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot read the token file " + path);
  std::vector<std::string> tokens;
  std::string line;
  while (std::getline(in, line)) {
    const absl::string_view token = absl::StripAsciiWhitespace(line);
    if (token.empty() || token.front() == '#') continue;
    tokens.emplace_back(token.data(), token.size());
  }
  if (tokens.empty()) {
    return absl::InvalidArgumentError("the token file " + path +
                                      " holds no token");
  }
  return tokens;
}

TokenAuthProcessor::TokenAuthProcessor(const std::vector<std::string>& tokens) {
  for (const std::string& token : tokens) digests_.push_back(Digest(token));
}

bool TokenAuthProcessor::Accepts(std::string_view authorization) const {
  if (!authorization.starts_with(kBearer)) return false;
  const std::string presented = Digest(authorization.substr(kBearer.size()));
  bool match = false;
  for (const std::string& digest : digests_) {
    // Every digest is compared, so the time does not depend on which matched.
    match |= digest.size() == presented.size() &&
             CRYPTO_memcmp(digest.data(), presented.data(), digest.size()) == 0;
  }
  return match;
}

grpc::Status TokenAuthProcessor::Process(
    const InputMetadata& auth_metadata, grpc::AuthContext* /*context*/,
    OutputMetadata* consumed_auth_metadata,
    OutputMetadata* /*response_metadata*/) {
  const auto path = auth_metadata.find(":path");
  if (path != auth_metadata.end() &&
      View(path->second).starts_with(kHealthPrefix)) {
    return grpc::Status::OK;
  }
  const auto authorization = auth_metadata.find("authorization");
  if (authorization == auth_metadata.end() ||
      !Accepts(View(authorization->second))) {
    return {grpc::StatusCode::UNAUTHENTICATED,
            "missing or invalid bearer token"};
  }
  consumed_auth_metadata->emplace(std::string(View(authorization->first)),
                                  std::string(View(authorization->second)));
  return grpc::Status::OK;
}

}  // namespace sopu::server
