// RemoteClient sends each call to sopud over gRPC (`sopu --server ADDR`):
// unary Validate/Score/Match/PeerPairs, and FormGroupsStream for groups so
// the progress bar moves as it does in-process. Statuses come back through
// FromGrpcStatus (remote_status.h); each call has a deadline (options'
// deadline_seconds, plus the time limit for groups), so an unresponsive
// server never hangs the command.
#ifndef SOPU_SERVICE_CLIENT_REMOTE_CLIENT_H_
#define SOPU_SERVICE_CLIENT_REMOTE_CLIENT_H_

#include <memory>
#include <string>

#include "service/client/client_channel.h"
#include "service/client/engine_client.h"
#include "sopu/v1/sopu.grpc.pb.h"

namespace sopu::client {

class RemoteClient final : public EngineClient {
 public:
  // Connect builds the channel (client_channel.h); it does not wait for the
  // server, so an unreachable one shows on the first call.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<RemoteClient>> Connect(
      const ClientOptions& options);

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

 private:
  RemoteClient(ClientOptions options, std::shared_ptr<grpc::Channel> channel);

  // Call runs one unary rpc with the default deadline.
  template <typename Request, typename Response, typename Method>
  absl::StatusOr<Response> Call(Method method, const Request& request);

  ClientOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<sopu::v1::Sopu::Stub> stub_;
};

}  // namespace sopu::client

#endif  // SOPU_SERVICE_CLIENT_REMOTE_CLIENT_H_
