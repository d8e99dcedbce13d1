#include "engine/assignment/peer_pairs.h"

#include <cmath>
#include <cstddef>
#include <optional>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/capacitated_assignment.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

// Cell: the row-major index of (row, col) in a matrix `width` wide.
std::size_t Cell(int row, int col, int width) {
  return static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
         static_cast<std::size_t>(col);
}

struct Best {
  int pairs = 0;
  double total = 0.0;
};

// BruteForce: the best (pairs, total) over all matchings of `p` under the
// objective, by recursion on the lowest unpaired person.
void Search(const PeerPairsProblem& p, const PeerPairsOptions& options,
            std::vector<bool>& used, int pairs, double total, Best& best) {
  int a = 0;
  while (a < p.size && used[static_cast<std::size_t>(a)]) ++a;
  if (a == p.size) {
    const bool better =
        options.objective == PeerPairsObjective::kMaxScore
            ? total > best.total
            : pairs > best.pairs || (pairs == best.pairs && total > best.total);
    if (better) best = {pairs, total};
    return;
  }
  used[static_cast<std::size_t>(a)] = true;
  Search(p, options, used, pairs, total, best);  // a stays unpaired
  for (int b = a + 1; b < p.size; ++b) {
    if (used[static_cast<std::size_t>(b)] || !p.allowed(a, b)) continue;
    if (options.min_score && p.score(a, b) < *options.min_score) continue;
    used[static_cast<std::size_t>(b)] = true;
    Search(p, options, used, pairs + 1, total + p.score(a, b), best);
    used[static_cast<std::size_t>(b)] = false;
  }
  used[static_cast<std::size_t>(a)] = false;
}

Best BruteForce(const PeerPairsProblem& p, const PeerPairsOptions& options) {
  Best best{0, 0.0};
  std::vector<bool> used(static_cast<std::size_t>(p.size), false);
  Search(p, options, used, 0, 0.0, best);
  return best;
}

// ExpectValid checks the result's invariants: allowed disjoint pairs,
// symmetric partner_of, unpaired = the rest, total = sum of pair scores.
void ExpectValid(const PeerPairsProblem& p, const PeerPairsOptions& options,
                 const PeerPairsResult& r) {
  ASSERT_EQ(r.status, PeerPairsStatus::kOptimal);
  ASSERT_EQ(r.partner_of.size(), static_cast<std::size_t>(p.size));
  double total = 0.0;
  for (const auto& [a, b] : r.pairs) {
    ASSERT_LT(a, b);
    EXPECT_TRUE(p.allowed(a, b));
    if (options.min_score) {
      EXPECT_GE(p.score(a, b), *options.min_score);
    }
    EXPECT_EQ(r.partner_of[static_cast<std::size_t>(a)], b);
    EXPECT_EQ(r.partner_of[static_cast<std::size_t>(b)], a);
    total += p.score(a, b);
  }
  int unpaired = 0;
  for (int a = 0; a < p.size; ++a) {
    const int b = r.partner_of[static_cast<std::size_t>(a)];
    if (b < 0) {
      ++unpaired;
    } else {
      EXPECT_EQ(r.partner_of[static_cast<std::size_t>(b)], a);
    }
  }
  EXPECT_EQ(static_cast<std::size_t>(unpaired), r.unpaired.size());
  EXPECT_EQ(2 * r.pairs.size() + r.unpaired.size(),
            static_cast<std::size_t>(p.size));
  EXPECT_NEAR(r.total, total, 1e-9);
}

PeerPairsProblem FromEdges(int n, const std::vector<std::vector<int>>& edges) {
  PeerPairsProblem p;
  p.size = n;
  p.scores.assign(Cell(n, 0, n), 0.0);
  p.forbidden.assign(Cell(n, 0, n), 1);
  for (const auto& e : edges) {
    for (const auto& [a, b] : {std::pair{e[0], e[1]}, std::pair{e[1], e[0]}}) {
      p.scores[Cell(a, b, n)] = e[2];
      p.forbidden[Cell(a, b, n)] = 0;
    }
  }
  return p;
}

// RandomPool: symmetric scores (small integers, with ties, some negative,
// when `integers`; else uniform doubles), some pairs forbidden.
PeerPairsProblem RandomPool(std::mt19937& rng, int n, bool integers) {
  PeerPairsProblem p;
  p.size = n;
  p.scores.assign(Cell(n, 0, n), 0.0);
  p.forbidden.assign(Cell(n, 0, n), 0);
  std::uniform_int_distribution<int> small(-2, 6);
  std::uniform_real_distribution<double> real(-0.2, 1.0);
  std::bernoulli_distribution forbid(0.3);
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      const double s = integers ? small(rng) : real(rng);
      p.scores[Cell(a, b, n)] = s;
      p.scores[Cell(b, a, n)] = s;
      // One-sided: either direction forbids the pair.
      if (forbid(rng)) p.forbidden[Cell(a, b, n)] = 1;
    }
  }
  return p;
}

