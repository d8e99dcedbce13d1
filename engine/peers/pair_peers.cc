#include "engine/peers/pair_peers.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/common/index.h"
#include "engine/scoring/pool_scores.h"
#include "engine/scoring/score_matrix.h"

namespace sopu {
namespace {

PeerPairsProblem ToProblem(PoolAffinity affinity) {
  PeerPairsProblem problem;
  problem.size = affinity.size;
  problem.scores = std::move(affinity.score);
  problem.forbidden.resize(affinity.allowed.size());
  for (std::size_t i = 0; i < affinity.allowed.size(); ++i) {
    problem.forbidden[i] = static_cast<std::uint8_t>(affinity.allowed[i] == 0);
  }
  return problem;
}

// ForbiddingVerdict: the rule that forbids (a, b), looked up in a's
// direction first, as the pool affinity forbids a pair when either
// direction is forbidden.
std::uint8_t ForbiddingVerdict(const ScoreMatrix& matrix, int a, int b) {
  return matrix.verdicts(a, b) != kAllowed ? matrix.verdicts(a, b)
                                           : matrix.verdicts(b, a);
}

UnpairedPeer Cause(const ScoreMatrix& matrix, const PeerPairsProblem& problem,
                   const PeerPairingOptions& options, int a) {
  UnpairedPeer out;
  out.peer = a;
  int allowed = 0;
  std::vector<int> by_rule(kFirstCriterionVerdict + kMaxCriteria, 0);
  for (int b = 0; b < problem.size; ++b) {
    if (b == a) continue;
    if (!problem.allowed(a, b)) {
      ++by_rule[ForbiddingVerdict(matrix, a, b)];
      continue;
    }
    ++allowed;
    const bool meets = !options.min_score.has_value() ||
                       problem.score(a, b) >= *options.min_score;
    out.candidates += meets ? 1 : 0;
  }
  if (allowed == 0) {
    const auto top = std::max_element(by_rule.begin(), by_rule.end());
    out.cause = UnpairedCause::kNoPeerAllowed;
    out.rule = static_cast<std::uint8_t>(top - by_rule.begin());
    out.excluded = *top;
  } else if (out.candidates == 0) {
    out.cause = UnpairedCause::kBelowMinScore;
  }
  return out;
}

PeerPairing Cancelled(int peers) {
  PeerPairing out;
  out.status = PeerPairsStatus::kCancelled;
  out.peers = peers;
  return out;
}

}  // namespace

absl::StatusOr<PeerPairing> PairPeers(const ScoringModel& model,
                                      const PeerPairingOptions& options,
                                      const CallContext& context) {
  const ScoreMatrix matrix = model.ComputeMatrix({.cancel = context.cancel});
  if (context.cancelled()) return Cancelled(matrix.rows());
  const PeerPairsProblem problem = ToProblem(MakePoolAffinity(matrix));
  const PeerPairsOptions solver{.objective = options.objective,
                                .min_score = options.min_score};
  absl::StatusOr<PeerPairsResult> result =
      SolvePeerPairs(problem, solver, {.cancel = context.cancel});
  if (!result.ok()) return result.status();
  if (result->status == PeerPairsStatus::kCancelled) {
    return Cancelled(problem.size);
  }
  PeerPairing out;
  out.peers = problem.size;
  for (const auto& [a, b] : result->pairs) {
    PeerPair& pair = out.pairs.emplace_back();
    pair.first = a;
    pair.second = b;
    pair.why = ExplainBothWays(model, a, b);
    out.worst = out.pairs.size() == 1 ? pair.why.score
                                      : std::min(out.worst, pair.why.score);
    out.total += pair.why.score;
  }
  for (const int a : result->unpaired) {
    out.unpaired.push_back(Cause(matrix, problem, options, a));
  }
  return out;
}

}  // namespace sopu
