// Conversion between the PeerPairs messages and the engine's peer pairing
// (engine/peers/pair_peers.h): the request's objective and minimum score in,
// the pairs, their reasons and the unpaired peers' causes, in words, out.
#ifndef SOPU_SERVICE_CONVERT_PEER_PAIRS_CONVERT_H_
#define SOPU_SERVICE_CONVERT_PEER_PAIRS_CONVERT_H_

#include "engine/peers/pair_peers.h"
#include "engine/scoring/scoring_model.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] PeerPairingOptions ToEnginePeerPairingOptions(
    const sopu::v1::PeerPairsRequest& request);

// ToProtoPeerPairsResponse: `model` is the pool model the pairing was made
// on (its participants name the rows).
[[nodiscard]] sopu::v1::PeerPairsResponse ToProtoPeerPairsResponse(
    const PeerPairing& pairing, const ScoringModel& model,
    const PeerPairingOptions& options);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_PEER_PAIRS_CONVERT_H_