TEST(PeerPairs, MaxScoreTakesTheHeavyMiddleEdge) {
  // 0-1 (5), 1-2 (11), 2-3 (5): max score takes 1-2 = 11 > 5 + 5.
  const PeerPairsProblem p = FromEdges(4, {{0, 1, 5}, {1, 2, 11}, {2, 3, 5}});
  PeerPairsOptions options;
  options.objective = PeerPairsObjective::kMaxScore;
  const auto r = SolvePeerPairs(p, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->pairs, (std::vector<std::pair<int, int>>{{1, 2}}));
  EXPECT_EQ(r->unpaired, (std::vector<int>{0, 3}));
  EXPECT_EQ(r->total, 11.0);
}

TEST(PeerPairs, MaxCardinalityFirstPairsEveryone) {
  const PeerPairsProblem p = FromEdges(4, {{0, 1, 5}, {1, 2, 11}, {2, 3, 5}});
  const auto r = SolvePeerPairs(p);  // default: cardinality, then score
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->pairs, (std::vector<std::pair<int, int>>{{0, 1}, {2, 3}}));
  EXPECT_TRUE(r->unpaired.empty());
  EXPECT_EQ(r->total, 5.0 + 5.0);
}

TEST(PeerPairs, NegativePairsOnlyWhenCardinalityCounts) {
  // 0-1 (2), 0-2 (-2), 1-2 (1), 1-3 (-1), 2-3 (-6).
  const PeerPairsProblem p =
      FromEdges(4, {{0, 1, 2}, {0, 2, -2}, {1, 2, 1}, {1, 3, -1}, {2, 3, -6}});
  PeerPairsOptions max_score;
  max_score.objective = PeerPairsObjective::kMaxScore;
  const auto a = SolvePeerPairs(p, max_score);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->pairs, (std::vector<std::pair<int, int>>{{0, 1}}));
  EXPECT_EQ(a->total, 2.0);
  const auto b = SolvePeerPairs(p);
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->pairs, (std::vector<std::pair<int, int>>{{0, 2}, {1, 3}}));
  EXPECT_EQ(b->total, -2.0 + -1.0);
}

TEST(PeerPairs, TriangleWithPendants) {
  // An odd cycle 0-1-2 with pendants 3 (at 0) and 4 (at 2): 0-3 + 1-2 = 16
  // beats 2-4 + 0-1 = 14, 0-3 + 2-4 = 13 and 0-2 = 10.
  const PeerPairsProblem p =
      FromEdges(5, {{0, 1, 8}, {1, 2, 9}, {0, 2, 10}, {0, 3, 7}, {2, 4, 6}});
  PeerPairsOptions options;
  options.objective = PeerPairsObjective::kMaxScore;
  const auto r = SolvePeerPairs(p, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->total, 7.0 + 9.0);
  EXPECT_EQ(r->pairs, (std::vector<std::pair<int, int>>{{0, 3}, {1, 2}}));
}

// Boost 1.74's maximum_weighted_matching never returns on this graph (the
// reason this solver does not use it); checked against brute force.
TEST(PeerPairs, GraphOnWhichBoost174Loops) {
  const PeerPairsProblem p = FromEdges(7, {{0, 1, 6},
                                           {0, 2, 4},
                                           {0, 4, 6},
                                           {0, 5, 5},
                                           {1, 2, 3},
                                           {1, 3, 5},
                                           {1, 4, 6},
                                           {1, 6, 3},
                                           {2, 3, 2},
                                           {2, 4, 4},
                                           {3, 4, 5},
                                           {3, 6, 2},
                                           {4, 5, 5},
                                           {5, 6, 3}});
  for (const auto objective : {PeerPairsObjective::kMaxScore,
                               PeerPairsObjective::kMaxCardinalityThenScore}) {
    PeerPairsOptions options;
    options.objective = objective;
    const auto r = SolvePeerPairs(p, options);
    ASSERT_TRUE(r.ok()) << r.status();
    ExpectValid(p, options, *r);
    const Best best = BruteForce(p, options);
    EXPECT_EQ(r->total, best.total);
    EXPECT_EQ(static_cast<int>(r->pairs.size()), best.pairs);
  }
}

TEST(PeerPairs, MatchesBruteForceOnRandomPools) {
  std::mt19937 rng(20240611);
  int instances = 0;
  for (int round = 0; round < 1000; ++round) {
    for (int n = 0; n <= 10; ++n) {
      const bool integers = round % 2 == 0;
      const PeerPairsProblem p = RandomPool(rng, n, integers);
      for (const auto objective :
           {PeerPairsObjective::kMaxScore,
            PeerPairsObjective::kMaxCardinalityThenScore}) {
        PeerPairsOptions options;
        options.objective = objective;
        if (round % 5 == 1) options.min_score = integers ? 2.0 : 0.4;
        const auto r = SolvePeerPairs(p, options);
        ASSERT_TRUE(r.ok()) << r.status();
        ExpectValid(p, options, *r);
        const Best best = BruteForce(p, options);
        if (objective == PeerPairsObjective::kMaxCardinalityThenScore) {
          ASSERT_EQ(static_cast<int>(r->pairs.size()), best.pairs)
              << "round " << round << " n " << n;
        }
        if (integers) {
          ASSERT_EQ(r->total, best.total) << "round " << round << " n " << n;
        } else {
          ASSERT_NEAR(r->total, best.total, 1e-9)
              << "round " << round << " n " << n;
        }
        ++instances;
      }
    }
  }
  EXPECT_EQ(instances, 1000 * 11 * 2);
}

