// PairPeers: the peer-mentoring workflow — one pool of peers paired up by the
// best pairing (SolvePeerPairs, engine/assignment/peer_pairs.h), every pair
// explained and every unpaired peer given a cause.
//
// Steps:
//   1. score the pool both ways (engine/scoring/pool_scores.h): a pair's
//      affinity is the mean of its two directions, allowed when the policy
//      allows both;
//   2. solve the non-bipartite matching under the objective (most pairs then
//      largest total, or largest total only) and the minimum score;
//   3. explain each pair (ExplainBothWays, criterion by criterion) and find
//      each unpaired peer's cause, the first that applies:
//        kNoPeerAllowed  the policy forbids every other peer; `rule` is the
//                        verdict that forbids the most of them (ties: the
//                        lowest verdict code), `excluded` how many it forbids;
//        kBelowMinScore  allowed peers exist, none scores the minimum;
//        kPartnersTaken  `candidates` peers could be paired with it, and the
//                        objective paired them all with others.
//      Causes are codes and counts, never words or profile values: the
//      caller words them (service/convert/peer_pairs_convert.h).
//
// Complexity: O(n^2 (T + K)) scoring, O(n^3) matching, O(n^2) for the
// causes; memory O(n^2), n the pool size.
//
// Invariants of a kOptimal result: pairs are disjoint and allowed, in the
// solver's order (first < second, by first); `unpaired` lists every other
// peer in ascending order; total is the sum of the pairs' explained scores
// (summed in pair order), worst their minimum (0 without pairs).
// Cancellation (the context's token, checked while scoring and solving)
// gives kCancelled with no pairs and no causes.
//
// Usage:
//   const Cohort pool = PoolCohort(cohort, kRolePeer);
//   absl::StatusOr<ScoringModel> model = ScoringModel::Build(pool, policy);
//   absl::StatusOr<PeerPairing> r = PairPeers(*model, {}, context);
//   for (const PeerPair& p : r->pairs) Show(p.first, p.second, p.why);
#ifndef SOPU_ENGINE_PEERS_PAIR_PEERS_H_
#define SOPU_ENGINE_PEERS_PAIR_PEERS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/assignment/peer_pairs.h"
#include "engine/common/call_context.h"
#include "engine/scoring/scoring_model.h"

namespace sopu {

struct PeerPairingOptions {
  PeerPairsObjective objective = PeerPairsObjective::kMaxCardinalityThenScore;
  // Pairs scoring below this are never used. Unset: none.
  std::optional<double> min_score;
};

enum class UnpairedCause { kNoPeerAllowed, kBelowMinScore, kPartnersTaken };

// UnpairedPeer: why `peer` (a row of the pool model) is in no pair.
struct UnpairedPeer {
  int peer = 0;
  UnpairedCause cause = UnpairedCause::kPartnersTaken;
  // kNoPeerAllowed: the verdict forbidding the most other peers, and how many.
  std::uint8_t rule = 0;
  int excluded = 0;
  // kPartnersTaken: the allowed peers meeting the minimum score.
  int candidates = 0;
};

struct PeerPair {
  int first = 0;
  int second = 0;
  PairExplanation why;  // both directions averaged
};

struct PeerPairing {
  PeerPairsStatus status = PeerPairsStatus::kOptimal;
  int peers = 0;  // the pool's size
  std::vector<PeerPair> pairs;
  std::vector<UnpairedPeer> unpaired;
  double total = 0.0;
  double worst = 0.0;
};

// PairPeers: `model` is a pool model (a PoolCohort's, rows and columns the
// same people). InvalidArgument for a non-finite min_score.
[[nodiscard]] absl::StatusOr<PeerPairing> PairPeers(
    const ScoringModel& model, const PeerPairingOptions& options = {},
    const CallContext& context = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_PEERS_PAIR_PEERS_H_
