// fuzz_requests: raw bytes -> one sopu.v1 request -> its service handler.
//
// Covers what sopud does with a request after gRPC hands it over: protobuf
// parsing (ParseFromArray) of ValidateRequest, ScoreRequest, MatchRequest,
// PeerPairsRequest, GroupsRequest, ExplainPairRequest and ExplainGroupRequest
// (the first byte modulo 7 picks the type in that order, the rest is the wire
// format), then the handler: validation of the cohort, the policy, the pair
// lists, the group rules and the ids; conversion to the engine model; scoring
// and a small solve.
//
// The contract checked: a handler answers OK or a documented error
// (INVALID_ARGUMENT for bad input; never INTERNAL or UNKNOWN, which sopud
// reports as a bug), and it never crashes, hangs or trips a sanitizer. Any
// INTERNAL or UNKNOWN status aborts, so libFuzzer reports it as a finding.
// With SOPU_FUZZ_VERBOSE set, each input's handler and status code (never a
// message) are printed, to see what a corpus exercises.
//
// Work per input is capped so that one input stays fast: requests with more
// than kMaxFuzzParticipants participants or kMaxFuzzCriteria criteria are
// skipped, and a groups search is clipped to kGroupsTimeLimit seconds and
// kGroupsMaxRounds rounds (a limit that validation must reject is kept as
// sent, so its check is fuzzed too).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/stubs/logging.h"
#include "service/handlers/explain_handler.h"
#include "service/handlers/groups_handler.h"
#include "service/handlers/match_handler.h"
#include "service/handlers/peer_pairs_handler.h"
#include "service/handlers/score_handler.h"
#include "service/handlers/validate_handler.h"
#include "sopu/v1/sopu.pb.h"

namespace {

constexpr int kMaxFuzzParticipants = 64;
constexpr int kMaxFuzzCriteria = 16;
constexpr double kGroupsTimeLimit = 0.02;
constexpr std::int64_t kGroupsMaxRounds = 2;

enum class RequestKind : std::uint8_t {
  kValidate,
  kScore,
  kMatch,
  kPeerPairs,
  kGroups,
  kExplainPair,
  kExplainGroup,
};
constexpr std::uint8_t kRequestKinds = 7;

// TooBig: inputs beyond the per-input budget are skipped, not run.
template <typename Request>
bool TooBig(const Request& request) {
  return request.cohort().participants_size() > kMaxFuzzParticipants ||
         request.policy().criteria_size() > kMaxFuzzCriteria;
}

// CheckStatus aborts on the codes that mean a bug in the service.
void CheckStatus(const char* handler, const absl::Status& status) {
  static const bool verbose = std::getenv("SOPU_FUZZ_VERBOSE") != nullptr;
  if (verbose) {
    std::fprintf(stderr, "fuzz_requests: %s %s\n", handler,
                 absl::StatusCodeToString(status.code()).c_str());
  }
  if (status.code() == absl::StatusCode::kInternal ||
      status.code() == absl::StatusCode::kUnknown) {
    std::fprintf(stderr, "fuzz_requests: %s returned %s\n", handler,
                 status.ToString().c_str());
    std::abort();
  }
}

// Finish checks a handler's outcome; an OK response is serialized (it must be
// a valid message to go over the wire).
template <typename Response>
void Finish(const char* handler, const absl::StatusOr<Response>& result) {
  CheckStatus(handler, result.status());
  if (result.ok()) (void)result->SerializeAsString();
}

// QuietProtobuf stops protobuf's log line for each string field with invalid
// UTF-8 that parsing rejects; fuzzing meets thousands of them.
bool QuietProtobuf() {
  google::protobuf::SetLogHandler(nullptr);
  return true;
}

template <typename Request>
bool Parse(const std::uint8_t* data, std::size_t size, Request& request) {
  return request.ParseFromArray(data, static_cast<int>(size)) &&
         !TooBig(request);
}

// ClipGroups keeps a groups search within the budget.
void ClipGroups(sopu::v1::GroupsRequest& request) {
  const double t = request.time_limit_seconds();
  if (!request.has_time_limit_seconds()) {
    request.set_time_limit_seconds(kGroupsTimeLimit);
  } else if (t > 0.0 && t <= 3600.0) {
    request.set_time_limit_seconds(std::min(t, kGroupsTimeLimit));
  }
  if (!request.has_max_rounds()) {
    request.set_max_rounds(kGroupsMaxRounds);
  } else if (request.max_rounds() >= 1) {
    request.set_max_rounds(std::min(request.max_rounds(), kGroupsMaxRounds));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static const bool quiet = QuietProtobuf();
  (void)quiet;
  if (size == 0) return 0;
  const auto kind = static_cast<RequestKind>(data[0] % kRequestKinds);
  const std::uint8_t* body = data + 1;
  const std::size_t body_size = size - 1;
  switch (kind) {
    case RequestKind::kValidate: {
      sopu::v1::ValidateRequest request;
      if (!Parse(body, body_size, request)) return 0;
      const absl::StatusOr<sopu::v1::ValidateResponse> validated =
          sopu::service::HandleValidate(request);
      CheckStatus("HandleValidate", validated.status());
      if (!validated.ok()) std::abort();  // never fails without cancel
      const sopu::v1::ValidateResponse& response = *validated;
      if (response.valid() != (response.violations_size() == 0)) {
        std::fprintf(stderr, "fuzz_requests: valid disagrees with problems\n");
        std::abort();
      }
      (void)response.SerializeAsString();
      break;
    }
    case RequestKind::kScore: {
      sopu::v1::ScoreRequest request;
      if (!Parse(body, body_size, request)) return 0;
      Finish("HandleScore", sopu::service::HandleScore(request));
      break;
    }
    case RequestKind::kMatch: {
      sopu::v1::MatchRequest request;
      if (!Parse(body, body_size, request)) return 0;
      Finish("HandleMatch", sopu::service::HandleMatch(request));
      break;
    }
    case RequestKind::kPeerPairs: {
      sopu::v1::PeerPairsRequest request;
      if (!Parse(body, body_size, request)) return 0;
      Finish("HandlePeerPairs", sopu::service::HandlePeerPairs(request));
      break;
    }
    case RequestKind::kGroups: {
      sopu::v1::GroupsRequest request;
      if (!Parse(body, body_size, request)) return 0;
      ClipGroups(request);
      Finish("HandleGroups", sopu::service::HandleGroups(request));
      break;
    }
    case RequestKind::kExplainPair: {
      sopu::v1::ExplainPairRequest request;
      if (!Parse(body, body_size, request)) return 0;
      Finish("HandleExplainPair", sopu::service::HandleExplainPair(request));
      break;
    }
    case RequestKind::kExplainGroup: {
      sopu::v1::ExplainGroupRequest request;
      if (!Parse(body, body_size, request)) return 0;
      Finish("HandleExplainGroup", sopu::service::HandleExplainGroup(request));
      break;
    }
  }
  return 0;
}
