#include "engine/groups/group_solver.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <random>
#include <thread>
#include <vector>

#include "engine/groups/group_problem.h"
#include "engine/groups/group_recombination.h"
#include "engine/groups/group_state.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

// RandomProblem: n elements, the given bounds, affinities in [lo, hi]
// rounded to 1/8 (exact in binary, so sums are exact too).
GroupProblem RandomProblem(int n, std::vector<GroupBounds> bounds,
                           std::uint64_t seed, double lo = -2.0,
                           double hi = 10.0) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(lo, hi);
  GroupProblem p;
  p.elements = n;
  p.groups = std::move(bounds);
  p.affinity.assign(static_cast<std::size_t>(n) * n, 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const double a = std::round(d(rng) * 8.0) / 8.0;
      p.affinity[static_cast<std::size_t>(i) * n + j] = a;
      p.affinity[static_cast<std::size_t>(j) * n + i] = a;
    }
  }
  return p;
}

// AddRandomRules: sparse apart and together pairs and a category rule with
// caps and a no-isolated value.
void AddRandomRules(GroupProblem& p, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const int n = p.elements;
  std::uniform_int_distribution<int> any(0, n - 1);
  for (int k = 0; k < n / 4; ++k) {
    const int a = any(rng);
    const int b = any(rng);
    if (a != b) p.apart.emplace_back(a, b);
  }
  for (int k = 0; k < n / 8; ++k) {
    const int a = any(rng);
    const int b = any(rng);
    if (a != b) p.together.emplace_back(a, b);
  }
  CategoryRule rule;
  std::uniform_int_distribution<int> value(-1, 2);
  for (int i = 0; i < n; ++i) rule.value_of.push_back(value(rng));
  rule.max_per_group = {2, 3, CategoryRule::kNoCap};
  rule.no_isolated = {0, 0, 1};
  p.category_rules.push_back(rule);
}

bool Better(const GroupingScore& a, const GroupingScore& b) {
  return a.violations < b.violations ||
         (a.violations == b.violations && a.objective > b.objective + 1e-9);
}

// BruteForce: the lexicographic optimum over every labelled assignment
// within the bounds.
GroupingScore BruteForce(const GroupProblem& p) {
  const int n = p.elements;
  const int m = p.group_count();
  std::vector<int> a(static_cast<std::size_t>(n), 0);
  GroupingScore best{-std::numeric_limits<double>::infinity(),
                     std::numeric_limits<int>::max()};
  while (true) {
    if (IsWithinBounds(p, a)) {
      const GroupingScore s = EvaluateGrouping(p, a);
      if (Better(s, best)) best = s;
    }
    int k = 0;
    while (k < n && ++a[static_cast<std::size_t>(k)] == m) {
      a[static_cast<std::size_t>(k)] = 0;
      ++k;
    }
    if (k == n) break;
  }
  return best;
}

GroupSolverOptions RoundsOnly(std::int64_t rounds, int threads = 2) {
  GroupSolverOptions o;
  o.time_limit_seconds = 0.0;
  o.max_rounds = rounds;
  o.threads = threads;
  return o;
}

TEST(GroupState, IncrementalSumsAndViolationsMatchAFreshEvaluation) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    GroupProblem p = RandomProblem(24, {{4, 8}, {4, 8}, {4, 8}, {5, 7}}, seed);
    AddRandomRules(p, seed + 100);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    SearchRng rng(seed, 0);
    GroupState state(p);
    state.Reset(RandomGrouping(p, seed % 2 == 0, rng));
    for (int step = 0; step < 300; ++step) {
      const int i = rng.Below(p.elements);
      const int j = rng.Below(p.elements);
      const int h = rng.Below(p.group_count());
      if (step % 2 == 0 && state.CanMove(i, h)) {
        const double gain = state.MoveGain(i, h);
        const int dv = state.MoveViolationDelta(i, h);
        const GroupingScore before = EvaluateGrouping(p, state.assignment());
        state.Move(i, h);
        const GroupingScore after = EvaluateGrouping(p, state.assignment());
        EXPECT_NEAR(after.objective - before.objective, gain, 1e-9);
        EXPECT_EQ(after.violations - before.violations, dv);
      } else if (state.group_of(i) != state.group_of(j)) {
        const double gain = state.SwapGain(i, j);
        const int dv = state.SwapViolationDelta(i, j);
        const GroupingScore before = EvaluateGrouping(p, state.assignment());
        state.Swap(i, j);
        const GroupingScore after = EvaluateGrouping(p, state.assignment());
        EXPECT_NEAR(after.objective - before.objective, gain, 1e-9);
        EXPECT_EQ(after.violations - before.violations, dv);
      }
      ASSERT_TRUE(IsWithinBounds(p, state.assignment()));
    }
    const GroupingScore fresh = EvaluateGrouping(p, state.assignment());
    EXPECT_NEAR(state.objective(), fresh.objective, 1e-6);
    EXPECT_EQ(state.violations(), fresh.violations);
  }
}

