// InputHash: SHA-256, lowercase hex, of a message's deterministic protobuf
// serialization (map entries sorted by key), so a response names exactly
// the request that produced it and a run can be reproduced. Equal messages
// give equal hashes within one protobuf version; unknown fields count.
// Cost: one serialization plus O(bytes) hashing.
#ifndef SOPU_SERVICE_SERVER_INPUT_HASH_H_
#define SOPU_SERVICE_SERVER_INPUT_HASH_H_

#include <string>
#include <string_view>

#include "google/protobuf/message_lite.h"

namespace sopu::server {

// Sha256Hex: SHA-256 of `bytes` as 64 lowercase hex digits.
[[nodiscard]] std::string Sha256Hex(std::string_view bytes);

[[nodiscard]] std::string InputHash(const google::protobuf::MessageLite& m);

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_INPUT_HASH_H_
