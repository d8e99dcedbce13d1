#include "engine/assignment/bipartite_matching.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "engine/assignment/assignment_problem.h"
#include "gtest/gtest.h"
#include "tests/engine/assignment/boost_max_flow.h"
#include "tests/engine/assignment/brute_force.h"

namespace sopu {
namespace {

// Csr: a problem's usable pairs (allowed, capacity > 0), each row's mentors
// by decreasing score, as the fair solver orders them.
struct Csr {
  std::vector<std::int64_t> offsets{0};
  std::vector<std::int32_t> adjacency;
};

Csr ToCsr(const AssignmentProblem& p) {
  Csr csr;
  for (int i = 0; i < p.rows; ++i) {
    std::vector<std::int32_t> row;
    for (int j = 0; j < p.cols; ++j) {
      if (p.allowed(i, j) && p.capacity[static_cast<std::size_t>(j)] > 0) {
        row.push_back(j);
      }
    }
    std::stable_sort(row.begin(), row.end(),
                     [&](std::int32_t a, std::int32_t b) {
                       return p.score(i, a) > p.score(i, b);
                     });
    csr.adjacency.insert(csr.adjacency.end(), row.begin(), row.end());
    csr.offsets.push_back(static_cast<std::int64_t>(csr.adjacency.size()));
  }
  return csr;
}

CapacitatedBipartiteMatching MatcherFor(const AssignmentProblem& p) {
  Csr csr = ToCsr(p);
  return {p.capacity, std::move(csr.offsets), std::move(csr.adjacency)};
}

// ActiveFor: per row, the length of the prefix scoring >= threshold.
std::vector<int> ActiveFor(const AssignmentProblem& p,
                           const CapacitatedBipartiteMatching& m,
                           double threshold) {
  std::vector<int> active(static_cast<std::size_t>(p.rows), 0);
  for (int i = 0; i < p.rows; ++i) {
    int k = 0;
    while (k < m.degree(i) && p.score(i, m.neighbour(i, k)) >= threshold) ++k;
    active[static_cast<std::size_t>(i)] = k;
  }
  return active;
}

// Below: the problem with every pair scoring below threshold forbidden.
AssignmentProblem Below(const AssignmentProblem& p, double threshold) {
  AssignmentProblem q = p;
  q.forbidden.assign(p.scores.size(), 0);
  for (int i = 0; i < p.rows; ++i) {
    for (int j = 0; j < p.cols; ++j) {
      const auto cell = static_cast<std::size_t>(i) * p.cols + j;
      q.forbidden[cell] = p.allowed(i, j) && p.score(i, j) >= threshold ? 0 : 1;
    }
  }
  return q;
}

// MatchingHolds: besides IsValid, every matched pair is usable and scores
// >= threshold, and no mentor exceeds its capacity (counted here).
bool MatchingHolds(const AssignmentProblem& p,
                   const CapacitatedBipartiteMatching& m, double threshold) {
  if (!m.IsValid()) return false;
  std::vector<int> load(static_cast<std::size_t>(p.cols), 0);
  int matched = 0;
  for (int i = 0; i < p.rows; ++i) {
    const int j = m.mate(i);
    if (j < 0) continue;
    if (!p.allowed(i, j) || p.score(i, j) < threshold) return false;
    if (++load[static_cast<std::size_t>(j)] >
        p.capacity[static_cast<std::size_t>(j)]) {
      return false;
    }
    ++matched;
  }
  return matched == m.matched();
}

// RandomProblem: rows x cols, scores integers 0..max_score (ties), mentor
// capacities 0..max_capacity, pairs forbidden with probability forbid.
AssignmentProblem RandomProblem(std::mt19937& rng, int rows, int cols,
                                int max_score, int max_capacity,
                                double forbid) {
  AssignmentProblem p;
  p.rows = rows;
  p.cols = cols;
  std::uniform_int_distribution<int> score(0, max_score);
  std::uniform_int_distribution<int> capacity(0, max_capacity);
  std::bernoulli_distribution forbidden(forbid);
  for (int k = 0; k < rows * cols; ++k) {
    p.scores.push_back(score(rng));
    p.forbidden.push_back(forbidden(rng) ? 1 : 0);
  }
  for (int j = 0; j < cols; ++j) p.capacity.push_back(capacity(rng));
  return p;
}

TEST(CapacitatedBipartiteMatching, EmptyGraphs) {
  CapacitatedBipartiteMatching none({}, {}, {});
  EXPECT_EQ(none.left_count(), 0);
  EXPECT_EQ(none.Maximize(), 0);
  EXPECT_TRUE(none.IsValid());

  // Two mentees, one mentor of capacity 3, no pairs.
  CapacitatedBipartiteMatching no_pairs({3}, {0, 0, 0}, {});
  EXPECT_EQ(no_pairs.Maximize(), 0);
  EXPECT_EQ(no_pairs.mate(0), -1);
  EXPECT_TRUE(no_pairs.IsValid());
}

TEST(CapacitatedBipartiteMatching, CapacitiesZeroOneAndBeyondTheDegree) {
  // Mentees 0..3 all list mentors 0 (capacity 0), 1 (capacity 1) and 2
  // (capacity 100, more than its in-degree 4).
  CapacitatedBipartiteMatching m({0, 1, 100}, {0, 3, 6, 9, 12},
                                 {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
  EXPECT_EQ(m.Maximize(), 4);
  EXPECT_TRUE(m.IsValid());
  int on_one = 0;
  for (int u = 0; u < 4; ++u) {
    EXPECT_NE(m.mate(u), 0);
    on_one += m.mate(u) == 1 ? 1 : 0;
  }
  EXPECT_EQ(on_one, 1);
  // Only mentor 0 active: nothing can be matched.
  m.SetActive({1, 1, 1, 1});
  EXPECT_EQ(m.matched(), 0);
  EXPECT_EQ(m.Maximize(), 0);
  EXPECT_TRUE(m.IsValid());
}

TEST(CapacitatedBipartiteMatching, StopsAtTheTarget) {
  // Six mentees on one mentor of capacity 2 and another of capacity 3.
  std::vector<std::int64_t> offsets{0};
  std::vector<std::int32_t> adjacency;
  for (int u = 0; u < 6; ++u) {
    adjacency.insert(adjacency.end(), {0, 1});
    offsets.push_back(static_cast<std::int64_t>(adjacency.size()));
  }
  CapacitatedBipartiteMatching m({2, 3}, offsets, adjacency);
  const int reached = m.Maximize(1);
  EXPECT_GE(reached, 1);
  EXPECT_LE(reached, 2 + 3);
  EXPECT_EQ(m.Maximize(), 2 + 3);
  EXPECT_TRUE(m.IsValid());
}

// A chain the greedy seed gets wrong everywhere: mentee u lists mentor u + 1
// before mentor u, so greedy matches u -> u + 1 and the last mentee needs
// one augmenting path through all n mentees (depth n, iterative search).
TEST(CapacitatedBipartiteMatching, LongAugmentingPath) {
  constexpr int kN = 20000;
  std::vector<std::int64_t> offsets{0};
  std::vector<std::int32_t> adjacency;
  for (int u = 0; u < kN; ++u) {
    if (u + 1 < kN) adjacency.push_back(u + 1);
    adjacency.push_back(u);
    offsets.push_back(static_cast<std::int64_t>(adjacency.size()));
  }
  CapacitatedBipartiteMatching m(std::vector<int>(kN, 1), offsets, adjacency);
  EXPECT_EQ(m.Maximize(), kN);
  EXPECT_TRUE(m.IsValid());
  for (int u = 0; u < kN; ++u) EXPECT_EQ(m.mate(u), u) << u;
}

// Small instances: the maximum matching over the pairs >= every threshold
// equals brute force's most matched rows.
TEST(CapacitatedBipartiteMatching, MatchesBruteForceOnSmallInstances) {
  std::mt19937 rng(17);
  for (int round = 0; round < 300; ++round) {
    const int rows = 1 + static_cast<int>(rng() % 8);
    const int cols = 1 + static_cast<int>(rng() % (rows <= 5 ? 6 : 3));
    const AssignmentProblem p =
        RandomProblem(rng, rows, cols, 3, 1 + round % 3, 0.3);
    CapacitatedBipartiteMatching m = MatcherFor(p);
    for (int t = 3; t >= 0; --t) {  // lower thresholds: more pairs
      m.SetActive(ActiveFor(p, m, t));
      const int matched = m.Maximize();
      ASSERT_TRUE(MatchingHolds(p, m, t)) << "round " << round << " t " << t;
      EXPECT_EQ(matched, testing::BruteForceLexicographic(Below(p, t)).matched)
          << "round " << round << " t " << t;
    }
  }
}

// Larger instances, up to 200 x 200: the warm-started matcher, driven
// through thresholds in a shuffled order (pairs come and go, with and without
// restoring an earlier matching), equals Boost.Graph's push-relabel maximum
// flow at every threshold.
TEST(CapacitatedBipartiteMatching, MatchesBoostMaxFlowWithWarmStarts) {
  std::mt19937 rng(23);
  for (int round = 0; round < 40; ++round) {
    const int rows = 1 + static_cast<int>(rng() % 200);
    const int cols = 1 + static_cast<int>(rng() % 200);
    const int max_capacity = round % 4 == 0 ? 1 : 4;
    const double forbid = round % 5 == 0 ? 0.9 : 0.3;
    const AssignmentProblem p =
        RandomProblem(rng, rows, cols, 20, max_capacity, forbid);
    CapacitatedBipartiteMatching m = MatcherFor(p);
    std::vector<int> thresholds(21);
    for (int t = 0; t <= 20; ++t) thresholds[static_cast<std::size_t>(t)] = t;
    std::shuffle(thresholds.begin(), thresholds.end(), rng);
    std::vector<int> saved = m.mate_positions();
    for (const int t : thresholds) {
      m.SetActive(ActiveFor(p, m, t));
      if (rng() % 2 == 0) m.SetMatching(saved);
      const int matched = m.Maximize();
      ASSERT_TRUE(MatchingHolds(p, m, t)) << "round " << round << " t " << t;
      EXPECT_EQ(matched, testing::BoostMaxMatched(p, t))
          << "round " << round << " t " << t;
      if (rng() % 3 == 0) saved = m.mate_positions();
    }
  }
}

}  // namespace
}  // namespace sopu
