// EmbeddedClient runs the engine in this process: each call is the
// service handler (service/handlers/) the server would run, and the
// response carries the same input_hash the server would set.
#ifndef SOPU_SERVICE_CLIENT_EMBEDDED_CLIENT_H_
#define SOPU_SERVICE_CLIENT_EMBEDDED_CLIENT_H_

#include "service/client/engine_client.h"

namespace sopu::client {

class EmbeddedClient final : public EngineClient {
 public:
  absl::StatusOr<sopu::v1::ValidateResponse> Validate(
      const sopu::v1::ValidateRequest& request) override;
  absl::StatusOr<sopu::v1::ScoreResponse> Score(
      const sopu::v1::ScoreRequest& request) override;
  absl::StatusOr<sopu::v1::MatchResponse> Match(
      const sopu::v1::MatchRequest& request) override;
  absl::StatusOr<sopu::v1::PeerPairsResponse> PeerPairs(
      const sopu::v1::PeerPairsRequest& request) override;
  absl::StatusOr<sopu::v1::GroupsResponse> FormGroups(
      const sopu::v1::GroupsRequest& request,
      const ProgressCallback& progress) override;
  absl::StatusOr<sopu::v1::ExplainPairResponse> ExplainPair(
      const sopu::v1::ExplainPairRequest& request) override;
  absl::StatusOr<sopu::v1::ExplainGroupResponse> ExplainGroup(
      const sopu::v1::ExplainGroupRequest& request) override;
};

}  // namespace sopu::client

#endif  // SOPU_SERVICE_CLIENT_EMBEDDED_CLIENT_H_
