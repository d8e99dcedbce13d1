// PairPeers on pools scored by real policies: the pairing is a best one
// (brute force over every matching on small pools), the report's invariants
// hold on larger ones, and each unpaired peer's cause is the one its row of
// the pool affinity implies.
#include "engine/peers/pair_peers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "engine/common/index.h"
#include "engine/scoring/pool_scores.h"
#include "gtest/gtest.h"
#include "tests/engine/scoring/test_cohorts.h"
#include "tests/testing/seed_offset.h"

namespace sopu {
namespace {

using ::sopu::testing::RandomCohort;

// Pool: a random cohort's participants made peers, scored by `policy`. The
// model refers to `pool`, so a Pool stays where it was made.
struct Pool {
  Cohort pool;
  std::optional<ScoringModel> model;
  PoolAffinity affinity;
};

std::unique_ptr<const Pool> MakePool(unsigned seed, int size,
                                     const Policy& policy) {
  Cohort cohort = RandomCohort(seed, size, 0, 0);
  for (Participant& p : cohort.participants) p.roles = kRolePeer;
  auto out = std::make_unique<Pool>();
  out->pool = PoolCohort(cohort, kRolePeer);
  absl::StatusOr<ScoringModel> model = ScoringModel::Build(out->pool, policy);
  EXPECT_TRUE(model.ok()) << model.status();
  out->model.emplace(*std::move(model));
  out->affinity = MakePoolAffinity(out->model->ComputeMatrix());
  return out;
}

bool Usable(const PoolAffinity& a, int x, int y,
            const PeerPairingOptions& options) {
  const std::size_t cell = At(x, y, a.size);
  return a.allowed[cell] != 0 &&
         (!options.min_score || a.score[cell] >= *options.min_score);
}

// BestByBruteForce: the lexicographic (pairs, total) optimum, or the total
// optimum for kMaxScore, over every matching of usable pairs.
std::pair<int, double> BestByBruteForce(const PoolAffinity& a,
                                        const PeerPairingOptions& options) {
  const bool by_pairs =
      options.objective == PeerPairsObjective::kMaxCardinalityThenScore;
  std::pair<int, double> best{0, 0.0};
  std::vector<bool> used(Idx(a.size), false);
  auto better = [&](int pairs, double total) {
    if (by_pairs && pairs != best.first) return pairs > best.first;
    return total > best.second + 1e-9;
  };
  auto recurse = [&](auto&& self, int from, int pairs, double total) -> void {
    while (from < a.size && used[Idx(from)]) ++from;
    if (from >= a.size) {
      if (better(pairs, total)) best = {pairs, total};
      return;
    }
    used[Idx(from)] = true;
    self(self, from + 1, pairs, total);  // `from` stays unpaired
    for (int other = from + 1; other < a.size; ++other) {
      if (used[Idx(other)] || !Usable(a, from, other, options)) continue;
      used[Idx(other)] = true;
      self(self, from + 1, pairs + 1, total + a.score[At(from, other, a.size)]);
      used[Idx(other)] = false;
    }
    used[Idx(from)] = false;
  };
  recurse(recurse, 0, 0, 0.0);
  return best;
}

void ExpectConsistent(const Pool& p, const PeerPairingOptions& options,
                      const PeerPairing& r) {
  const PoolAffinity& a = p.affinity;
  ASSERT_EQ(r.status, PeerPairsStatus::kOptimal);
  ASSERT_EQ(r.peers, a.size);
  std::vector<int> partner(Idx(a.size), -1);
  double total = 0.0;
  double worst = std::numeric_limits<double>::infinity();
  for (const PeerPair& pair : r.pairs) {
    ASSERT_LT(pair.first, pair.second);
    ASSERT_EQ(partner[Idx(pair.first)], -1);
    ASSERT_EQ(partner[Idx(pair.second)], -1);
    partner[Idx(pair.first)] = pair.second;
    partner[Idx(pair.second)] = pair.first;
    EXPECT_TRUE(Usable(a, pair.first, pair.second, options));
    EXPECT_NEAR(pair.why.score, a.score[At(pair.first, pair.second, a.size)],
                1e-6);
    total += pair.why.score;
    worst = std::min(worst, pair.why.score);
  }
  EXPECT_DOUBLE_EQ(r.total, total);
  EXPECT_DOUBLE_EQ(r.worst, r.pairs.empty() ? 0.0 : worst);
  std::vector<int> unpaired;
  for (int x = 0; x < a.size; ++x) {
    if (partner[Idx(x)] < 0) unpaired.push_back(x);
  }
  ASSERT_EQ(r.unpaired.size(), unpaired.size());
  for (std::size_t k = 0; k < unpaired.size(); ++k) {
    const UnpairedPeer& u = r.unpaired[k];
    EXPECT_EQ(u.peer, unpaired[k]);
    int allowed = 0;
    int usable = 0;
    for (int y = 0; y < a.size; ++y) {
      if (y == u.peer) continue;
      allowed += a.allowed[At(u.peer, y, a.size)];
      usable += Usable(a, u.peer, y, options) ? 1 : 0;
    }
    switch (u.cause) {
      case UnpairedCause::kNoPeerAllowed:
        EXPECT_EQ(allowed, 0);
        EXPECT_GT(u.excluded, 0);
        EXPECT_LE(u.excluded, a.size - 1);
        EXPECT_NE(u.rule, kAllowed);
        break;
      case UnpairedCause::kBelowMinScore:
        EXPECT_GT(allowed, 0);
        EXPECT_EQ(usable, 0);
        break;
      case UnpairedCause::kPartnersTaken:
        EXPECT_EQ(u.candidates, usable);
        EXPECT_GT(usable, 0);
        break;
    }
  }
}

TEST(PairPeers, FindsTheBruteForceOptimumOnSmallPools) {
  int pairs_seen = 0;
  for (unsigned k = 0; k < 30; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const Policy policy =
        k % 2 == 0 ? DefaultPolicy() : testing::StrictPolicy();
    const auto p = MakePool(seed, 4 + static_cast<int>(k % 6), policy);
    PeerPairingOptions options;
    if (k % 3 == 1) options.objective = PeerPairsObjective::kMaxScore;
    if (k % 3 == 2) options.min_score = 0.3;
    absl::StatusOr<PeerPairing> r = PairPeers(*p->model, options);
    ASSERT_TRUE(r.ok()) << r.status();
    ExpectConsistent(*p, options, *r);
    const auto [pairs, total] = BestByBruteForce(p->affinity, options);
    if (options.objective == PeerPairsObjective::kMaxCardinalityThenScore) {
      EXPECT_EQ(static_cast<int>(r->pairs.size()), pairs);
    }
    EXPECT_NEAR(r->total, total, 1e-6);
    pairs_seen += pairs;
  }
  EXPECT_GT(pairs_seen, 20);  // the pools are not all trivially unpairable
}

TEST(PairPeers, ReportsConsistentPairsAndCausesOnLargerPools) {
  int pairs = 0;
  std::array<int, 3> causes{};
  for (unsigned k = 0; k < 6; ++k) {
    const unsigned seed = SeedOffset() + 100 + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const auto p = MakePool(
        seed, 41, k % 3 == 0 ? testing::LenientPolicy() : DefaultPolicy());
    PeerPairingOptions options;
    if (k % 2 == 1) options.min_score = 0.4;
    absl::StatusOr<PeerPairing> r = PairPeers(*p->model, options);
    ASSERT_TRUE(r.ok()) << r.status();
    ExpectConsistent(*p, options, *r);
    pairs += static_cast<int>(r->pairs.size());
    for (const UnpairedPeer& u : r->unpaired)
      ++causes[static_cast<int>(u.cause)];
  }
  // The instances exercise every branch checked above.
  EXPECT_GT(pairs, 0);
  for (const int count : causes) EXPECT_GT(count, 0);
}

TEST(PairPeers, NamesTheRuleThatForbidsEveryPeer) {
  // One peer avoids everyone else: its only cause is the avoid-list.
  Cohort cohort = RandomCohort(7, 5, 0, 0);
  for (Participant& p : cohort.participants) {
    p.roles = kRolePeer;
    p.avoid.clear();
    p.tags["languages"] = {"fi"};
  }
  for (int y = 1; y < 5; ++y) {
    cohort.participants[0].avoid.push_back(cohort.participants[Idx(y)].id);
  }
  const Cohort pool = PoolCohort(cohort, kRolePeer);
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(pool, DefaultPolicy());
  ASSERT_TRUE(model.ok()) << model.status();
  absl::StatusOr<PeerPairing> r = PairPeers(*model);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->unpaired.empty());
  EXPECT_EQ(r->unpaired[0].peer, 0);
  EXPECT_EQ(r->unpaired[0].cause, UnpairedCause::kNoPeerAllowed);
  EXPECT_EQ(r->unpaired[0].rule, kForbiddenAvoid);
  EXPECT_EQ(r->unpaired[0].excluded, 4);
}

TEST(PairPeers, CancelledBeforeScoringGivesNoPairs) {
  const auto p = MakePool(3, 12, DefaultPolicy());
  CancellationToken token;
  token.Cancel();
  absl::StatusOr<PeerPairing> r = PairPeers(*p->model, {}, {.cancel = &token});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, PeerPairsStatus::kCancelled);
  EXPECT_TRUE(r->pairs.empty());
  EXPECT_TRUE(r->unpaired.empty());
}

TEST(PairPeers, RefusesANonFiniteMinimumScore) {
  const auto p = MakePool(4, 6, DefaultPolicy());
  PeerPairingOptions options;
  options.min_score = std::nan("");
  EXPECT_EQ(PairPeers(*p->model, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sopu