TEST(GroupSolver, FindsTheBruteForceOptimumOnTinyInstances) {
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    // Alternate equal and different bounds, sizes 7..9, with and without
    // rules; negative affinities make small groups attractive too.
    const int n = 7 + static_cast<int>(seed % 3);
    std::vector<GroupBounds> bounds =
        seed % 2 == 0 ? std::vector<GroupBounds>{{2, 4}, {2, 4}, {1, 5}}
                      : std::vector<GroupBounds>{{0, n}, {2, 3}, {1, 4}};
    GroupProblem p = RandomProblem(n, bounds, seed);
    if (seed % 3 == 0) AddRandomRules(p, seed);
    if (!ValidateGroupProblem(p).ok()) continue;
    const GroupingScore exact = BruteForce(p);
    absl::StatusOr<GroupSolveResult> r = SolveGroups(p, RoundsOnly(6));
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_TRUE(IsWithinBounds(p, r->group_of));
    EXPECT_EQ(r->violations, exact.violations) << "seed " << seed;
    EXPECT_NEAR(r->objective, exact.objective, 1e-9) << "seed " << seed;
    EXPECT_LE(r->objective, r->upper_bound + 1e-9);
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

TEST(GroupSolver, SatisfiesEveryRuleOnRandomFeasibleProblems) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    GroupProblem p =
        RandomProblem(60, std::vector<GroupBounds>(10, {5, 7}), seed, 0.0, 1.0);
    // Feasible by construction: apart pairs only between elements whose
    // index differs by less than 10 (a round-robin grouping i % 10 keeps
    // them apart), together pairs i, i + 10 (same residue), categories by
    // i % 10 / 5 so every group's residue class holds one value.
    std::mt19937_64 rng(seed);
    for (int i = 0; i + 1 < 60; i += 3) p.apart.emplace_back(i, i + 1);
    for (int i = 0; i + 10 < 60; i += 7) p.together.emplace_back(i, i + 10);
    CategoryRule org;
    for (int i = 0; i < 60; ++i) org.value_of.push_back(i % 6);
    org.max_per_group.assign(6, 2);
    org.no_isolated.assign(6, 0);
    org.no_isolated[5] = 1;
    p.category_rules.push_back(org);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    GroupSolverOptions o;
    o.time_limit_seconds = 0.5;
    o.seed = seed;
    absl::StatusOr<GroupSolveResult> r = SolveGroups(p, o);
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_TRUE(IsWithinBounds(p, r->group_of));
    const GroupingScore check = EvaluateGrouping(p, r->group_of);
    EXPECT_EQ(check.violations, 0) << "seed " << seed;
    EXPECT_EQ(r->violations, 0);
    for (const auto& [a, b] : p.apart) {
      EXPECT_NE(r->group_of[static_cast<std::size_t>(a)],
                r->group_of[static_cast<std::size_t>(b)]);
    }
    for (const auto& [a, b] : p.together) {
      EXPECT_EQ(r->group_of[static_cast<std::size_t>(a)],
                r->group_of[static_cast<std::size_t>(b)]);
    }
  }
}

