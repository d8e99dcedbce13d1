#include "engine/assignment/fair_assignment.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "engine/assignment/assignment_problem.h"
#include "gtest/gtest.h"
#include "tests/engine/assignment/boost_max_flow.h"
#include "tests/engine/assignment/brute_force.h"

namespace sopu {
namespace {

// FairOptimum: by enumeration of every assignment, the largest matched count
// K, the best worst pair among assignments matching K (max-min), the best
// total among those (fair total), and the best total matching K (optimal).
struct FairOptimum {
  int matched = -1;
  double worst = -std::numeric_limits<double>::infinity();
  double fair_total = -std::numeric_limits<double>::infinity();
  double optimal_total = -std::numeric_limits<double>::infinity();
};

void Enumerate(const AssignmentProblem& p, int i, int matched, double worst,
               double total, std::vector<int>& load, FairOptimum& best) {
  if (i == p.rows) {
    if (matched > best.matched) {
      best = {matched, worst, total, total};
      return;
    }
    if (matched < best.matched) return;
    best.optimal_total = std::max(best.optimal_total, total);
    if (worst > best.worst) {
      best.worst = worst;
      best.fair_total = total;
    } else if (worst == best.worst) {
      best.fair_total = std::max(best.fair_total, total);
    }
    return;
  }
  Enumerate(p, i + 1, matched, worst, total, load, best);
  for (int j = 0; j < p.cols; ++j) {
    const auto sj = static_cast<std::size_t>(j);
    if (!p.allowed(i, j) || load[sj] >= p.capacity[sj]) continue;
    ++load[sj];
    Enumerate(p, i + 1, matched + 1, std::min(worst, p.score(i, j)),
              total + p.score(i, j), load, best);
    --load[sj];
  }
}

FairOptimum BruteForceFair(const AssignmentProblem& p) {
  FairOptimum best;
  std::vector<int> load(static_cast<std::size_t>(p.cols), 0);
  Enumerate(p, 0, 0, std::numeric_limits<double>::infinity(), 0.0, load, best);
  return best;
}

// RandomProblem: scores integers 0..max_score (ties) or uniform doubles,
// capacities 0..3, about a quarter of the pairs forbidden.
AssignmentProblem RandomProblem(std::mt19937& rng, int rows, int cols,
                                bool integers) {
  AssignmentProblem p;
  p.rows = rows;
  p.cols = cols;
  std::uniform_int_distribution<int> small(0, 6);
  std::uniform_real_distribution<double> real(-1.0, 1.0);
  std::uniform_int_distribution<int> capacity(0, 3);
  std::bernoulli_distribution forbid(0.25);
  for (int k = 0; k < rows * cols; ++k) {
    p.scores.push_back(integers ? small(rng) : real(rng));
    p.forbidden.push_back(forbid(rng) ? 1 : 0);
  }
  for (int j = 0; j < cols; ++j) p.capacity.push_back(capacity(rng));
  return p;
}

// ShapedProblem: rows x cols with scores from `kind` (0: integers 0..2, many
// ties; 1: integers 0..50; 2: uniform reals), capacities 0..max_capacity,
// each pair forbidden with probability forbid.
AssignmentProblem ShapedProblem(std::mt19937& rng, int rows, int cols, int kind,
                                int max_capacity, double forbid) {
  AssignmentProblem p;
  p.rows = rows;
  p.cols = cols;
  std::uniform_int_distribution<int> few(0, 2);
  std::uniform_int_distribution<int> many(0, 50);
  std::uniform_real_distribution<double> real(-1.0, 1.0);
  std::uniform_int_distribution<int> capacity(0, max_capacity);
  std::bernoulli_distribution forbidden(forbid);
  for (int k = 0; k < rows * cols; ++k) {
    p.scores.push_back(kind == 0   ? few(rng)
                       : kind == 1 ? many(rng)
                                   : real(rng));
    p.forbidden.push_back(forbidden(rng) ? 1 : 0);
  }
  for (int j = 0; j < cols; ++j) p.capacity.push_back(capacity(rng));
  return p;
}

// WorstPair: the lowest score of a matched pair (+infinity when none).
double WorstPair(const AssignmentProblem& p, const AssignmentSolution& s) {
  double worst = std::numeric_limits<double>::infinity();
  for (int i = 0; i < p.rows; ++i) {
    const int j = s.mentor_of[static_cast<std::size_t>(i)];
    if (j >= 0) worst = std::min(worst, p.score(i, j));
  }
  return worst;
}

TEST(FairAssignment, TradesTotalForTheWorstPair) {
  // Optimal: 0-0 (10) + 1-1 (1) = 11, worst 1. Fair: 0-1 (5) + 1-0 (4) = 9,
  // worst 4. Price of fairness 11 - 9 = 2.
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 2;
  p.scores = {10, 5,  //
              4, 1};
  p.capacity = {1, 1};
  const auto r = SolveFairAssignment(p);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, FairAssignmentStatus::kOptimal);
  EXPECT_EQ(r->solution.mentor_of, (std::vector<int>{1, 0}));
  EXPECT_EQ(r->threshold, 4.0);
  EXPECT_EQ(r->total, 5.0 + 4.0);
  EXPECT_EQ(r->optimal_total, 10.0 + 1.0);
  EXPECT_EQ(r->price_of_fairness, (10.0 + 1.0) - (5.0 + 4.0));
}

TEST(FairAssignment, CardinalityComesBeforeTheWorstPair) {
  // Matching both mentees needs the poor pair 1-0 (score 1); matching one
  // alone could keep the worst at 9, but both must be matched.
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 2;
  p.scores = {9, 8,  //
              1, 0};
  p.forbidden = {0, 0,  //
                 0, 1};
  p.capacity = {1, 1};
  const auto r = SolveFairAssignment(p);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->solution.matched, 2);
  EXPECT_EQ(r->solution.mentor_of, (std::vector<int>{1, 0}));
  EXPECT_EQ(r->threshold, 1.0);
  EXPECT_EQ(r->total, 8.0 + 1.0);
  EXPECT_EQ(r->price_of_fairness, 0.0);
}

