// HandlePeerPairs answers a PeerPairsRequest: the peers of a cohort (role
// peer) paired up by maximum-weight matching on a general graph.
//
// A pair's score is the mean of its two directions under the policy (each
// peer scored as mentee against the other as mentor), and the pair is
// forbidden when either direction is. Validation first (INVALID_ARGUMENT with
// BadRequest details, nothing computed). Cost: the P x P score matrix plus
// the O(P^3) matching, P peers.
#ifndef SOPU_SERVICE_HANDLERS_PEER_PAIRS_HANDLER_H_
#define SOPU_SERVICE_HANDLERS_PEER_PAIRS_HANDLER_H_

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] absl::StatusOr<sopu::v1::PeerPairsResponse> HandlePeerPairs(
    const sopu::v1::PeerPairsRequest& request, const CallContext& context = {});

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_PEER_PAIRS_HANDLER_H_
