// EngineClient is what every `sopu` command calls to reach the engine: the
// embedded handlers in this process (EmbeddedClient) or a sopud server over
// gRPC (RemoteClient, `sopu --server ADDR`). Both answer with the same
// responses and the same statuses (INVALID_ARGUMENT carrying the BadRequest
// field violations of service/status/bad_request.h), so a command renders
// the same output either way.
//
// Implementations are safe to call from several threads at once (`sopu
// bench --jobs N` does).
#ifndef SOPU_SERVICE_CLIENT_ENGINE_CLIENT_H_
#define SOPU_SERVICE_CLIENT_ENGINE_CLIENT_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/common/cancellation.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::client {

class EngineClient {
 public:
  EngineClient() = default;
  EngineClient(const EngineClient&) = delete;
  EngineClient& operator=(const EngineClient&) = delete;
  virtual ~EngineClient() = default;

  [[nodiscard]] virtual absl::StatusOr<sopu::v1::ValidateResponse> Validate(
      const sopu::v1::ValidateRequest& request) = 0;
  [[nodiscard]] virtual absl::StatusOr<sopu::v1::ScoreResponse> Score(
      const sopu::v1::ScoreRequest& request) = 0;
  [[nodiscard]] virtual absl::StatusOr<sopu::v1::MatchResponse> Match(
      const sopu::v1::MatchRequest& request) = 0;
  [[nodiscard]] virtual absl::StatusOr<sopu::v1::PeerPairsResponse> PeerPairs(
      const sopu::v1::PeerPairsRequest& request) = 0;
  // FormGroups: `progress` (may be empty) gets done / total in milliseconds
  // of the search's time limit and the best objective so far.
  [[nodiscard]] virtual absl::StatusOr<sopu::v1::GroupsResponse> FormGroups(
      const sopu::v1::GroupsRequest& request,
      const ProgressCallback& progress) = 0;
  [[nodiscard]] virtual absl::StatusOr<sopu::v1::ExplainPairResponse>
  ExplainPair(const sopu::v1::ExplainPairRequest& request) = 0;
  [[nodiscard]] virtual absl::StatusOr<sopu::v1::ExplainGroupResponse>
  ExplainGroup(const sopu::v1::ExplainGroupRequest& request) = 0;

 protected:
  EngineClient(EngineClient&&) = default;
  EngineClient& operator=(EngineClient&&) = default;
};

// IsServerFailure: whether `status` is a failure of the call to a server
// (unreachable, overloaded, refused, timed out) rather than an answer about
// the input; RemoteClient marks those.
[[nodiscard]] bool IsServerFailure(const absl::Status& status);

}  // namespace sopu::client

#endif  // SOPU_SERVICE_CLIENT_ENGINE_CLIENT_H_
