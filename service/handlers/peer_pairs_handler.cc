#include "service/handlers/peer_pairs_handler.h"

#include <algorithm>

#include "engine/peers/pair_peers.h"
#include "engine/scoring/pool_scores.h"
#include "engine/scoring/scoring_model.h"
#include "service/convert/peer_pairs_convert.h"
#include "service/handlers/prepare_inputs.h"

namespace sopu::service {
namespace {

// CheckPeerFields records the problems of the request's own fields.
void CheckPeerFields(const sopu::v1::PeerPairsRequest& request,
                     ViolationList& violations) {
  if (request.has_min_score() &&
      !(request.min_score() >= 0.0 && request.min_score() <= 1.0)) {
    violations.Add("min_score", "must be in 0..1");
  }
  const auto& participants = request.cohort().participants();
  const auto peers = std::count_if(
      participants.begin(), participants.end(), [](const auto& p) {
        return std::count(p.roles().begin(), p.roles().end(),
                          sopu::v1::ROLE_PEER) > 0;
      });
  if (!participants.empty() && peers < 2) {
    violations.Add("cohort.participants",
                   "peer pairs need at least two participants with the role "
                   "peer");
  }
}

}  // namespace

absl::StatusOr<sopu::v1::PeerPairsResponse> HandlePeerPairs(
    const sopu::v1::PeerPairsRequest& request, const CallContext& context) {
  ViolationList violations;
  CheckPeerFields(request, violations);
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/false, violations);
  if (!inputs.ok()) return inputs.status();
  // The model refers to the pool, which must outlive it.
  const Cohort pool = PoolCohort(inputs->cohort, kRolePeer);
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(pool, inputs->policy);
  if (!model.ok()) return model.status();
  const PeerPairingOptions options = ToEnginePeerPairingOptions(request);
  absl::StatusOr<PeerPairing> pairing = PairPeers(*model, options, context);
  if (!pairing.ok()) return pairing.status();
  return ToProtoPeerPairsResponse(*pairing, *model, options);
}

}  // namespace sopu::service
