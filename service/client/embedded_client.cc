#include "service/client/embedded_client.h"

#include "service/handlers/explain_handler.h"
#include "service/handlers/groups_handler.h"
#include "service/handlers/match_handler.h"
#include "service/handlers/peer_pairs_handler.h"
#include "service/handlers/score_handler.h"
#include "service/handlers/validate_handler.h"
#include "service/server/input_hash.h"

namespace sopu::client {
namespace {

// WithHash stamps a successful response with the request's input hash, as
// sopud does, so embedded and remote JSON output agree.
template <typename Response, typename Request>
absl::StatusOr<Response> WithHash(absl::StatusOr<Response> response,
                                  const Request& request) {
  if (response.ok()) response->set_input_hash(server::InputHash(request));
  return response;
}

}  // namespace

absl::StatusOr<sopu::v1::ValidateResponse> EmbeddedClient::Validate(
    const sopu::v1::ValidateRequest& request) {
  return WithHash(service::HandleValidate(request), request);
}

absl::StatusOr<sopu::v1::ScoreResponse> EmbeddedClient::Score(
    const sopu::v1::ScoreRequest& request) {
  return WithHash(service::HandleScore(request), request);
}

absl::StatusOr<sopu::v1::MatchResponse> EmbeddedClient::Match(
    const sopu::v1::MatchRequest& request) {
  return WithHash(service::HandleMatch(request), request);
}

absl::StatusOr<sopu::v1::PeerPairsResponse> EmbeddedClient::PeerPairs(
    const sopu::v1::PeerPairsRequest& request) {
  return WithHash(service::HandlePeerPairs(request), request);
}

absl::StatusOr<sopu::v1::GroupsResponse> EmbeddedClient::FormGroups(
    const sopu::v1::GroupsRequest& request, const ProgressCallback& progress) {
  return WithHash(service::HandleGroups(request, {.progress = progress}),
                  request);
}

absl::StatusOr<sopu::v1::ExplainPairResponse> EmbeddedClient::ExplainPair(
    const sopu::v1::ExplainPairRequest& request) {
  return WithHash(service::HandleExplainPair(request), request);
}

absl::StatusOr<sopu::v1::ExplainGroupResponse> EmbeddedClient::ExplainGroup(
    const sopu::v1::ExplainGroupRequest& request) {
  return WithHash(service::HandleExplainGroup(request), request);
}

}  // namespace sopu::client
