#include "service/convert/peer_pairs_convert.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "engine/common/index.h"
#include "engine/version.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/pair_explanations.h"

namespace sopu::service {
namespace {

std::string CauseWords(const UnpairedPeer& u, const PeerPairing& pairing,
                       const Policy& policy,
                       const PeerPairingOptions& options) {
  switch (u.cause) {
    case UnpairedCause::kNoPeerAllowed:
      return absl::StrCat("no allowed peer; rule ",
                          VerdictRuleName(policy, u.rule), " excludes ",
                          u.excluded, " of ", pairing.peers - 1);
    case UnpairedCause::kBelowMinScore:
      return absl::StrCat("no allowed peer scores at least the minimum ",
                          options.min_score.value_or(0.0));
    case UnpairedCause::kPartnersTaken:
      break;
  }
  return absl::StrCat("all ", u.candidates,
                      u.candidates == 1 ? " peer it could be paired with is"
                                        : " peers it could be paired with are",
                      " paired with others");
}

}  // namespace

PeerPairingOptions ToEnginePeerPairingOptions(
    const sopu::v1::PeerPairsRequest& request) {
  PeerPairingOptions options;
  options.objective = request.max_score_only()
                          ? PeerPairsObjective::kMaxScore
                          : PeerPairsObjective::kMaxCardinalityThenScore;
  if (request.has_min_score()) options.min_score = request.min_score();
  return options;
}

sopu::v1::PeerPairsResponse ToProtoPeerPairsResponse(
    const PeerPairing& pairing, const ScoringModel& model,
    const PeerPairingOptions& options) {
  const auto& people = model.cohort().participants;
  sopu::v1::PeerPairsResponse response;
  response.set_status(pairing.status == PeerPairsStatus::kCancelled
                          ? sopu::v1::SOLVER_STATUS_CANCELLED
                          : sopu::v1::SOLVER_STATUS_OPTIMAL);
  for (const PeerPair& pair : pairing.pairs) {
    auto* out = response.add_pairs();
    out->set_first_id(people[Idx(pair.first)].id);
    out->set_second_id(people[Idx(pair.second)].id);
    out->set_score(pair.why.score);
    AddTopReasons(model, pair.why, *out->mutable_reasons());
  }
  for (const UnpairedPeer& u : pairing.unpaired) {
    auto* out = response.add_unpaired();
    out->set_id(people[Idx(u.peer)].id);
    out->set_reason(CauseWords(u, pairing, model.policy(), options));
  }
  auto* summary = response.mutable_summary();
  summary->set_peers(pairing.peers);
  summary->set_paired(2 * response.pairs_size());
  summary->set_total(pairing.total);
  summary->set_mean(
      response.pairs_size() > 0 ? pairing.total / response.pairs_size() : 0.0);
  summary->set_worst(pairing.worst);
  *response.mutable_policy() = ToProtoPolicy(model.policy());
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