TEST(FairAssignment, NothingMatchable) {
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 1;
  p.scores = {3, 4};
  p.capacity = {0};
  const auto r = SolveFairAssignment(p);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->solution.mentor_of, (std::vector<int>{-1, -1}));
  EXPECT_EQ(r->solution.matched, 0);
  EXPECT_FALSE(r->threshold.has_value());
  EXPECT_EQ(r->price_of_fairness, 0.0);
}

// Every small random instance: same matched count as the lexicographic
// optimum, worst pair = brute-force max-min, total = the best among max-min
// assignments, price of fairness = optimal - fair >= 0.
TEST(FairAssignment, MatchesBruteForceOnSmallInstances) {
  std::mt19937 rng(99);
  int instances = 0;
  for (int round = 0; round < 600; ++round) {
    const int rows = 1 + static_cast<int>(rng() % 7);
    const int cols = 1 + static_cast<int>(rng() % 4);
    const bool integers = round % 3 != 0;
    const AssignmentProblem p = RandomProblem(rng, rows, cols, integers);
    const auto r = SolveFairAssignment(p);
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_EQ(r->status, FairAssignmentStatus::kOptimal);
    EXPECT_TRUE(IsFeasible(p, r->solution)) << "round " << round;
    const FairOptimum best = BruteForceFair(p);
    const testing::BruteForceOptimum lexicographic =
        testing::BruteForceLexicographic(p);
    ASSERT_EQ(r->solution.matched, best.matched) << "round " << round;
    ASSERT_EQ(r->solution.matched, lexicographic.matched);
    if (best.matched == 0) {
      EXPECT_FALSE(r->threshold.has_value());
      continue;
    }
    ASSERT_TRUE(r->threshold.has_value());
    EXPECT_EQ(*r->threshold, best.worst) << "round " << round;
    double worst = std::numeric_limits<double>::infinity();
    for (int i = 0; i < rows; ++i) {
      const int j = r->solution.mentor_of[static_cast<std::size_t>(i)];
      if (j >= 0) worst = std::min(worst, p.score(i, j));
    }
    EXPECT_EQ(worst, *r->threshold) << "round " << round;
    EXPECT_NEAR(r->total, best.fair_total, 1e-9) << "round " << round;
    ASSERT_TRUE(r->optimal_total.has_value());
    EXPECT_NEAR(*r->optimal_total, best.optimal_total, 1e-9);
    EXPECT_NEAR(*r->optimal_total, lexicographic.total, 1e-9);
    ASSERT_TRUE(r->price_of_fairness.has_value());
    EXPECT_GE(*r->price_of_fairness, -1e-9);
    EXPECT_NEAR(*r->price_of_fairness, best.optimal_total - best.fair_total,
                1e-9);
    ++instances;
  }
  EXPECT_GT(instances, 500);
}

// Bottleneck value against brute force on n <= 8 mentees, with more or
// fewer mentors than mentees, capacities 0..1, 0..3 or 0..8 (zero capacity
// included), no / some / most pairs forbidden, and heavy ties; also against
// the Boost.Graph max-flow threshold search, test count included.
TEST(FairAssignment, BottleneckMatchesBruteForceAndBoost) {
  std::mt19937 rng(2024);
  const int max_capacities[] = {1, 3, 8};
  const double forbids[] = {0.0, 0.3, 0.8};
  int matched_instances = 0;
  for (int round = 0; round < 400; ++round) {
    const int rows = 1 + static_cast<int>(rng() % 8);
    const int cols = 1 + static_cast<int>(rng() % (rows <= 5 ? 7 : 3));
    const AssignmentProblem p =
        ShapedProblem(rng, rows, cols, round % 3, max_capacities[round / 3 % 3],
                      forbids[round / 9 % 3]);
    FairAssignmentOptions no_price;
    no_price.compute_price_of_fairness = false;
    const auto r = SolveFairAssignment(p, no_price);
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_EQ(r->status, FairAssignmentStatus::kOptimal);
    ASSERT_TRUE(IsFeasible(p, r->solution)) << "round " << round;
    const FairOptimum best = BruteForceFair(p);
    const testing::BoostBottleneck boost = testing::BoostBottleneckSearch(p);
    ASSERT_EQ(r->solution.matched, best.matched) << "round " << round;
    EXPECT_EQ(r->solution.matched, boost.matched) << "round " << round;
    EXPECT_EQ(r->feasibility_tests, boost.tests) << "round " << round;
    EXPECT_EQ(r->threshold, boost.threshold) << "round " << round;
    if (best.matched == 0) {
      EXPECT_FALSE(r->threshold.has_value()) << "round " << round;
      continue;
    }
    ++matched_instances;
    ASSERT_TRUE(r->threshold.has_value()) << "round " << round;
    EXPECT_EQ(*r->threshold, best.worst) << "round " << round;
    EXPECT_EQ(WorstPair(p, r->solution), best.worst) << "round " << round;
    EXPECT_NEAR(r->total, best.fair_total, 1e-9) << "round " << round;
  }
  EXPECT_GT(matched_instances, 300);
}

