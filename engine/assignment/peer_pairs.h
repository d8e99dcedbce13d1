// SolvePeerPairs: the best pairing of one pool into peer pairs (non-bipartite
// maximum-weight matching), e.g. peer mentoring among producers.
//
// Problem: n people, a symmetric score matrix (score(a, b) = score(b, a); the
// diagonal is ignored) and forbidden pairs; choose disjoint allowed pairs
// optimising the objective:
//   kMaxCardinalityThenScore (default, as for the assignment solvers): first
//     the largest number of pairs, then the largest total score;
//   kMaxScore: the largest total score; pairs scoring below `min_score` (when
//     set) are never used, and people may stay unpaired when that scores
//     more (a pair with a negative score is never chosen).
//
// Algorithm: Edmonds' blossom algorithm with dual variables in the O(n^3)
// form of Gabow ("Implementation of algorithms for maximum matching on
// nonbipartite graphs", PhD thesis, Stanford 1973) and Galil ("Efficient
// algorithms for finding maximum matching in graphs", ACM Computing Surveys
// 18(1), 1986), structured after J. van Rantwijk's public-domain mwmatching.
// kMaxCardinalityThenScore never lowers a vertex dual below zero to stop
// early, which yields a maximum-weight matching among maximum-cardinality
// ones (no large constant added to the weights, so nothing is rounded away).
//
// Not Boost.Graph's maximum_weighted_matching: the Boost 1.74 version in
// Debian 12 is wrong or never terminates on some graphs (boostorg/graph
// issues #199, #223, #306, #399; reproduced here on a 7-vertex graph with
// small integer weights, where it loops forever).
//
// Complexity: O(n^3) time, O(n^2) memory (the allowed pairs as edges), n the
// pool size.
//
// Numbers: weights are the scores in double. Every dual update adds, subtracts
// or halves slacks; with integer or dyadic scores of moderate size (and the
// float scores of the scoring model) this is exact; otherwise the total is
// optimal up to rounding of the order of 1e-15 relative.
//
// Invariants of a kOptimal result: pairs are allowed and disjoint,
// partner_of is symmetric, unpaired lists everyone else, total is the sum of
// the pairs' scores.
//
// Determinism: the same input gives the same result.
//
// Usage:
//   PeerPairsProblem pool{.size = n, .scores = s, .forbidden = f};
//   absl::StatusOr<PeerPairsResult> r = SolvePeerPairs(pool);
//   if (!r.ok()) return r.status();
//   for (const auto& [a, b] : r->pairs) { ... }
#ifndef SOPU_ENGINE_ASSIGNMENT_PEER_PAIRS_H_
#define SOPU_ENGINE_ASSIGNMENT_PEER_PAIRS_H_

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"

namespace sopu {

// PeerPairsProblem: one pool of `size` people.
struct PeerPairsProblem {
  int size = 0;
  // Row-major size x size, finite and symmetric; the diagonal is ignored.
  std::vector<double> scores;
  // Row-major size x size; non-zero = forbidden. A pair is forbidden when
  // either direction is (avoid-lists are one-sided). Empty = nothing
  // forbidden.
  std::vector<std::uint8_t> forbidden;

  [[nodiscard]] double score(int a, int b) const {
    return scores[static_cast<std::size_t>(a) * static_cast<std::size_t>(size) +
                  static_cast<std::size_t>(b)];
  }
  [[nodiscard]] bool allowed(int a, int b) const {
    if (a == b) return false;
    if (forbidden.empty()) return true;
    const auto n = static_cast<std::size_t>(size);
    return forbidden[static_cast<std::size_t>(a) * n +
                     static_cast<std::size_t>(b)] == 0 &&
           forbidden[static_cast<std::size_t>(b) * n +
                     static_cast<std::size_t>(a)] == 0;
  }
};

enum class PeerPairsObjective { kMaxCardinalityThenScore, kMaxScore };

struct PeerPairsOptions {
  PeerPairsObjective objective = PeerPairsObjective::kMaxCardinalityThenScore;
  // Pairs scoring below this are never used (either objective). Unset: none.
  std::optional<double> min_score;
};

// PeerPairsStatus: a solver outcome, not an error.
enum class PeerPairsStatus { kOptimal, kCancelled };

struct PeerPairsResult {
  PeerPairsStatus status = PeerPairsStatus::kOptimal;
  // (a, b) with a < b, sorted by a.
  std::vector<std::pair<int, int>> pairs;
  // partner_of[a]: a's pair partner or -1. Size `size`.
  std::vector<int> partner_of;
  // The people in no pair, ascending.
  std::vector<int> unpaired;
  double total = 0.0;
};

// SolvePeerPairs: InvalidArgument for a malformed problem (negative size,
// sizes disagree, non-finite or asymmetric score, non-finite min_score),
// naming the place, e.g. `scores[3][5] = 0.2 but scores[5][3] = 0.3`.
// A cancelled result holds no pairs. The context's progress counts
// augmentation stages (at most size / 2 + 1).
[[nodiscard]] absl::StatusOr<PeerPairsResult> SolvePeerPairs(
    const PeerPairsProblem& problem, const PeerPairsOptions& options = {},
    const CallContext& context = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_ASSIGNMENT_PEER_PAIRS_H_