// On a bipartite pool (pairs allowed only across two halves) the peer
// optimum is the capacity-1 assignment optimum: an independent solver.
TEST(PeerPairs, BipartitePoolsAgreeWithAssignmentSolver) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> score(0, 20);
  std::bernoulli_distribution forbid(0.2);
  for (const int half : {20, 45, 80}) {
    const int n = 2 * half + 1;  // one extra person on the left side
    const int left = half + 1;
    PeerPairsProblem pool;
    pool.size = n;
    pool.scores.assign(Cell(n, 0, n), 0.0);
    pool.forbidden.assign(Cell(n, 0, n), 1);
    AssignmentProblem bipartite;
    bipartite.rows = left;
    bipartite.cols = n - left;
    bipartite.scores.assign(Cell(left, 0, n - left), 0.0);
    bipartite.forbidden.assign(bipartite.scores.size(), 0);
    bipartite.capacity.assign(static_cast<std::size_t>(n - left), 1);
    for (int a = 0; a < left; ++a) {
      for (int b = left; b < n; ++b) {
        const double s = score(rng);
        const bool allowed = !forbid(rng);
        const std::size_t cell = Cell(a, b - left, n - left);
        bipartite.scores[cell] = s;
        bipartite.forbidden[cell] = allowed ? 0 : 1;
        for (const auto& [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
          pool.scores[Cell(x, y, n)] = s;
          pool.forbidden[Cell(x, y, n)] = allowed ? 0 : 1;
        }
      }
    }
    const auto peer = SolvePeerPairs(pool);
    ASSERT_TRUE(peer.ok()) << peer.status();
    ExpectValid(pool, {}, *peer);
    const auto assignment = SolveCapacitatedAssignment(bipartite);
    ASSERT_TRUE(assignment.ok()) << assignment.status();
    EXPECT_EQ(static_cast<int>(peer->pairs.size()),
              assignment->solution.matched);
    EXPECT_EQ(peer->total, assignment->solution.total);
  }
}

TEST(PeerPairs, LargeDensePoolWithTiesIsValidAndDeterministic) {
  std::mt19937 rng(11);
  const PeerPairsProblem p = RandomPool(rng, 151, /*integers=*/true);
  const auto a = SolvePeerPairs(p);
  const auto b = SolvePeerPairs(p);
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  ExpectValid(p, {}, *a);
  EXPECT_EQ(a->pairs.size(), 75U);  // dense enough to pair all but one
  EXPECT_EQ(a->partner_of, b->partner_of);
}

TEST(PeerPairs, EmptyAndSingletonPools) {
  PeerPairsProblem empty;
  const auto r0 = SolvePeerPairs(empty);
  ASSERT_TRUE(r0.ok()) << r0.status();
  EXPECT_TRUE(r0->pairs.empty());
  PeerPairsProblem one;
  one.size = 1;
  one.scores = {3.0};
  const auto r1 = SolvePeerPairs(one);
  ASSERT_TRUE(r1.ok()) << r1.status();
  EXPECT_EQ(r1->unpaired, (std::vector<int>{0}));
}

TEST(PeerPairs, CancelledAfterTheFirstStage) {
  std::mt19937 rng(3);
  const PeerPairsProblem p = RandomPool(rng, 30, true);
  CancellationToken token;
  token.Cancel();
  const auto r = SolvePeerPairs(p, {}, {.cancel = &token});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, PeerPairsStatus::kCancelled);
  EXPECT_TRUE(r->pairs.empty());
}

TEST(PeerPairs, InvalidInput) {
  PeerPairsProblem p = FromEdges(3, {{0, 1, 1}, {1, 2, 2}});
  p.scores[1 * 3 + 2] = 2.5;  // scores[1][2] != scores[2][1]
  auto r = SolvePeerPairs(p);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "scores[1][2] = 2.5 but scores[2][1] = 2");

  p = FromEdges(3, {{0, 1, 1}});
  p.scores[0 * 3 + 2] = std::nan("");
  r = SolvePeerPairs(p);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "scores[0][2]: nan is not finite");

  p = FromEdges(3, {{0, 1, 1}});
  p.scores.pop_back();
  r = SolvePeerPairs(p);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "scores: 8 entries, expected 3 x 3");

  p = FromEdges(3, {{0, 1, 1}});
  p.forbidden.resize(4);
  r = SolvePeerPairs(p);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "forbidden: 4 entries, expected 3 x 3 or none");

  p.size = -1;
  r = SolvePeerPairs(p);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "size: -1 is negative");
}

}  // namespace
}  // namespace sopu