// Up to 200 x 200, unequal sides both ways: the threshold, matched count and
// number of feasibility tests equal the Boost.Graph push-relabel threshold
// search's; the solution is feasible and its worst pair is the threshold.
TEST(FairAssignment, BottleneckMatchesBoostMaxFlowSearch) {
  std::mt19937 rng(77);
  for (int round = 0; round < 36; ++round) {
    const int rows = 1 + static_cast<int>(rng() % 200);
    const int cols = 1 + static_cast<int>(rng() % 200);
    const int max_capacity = round % 4 == 0 ? 0 : round % 4;
    const double forbid = round % 6 < 3 ? 0.2 : 0.85;
    const AssignmentProblem p =
        ShapedProblem(rng, rows, cols, round % 3, max_capacity, forbid);
    FairAssignmentOptions no_price;
    no_price.compute_price_of_fairness = false;
    const auto r = SolveFairAssignment(p, no_price);
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_TRUE(IsFeasible(p, r->solution)) << "round " << round;
    const testing::BoostBottleneck boost = testing::BoostBottleneckSearch(p);
    EXPECT_EQ(r->solution.matched, boost.matched) << "round " << round;
    EXPECT_EQ(r->threshold, boost.threshold) << "round " << round;
    EXPECT_EQ(r->feasibility_tests, boost.tests) << "round " << round;
    if (r->threshold.has_value()) {
      EXPECT_EQ(WorstPair(p, r->solution), *r->threshold) << "round " << round;
    } else {
      EXPECT_EQ(r->solution.matched, 0) << "round " << round;
    }
  }
}

TEST(FairAssignment, LargerInstanceInvariants) {
  std::mt19937 rng(4);
  const AssignmentProblem p = RandomProblem(rng, 120, 50, /*integers=*/false);
  const auto r = SolveFairAssignment(p);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_TRUE(r->threshold.has_value());
  EXPECT_TRUE(IsFeasible(p, r->solution));
  for (int i = 0; i < p.rows; ++i) {
    const int j = r->solution.mentor_of[static_cast<std::size_t>(i)];
    if (j >= 0) {
      EXPECT_GE(p.score(i, j), *r->threshold);
    }
  }
  EXPECT_GE(*r->price_of_fairness, -1e-9);
  EXPECT_GT(r->feasibility_tests, 1);

  FairAssignmentOptions no_price;
  no_price.compute_price_of_fairness = false;
  const auto again = SolveFairAssignment(p, no_price);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->solution.mentor_of, r->solution.mentor_of);  // deterministic
  EXPECT_FALSE(again->price_of_fairness.has_value());
}

TEST(FairAssignment, Cancelled) {
  std::mt19937 rng(8);
  const AssignmentProblem p = RandomProblem(rng, 30, 10, false);
  CancellationToken token;
  token.Cancel();
  const auto r = SolveFairAssignment(p, {}, {.cancel = &token});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, FairAssignmentStatus::kCancelled);
  EXPECT_TRUE(r->solution.mentor_of.empty());
}

TEST(FairAssignment, InvalidInput) {
  AssignmentProblem good;
  good.rows = 2;
  good.cols = 2;
  good.scores = {1, 2, 3, 4};
  good.capacity = {1, 1};
  ASSERT_TRUE(SolveFairAssignment(good).ok());

  AssignmentProblem p = good;
  p.capacity = {1, -1};
  EXPECT_EQ(SolveFairAssignment(p).status().message(),
            "capacity[1]: -1 is negative");
  p = good;
  p.scores[2] = std::nan("");
  EXPECT_EQ(SolveFairAssignment(p).status().message(),
            "scores[1][0]: nan is not finite");
  p = good;
  p.scores.pop_back();
  EXPECT_EQ(SolveFairAssignment(p).status().message(),
            "scores: 3 entries, expected 2 x 2");
  p = good;
  p.forbidden = {0};
  EXPECT_EQ(SolveFairAssignment(p).status().message(),
            "forbidden: 1 entries, expected 2 x 2 or none");
  p = good;
  p.capacity = {1};
  EXPECT_EQ(SolveFairAssignment(p).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sopu