TEST(GroupSolver, SameSeedGivesTheSameGroupsForAnyThreadCount) {
  GroupProblem p = RandomProblem(
      40, {{3, 6}, {4, 5}, {3, 8}, {5, 5}, {2, 9}, {4, 6}, {3, 7}, {4, 4}}, 7);
  AddRandomRules(p, 8);
  ASSERT_TRUE(ValidateGroupProblem(p).ok());
  std::vector<std::vector<int>> results;
  for (const int threads : {1, 2, 3, 4}) {
    GroupSolverOptions o = RoundsOnly(4, threads);
    o.seed = 42;
    absl::StatusOr<GroupSolveResult> r = SolveGroups(p, o);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->stop_reason, GroupStopReason::kRoundLimit);
    results.push_back(r->group_of);
  }
  for (std::size_t k = 1; k < results.size(); ++k) {
    EXPECT_EQ(results[k], results[0]) << "threads run " << k;
  }
  GroupSolverOptions other = RoundsOnly(4, 2);
  other.seed = 43;
  absl::StatusOr<GroupSolveResult> r = SolveGroups(p, other);
  ASSERT_TRUE(r.ok());
  // A different seed explores differently (not a proof of anything; it
  // guards against a seed that is ignored).
  EXPECT_TRUE(IsWithinBounds(p, r->group_of));
}

TEST(GroupSolver, CancellationStopsTheSearchAndKeepsTheBestSoFar) {
  GroupProblem p =
      RandomProblem(300, std::vector<GroupBounds>(30, {10, 10}), 3, 0.0, 100.0);
  CancellationToken token;
  GroupSolverOptions o;
  o.time_limit_seconds = 600.0;
  std::atomic<std::int64_t> cancelled_at_ns{0};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancelled_at_ns = std::chrono::steady_clock::now().time_since_epoch() /
                      std::chrono::nanoseconds(1);
    token.Cancel();
  });
  absl::StatusOr<GroupSolveResult> r = SolveGroups(p, o, {.cancel = &token});
  const std::int64_t returned_ns =
      std::chrono::steady_clock::now().time_since_epoch() /
      std::chrono::nanoseconds(1);
  canceller.join();
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stop_reason, GroupStopReason::kCancelled);
  EXPECT_TRUE(IsWithinBounds(p, r->group_of));
  // Far below the 600 s limit: the token reached the running units. The
  // latency itself is measured in benchmarks/, not asserted here.
  EXPECT_LT(returned_ns - cancelled_at_ns.load(),
            std::int64_t{60} * 1000000000);
}

TEST(GroupSolver, RejectsMalformedProblemsNamingTheField) {
  GroupProblem p = RandomProblem(6, {{3, 3}, {3, 3}}, 1);
  p.groups[1] = {4, 3};
  EXPECT_EQ(SolveGroups(p).status().message(),
            "groups[1]: needs 0 <= min_size <= max_size");
  p = RandomProblem(6, {{2, 2}, {2, 2}}, 1);
  EXPECT_EQ(SolveGroups(p).status().message(),
            "groups: sizes 4..4 in total cannot hold 6 elements");
  p = RandomProblem(6, {{3, 3}, {3, 3}}, 1);
  p.affinity[1] = 5.0;
  EXPECT_EQ(SolveGroups(p).status().message(),
            "affinity[0][1]: differs from affinity[1][0]");
  p = RandomProblem(6, {{3, 3}, {3, 3}}, 1);
  p.apart.emplace_back(2, 6);
  EXPECT_EQ(SolveGroups(p).status().message(),
            "apart[0]: needs two different element ids in 0..5");
}

TEST(GroupSizes, ShapedProfilesMaximiseOrMinimiseThePairCount) {
  GroupProblem p =
      RandomProblem(20, {{2, 10}, {2, 10}, {2, 10}, {2, 3}}, 1, 0.0, 1.0);
  SearchRng rng(1, 0);
  std::vector<int> sizes = GroupSizes(p, /*shaped=*/true, rng);
  std::sort(sizes.begin(), sizes.end());
  // 20 = 10 + 6 + 2 + 2 has the most pairs: 45 + 15 + 1 + 1.
  EXPECT_THAT(sizes, ::testing::ElementsAre(2, 2, 6, 10));
  for (double& a : p.affinity) a = -a;
  sizes = GroupSizes(p, /*shaped=*/true, rng);
  std::sort(sizes.begin(), sizes.end());
  EXPECT_THAT(sizes, ::testing::ElementsAre(3, 5, 6, 6));
}

}  // namespace
}  // namespace sopu
