#include "service/handlers/peer_pairs_handler.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/assignment/peer_pairs.h"
#include "engine/scoring/pool_scores.h"
#include "engine/scoring/scoring_model.h"
#include "engine/version.h"
#include "service/convert/cohort_convert.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/pair_explanations.h"
#include "service/handlers/prepare_inputs.h"
#include "service/status/bad_request.h"

namespace sopu::service {

absl::StatusOr<sopu::v1::PeerPairsResponse> HandlePeerPairs(
    const sopu::v1::PeerPairsRequest& request, const CallContext& context) {
  ViolationList violations;
  if (request.has_min_score() &&
      !(request.min_score() >= 0.0 && request.min_score() <= 1.0)) {
    violations.Add("min_score", "must be in 0..1");
  }
  int peers = 0;
  for (const auto& p : request.cohort().participants()) {
    peers +=
        std::count(p.roles().begin(), p.roles().end(), sopu::v1::ROLE_PEER) > 0
            ? 1
            : 0;
  }
  if (!request.cohort().participants().empty() && peers < 2) {
    violations.Add("cohort.participants",
                   "peer pairs need at least two participants with the role "
                   "peer");
  }
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/false, violations);
  if (!inputs.ok()) return inputs.status();

  const sopu::Cohort pool = PoolCohort(inputs->cohort, kRolePeer);
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(pool, inputs->policy);
  if (!model.ok()) return model.status();
  const ScoreMatrix matrix = model->ComputeMatrix();
  const int n = matrix.rows();

  PoolAffinity affinity = MakePoolAffinity(matrix);
  PeerPairsProblem problem;
  problem.size = n;
  problem.scores = std::move(affinity.score);
  problem.forbidden.resize(affinity.allowed.size());
  for (std::size_t i = 0; i < affinity.allowed.size(); ++i) {
    problem.forbidden[i] = static_cast<std::uint8_t>(affinity.allowed[i] == 0);
  }
  PeerPairsOptions options;
  options.objective = request.max_score_only()
                          ? PeerPairsObjective::kMaxScore
                          : PeerPairsObjective::kMaxCardinalityThenScore;
  if (request.has_min_score()) options.min_score = request.min_score();
  absl::StatusOr<PeerPairsResult> result =
      SolvePeerPairs(problem, options, {.cancel = context.cancel});
  if (!result.ok()) return result.status();

  sopu::v1::PeerPairsResponse response;
  response.set_status(result->status == PeerPairsStatus::kCancelled
                          ? sopu::v1::SOLVER_STATUS_CANCELLED
                          : sopu::v1::SOLVER_STATUS_OPTIMAL);
  const auto& people = pool.participants;
  double total = 0.0;
  double worst = 0.0;
  for (const auto& [a, b] : result->pairs) {
    const PairExplanation pair = ExplainBothWays(*model, a, b);
    auto* out = response.add_pairs();
    out->set_first_id(people[static_cast<std::size_t>(a)].id);
    out->set_second_id(people[static_cast<std::size_t>(b)].id);
    out->set_score(pair.score);
    AddTopReasons(*model, pair, *out->mutable_reasons());
    worst =
        response.pairs_size() == 1 ? pair.score : std::min(worst, pair.score);
    total += pair.score;
  }
  for (int a : result->unpaired) {
    auto* out = response.add_unpaired();
    out->set_id(people[static_cast<std::size_t>(a)].id);
    int allowed = 0;
    int above_min = 0;
    std::vector<int> by_rule(kFirstCriterionVerdict + kMaxCriteria, 0);
    for (int b = 0; b < n; ++b) {
      if (b == a) continue;
      if (problem.allowed(a, b)) {
        ++allowed;
        above_min += (!request.has_min_score() ||
                      problem.score(a, b) >= request.min_score())
                         ? 1
                         : 0;
      } else {
        const std::uint8_t v = matrix.verdicts(a, b) != kAllowed
                                   ? matrix.verdicts(a, b)
                                   : matrix.verdicts(b, a);
        ++by_rule[v];
      }
    }
    if (allowed == 0) {
      const auto top = std::max_element(by_rule.begin(), by_rule.end());
      out->set_reason(absl::StrCat(
          "no allowed peer; rule ",
          VerdictRuleName(model->policy(),
                          static_cast<std::uint8_t>(top - by_rule.begin())),
          " excludes ", *top, " of ", n - 1));
    } else if (above_min == 0) {
      out->set_reason(absl::StrCat(
          "no allowed peer scores at least the minimum ", request.min_score()));
    } else {
      out->set_reason(absl::StrCat("all ", above_min,
                                   above_min == 1
                                       ? " peer it could be paired with is"
                                       : " peers it could be paired with are",
                                   " paired with others"));
    }
  }
  auto* summary = response.mutable_summary();
  summary->set_peers(n);
  summary->set_paired(2 * response.pairs_size());
  summary->set_total(total);
  summary->set_mean(response.pairs_size() > 0 ? total / response.pairs_size()
                                              : 0.0);
  summary->set_worst(worst);
  *response.mutable_policy() = ToProtoPolicy(inputs->policy);
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
