#include "service/client/remote_client.h"

#include <chrono>
#include <optional>
#include <utility>

#include "grpcpp/client_context.h"
#include "service/client/remote_status.h"
#include "service/handlers/groups_handler.h"

namespace sopu::client {
namespace {

void SetDeadline(grpc::ClientContext& context, double seconds) {
  context.set_deadline(
      std::chrono::system_clock::now() +
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::duration<double>(seconds)));
}

}  // namespace

absl::StatusOr<std::unique_ptr<RemoteClient>> RemoteClient::Connect(
    const ClientOptions& options) {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      MakeClientChannel(options);
  if (!channel.ok()) return channel.status();
  return std::unique_ptr<RemoteClient>(
      new RemoteClient(options, *std::move(channel)));
}

RemoteClient::RemoteClient(ClientOptions options,
                           std::shared_ptr<grpc::Channel> channel)
    : options_(std::move(options)),
      channel_(std::move(channel)),
      stub_(sopu::v1::Sopu::NewStub(channel_)) {}

template <typename Request, typename Response, typename Method>
absl::StatusOr<Response> RemoteClient::Call(Method method,
                                            const Request& request) {
  grpc::ClientContext context;
  SetDeadline(context, options_.deadline_seconds);
  Response response;
  const grpc::Status status =
      (stub_.get()->*method)(&context, request, &response);
  if (!status.ok()) return FromGrpcStatus(status, options_.targets);
  return response;
}

absl::StatusOr<sopu::v1::ValidateResponse> RemoteClient::Validate(
    const sopu::v1::ValidateRequest& request) {
  return Call<sopu::v1::ValidateRequest, sopu::v1::ValidateResponse>(
      &sopu::v1::Sopu::Stub::Validate, request);
}

absl::StatusOr<sopu::v1::ScoreResponse> RemoteClient::Score(
    const sopu::v1::ScoreRequest& request) {
  return Call<sopu::v1::ScoreRequest, sopu::v1::ScoreResponse>(
      &sopu::v1::Sopu::Stub::Score, request);
}

absl::StatusOr<sopu::v1::MatchResponse> RemoteClient::Match(
    const sopu::v1::MatchRequest& request) {
  return Call<sopu::v1::MatchRequest, sopu::v1::MatchResponse>(
      &sopu::v1::Sopu::Stub::Match, request);
}

absl::StatusOr<sopu::v1::PeerPairsResponse> RemoteClient::PeerPairs(
    const sopu::v1::PeerPairsRequest& request) {
  return Call<sopu::v1::PeerPairsRequest, sopu::v1::PeerPairsResponse>(
      &sopu::v1::Sopu::Stub::PeerPairs, request);
}

absl::StatusOr<sopu::v1::ExplainPairResponse> RemoteClient::ExplainPair(
    const sopu::v1::ExplainPairRequest& request) {
  return Call<sopu::v1::ExplainPairRequest, sopu::v1::ExplainPairResponse>(
      &sopu::v1::Sopu::Stub::ExplainPair, request);
}

absl::StatusOr<sopu::v1::ExplainGroupResponse> RemoteClient::ExplainGroup(
    const sopu::v1::ExplainGroupRequest& request) {
  return Call<sopu::v1::ExplainGroupRequest, sopu::v1::ExplainGroupResponse>(
      &sopu::v1::Sopu::Stub::ExplainGroup, request);
}

absl::StatusOr<sopu::v1::GroupsResponse> RemoteClient::FormGroups(
    const sopu::v1::GroupsRequest& request, const ProgressCallback& progress) {
  grpc::ClientContext context;
  const double limit = request.has_time_limit_seconds()
                           ? request.time_limit_seconds()
                           : service::kDefaultGroupsTimeLimit;
  SetDeadline(context, limit + options_.deadline_seconds);
  std::unique_ptr<grpc::ClientReader<sopu::v1::GroupsProgress>> reader =
      stub_->FormGroupsStream(&context, request);
  sopu::v1::GroupsProgress message;
  std::optional<sopu::v1::GroupsResponse> result;
  while (reader->Read(&message)) {
    if (message.has_result()) {
      result = std::move(*message.mutable_result());
    } else if (message.has_progress() && progress) {
      progress({.done = message.progress().elapsed_ms(),
                .total = message.progress().limit_ms(),
                .best_objective = message.progress().best_objective()});
    }
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return FromGrpcStatus(status, options_.targets);
  if (!result.has_value()) {
    return MarkServerFailure(absl::InternalError(
        "the server ended the groups stream without a result"));
  }
  return *std::move(result);
}

}  // namespace sopu::client
