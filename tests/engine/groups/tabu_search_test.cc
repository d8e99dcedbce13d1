#include "engine/groups/tabu_search.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "engine/common/cancellation.h"
#include "engine/common/index.h"
#include "engine/groups/group_problem.h"
#include "engine/groups/group_recombination.h"
#include "engine/groups/group_state.h"
#include "engine/groups/search_control.h"
#include "gtest/gtest.h"
#include "tests/testing/group_problems.h"
#include "tests/testing/seed_offset.h"

namespace sopu {
namespace {

using ::sopu::testing::BetterGrouping;
using ::sopu::testing::BruteForceGrouping;

const StopSignal kNever(SearchClock::time_point::max(), nullptr);

// RandomBounds: bounds for n elements in m groups that can hold them:
// some min = max (only swaps fit there), some wide.
std::vector<GroupBounds> RandomBounds(int n, int m, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&rng](int a, int b) {
    return std::uniform_int_distribution<int>(a, b)(rng);
  };
  std::vector<GroupBounds> bounds;
  for (int g = 0; g < m; ++g) {
    const int min_size = uniform(0, n / m);
    bounds.push_back(
        {min_size, uniform(0, 2) == 0 ? min_size : uniform(n / m, n)});
  }
  bounds[0].max_size = n;  // the maxima then always hold n
  return bounds;
}

// RandomProblem: n elements in groups with the given bounds, affinities
// uniform in [lo, hi) rounded to `step` (0: not rounded; 1/8 keeps every
// sum exact). With rules: sparse apart and together pairs and a category
// rule with a cap and a no-isolated value.
GroupProblem RandomProblem(int n, std::vector<GroupBounds> bounds,
                           std::uint64_t seed, bool rules, double lo = -2.0,
                           double hi = 10.0, double step = 0.125) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&rng](int a, int b) {
    return std::uniform_int_distribution<int>(a, b)(rng);
  };
  GroupProblem p;
  p.elements = n;
  p.groups = std::move(bounds);
  std::uniform_real_distribution<double> d(lo, hi);
  p.affinity.assign(Idx(n) * Idx(n), 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const double a = step > 0.0 ? std::round(d(rng) / step) * step : d(rng);
      p.affinity[At(i, j, n)] = a;
      p.affinity[At(j, i, n)] = a;
    }
  }
  if (!rules) return p;
  for (int k = 0; k < n / 4 + 1; ++k) {
    const int a = uniform(0, n - 1);
    const int b = uniform(0, n - 1);
    if (a != b) p.apart.emplace_back(a, b);
  }
  for (int k = 0; k < n / 6 + 1; ++k) {
    const int a = uniform(0, n - 1);
    const int b = uniform(0, n - 1);
    if (a != b) p.together.emplace_back(a, b);
  }
  CategoryRule rule;
  for (int i = 0; i < n; ++i) rule.value_of.push_back(uniform(-1, 1));
  rule.max_per_group = {2, CategoryRule::kNoCap};
  rule.no_isolated = {0, 1};
  p.category_rules.push_back(rule);
  return p;
}

std::vector<int> AssignmentOf(const GroupState& state) {
  return {state.assignment().begin(), state.assignment().end()};
}

TEST(TabuSearch, EndsOnAConsistentGroupingNoWorseThanItsStart) {
  for (unsigned k = 0; k < 24; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const int n = 10 + static_cast<int>(seed % 21);
    const int m = 2 + static_cast<int>(seed % 4);
    const GroupProblem p =
        RandomProblem(n, RandomBounds(n, m, seed), seed, /*rules=*/k % 2 == 1);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    SearchRng rng(seed, 0);
    GroupState state(p);
    state.Reset(RandomGrouping(p, k % 3 == 0, rng));
    const GroupingScore start = EvaluateGrouping(p, state.assignment());
    TabuSearchWorkspace workspace;
    const TabuSearchOptions options{
        .max_stall = 50, .tenure_min = 1, .tenure_max = 4};
    (void)TabuSearch(state, options, rng, kNever, workspace);
    ASSERT_TRUE(IsWithinBounds(p, state.assignment()));
    const GroupingScore end = EvaluateGrouping(p, state.assignment());
    EXPECT_FALSE(BetterGrouping(start, end));
    EXPECT_EQ(state.violations(), end.violations);
    EXPECT_EQ(state.objective(), end.objective);  // affinities in 1/8: exact
    for (int g = 0; g < m; ++g) {
      EXPECT_GE(state.size(g), p.groups[Idx(g)].min_size) << "group " << g;
      EXPECT_LE(state.size(g), p.groups[Idx(g)].max_size) << "group " << g;
    }
  }
}

// The best of four runs from random starts, as the solver's population
// runs many: a single run with tenures this short can cycle around a local
// optimum (on these instances with rules, 10 in 2000 seeds missed the
// optimum with one run; none with four).
TEST(TabuSearch, ReachesTheBruteForceOptimumOnTinyInstances) {
  for (unsigned k = 0; k < 16; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    // Sizes 6..9 in two or three groups, equal or different bounds, with
    // and without rules.
    const int n = 6 + static_cast<int>(seed % 4);
    std::vector<GroupBounds> bounds;
    switch (seed % 3) {
      case 0:
        bounds = {{2, 5}, {2, 5}};
        break;
      case 1:
        bounds = {{2, 4}, {2, 4}, {2, 4}};
        break;
      default:
        bounds = {{0, n}, {2, 3}, {1, 4}};
    }
    const GroupProblem p =
        RandomProblem(n, bounds, seed, /*rules=*/seed % 2 == 0);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    const GroupingScore exact = BruteForceGrouping(p);
    SearchRng rng(seed, 0);
    GroupState state(p);
    TabuSearchWorkspace workspace;
    const TabuSearchOptions options{
        .max_stall = 200, .tenure_min = 3, .tenure_max = 8};
    GroupingScore best{-std::numeric_limits<double>::infinity(),
                       std::numeric_limits<int>::max()};
    for (int run = 0; run < 4; ++run) {
      state.Reset(RandomGrouping(p, false, rng));
      (void)TabuSearch(state, options, rng, kNever, workspace);
      const GroupingScore score{state.objective(), state.violations()};
      if (BetterGrouping(score, best)) best = score;
    }
    EXPECT_EQ(best.violations, exact.violations);
    EXPECT_EQ(best.objective, exact.objective);
  }
}

TEST(TabuSearch, IsDeterministicForASeed) {
  for (const bool rules : {false, true}) {
    const unsigned seed = SeedOffset() + 3;
    SCOPED_TRACE(::testing::Message()
                 << "seed " << seed << ", rules " << rules);
    const GroupProblem p =
        RandomProblem(40, RandomBounds(40, 5, seed), seed, rules);
    SearchRng start_rng(seed, 0);
    const std::vector<int> start = RandomGrouping(p, false, start_rng);
    const TabuSearchOptions options{
        .max_stall = 100, .tenure_min = 2, .tenure_max = 6};
    std::vector<std::vector<int>> ends;
    std::vector<std::int64_t> iterations;
    for (int run = 0; run < 2; ++run) {
      GroupState state(p);
      state.Reset(start);
      SearchRng rng(seed, 1);
      TabuSearchWorkspace workspace;
      iterations.push_back(TabuSearch(state, options, rng, kNever, workspace));
      ends.push_back(AssignmentOf(state));
    }
    EXPECT_EQ(ends[0], ends[1]);
    EXPECT_EQ(iterations[0], iterations[1]);
  }
}

// The scan without rules (two passes, a vectorised kernel and pruned rows)
// must choose like the generic scan, which the same problem takes when it
// carries a rule that never counts. The scans offer neighbours in
// different orders, so they agree only without ties: real-valued
// affinities, and every group at least 3 strong (two empty groups are
// equal targets of a move; swapping two singletons, or a and c against b
// and d in {a, b}, {c, d}, gives the same partition). Then both walks are
// the same: the same iterations, ending on the same grouping.
TEST(TabuSearch, TheScanWithoutRulesChoosesLikeTheGenericScan) {
  for (unsigned k = 0; k < 6; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const int n = 20 + 7 * static_cast<int>(k);
    std::vector<GroupBounds> bounds =
        RandomBounds(n, 3 + static_cast<int>(k % 3), seed);
    for (GroupBounds& b : bounds) {
      b.min_size = std::max(b.min_size, 3);
      b.max_size = std::max(b.max_size, b.min_size);
    }
    const GroupProblem plain =
        RandomProblem(n, bounds, seed, /*rules=*/false, 0.0, 1.0, /*step=*/0.0);
    GroupProblem ruled = plain;
    CategoryRule never;  // no element has a value
    never.value_of.assign(Idx(n), -1);
    never.max_per_group = {1};
    never.no_isolated = {1};
    ruled.category_rules.push_back(never);
    ASSERT_TRUE(ValidateGroupProblem(ruled).ok());
    SearchRng start_rng(seed, 0);
    const std::vector<int> start = RandomGrouping(plain, false, start_rng);
    const TabuSearchOptions options{
        .max_stall = 60, .tenure_min = 2, .tenure_max = 8};
    GroupState fast(plain);
    GroupState generic(ruled);
    ASSERT_FALSE(fast.has_rules());
    ASSERT_TRUE(generic.has_rules());
    fast.Reset(start);
    generic.Reset(start);
    SearchRng fast_rng(seed, 1);
    SearchRng generic_rng(seed, 1);
    TabuSearchWorkspace fast_workspace;
    TabuSearchWorkspace generic_workspace;
    const std::int64_t fast_iterations =
        TabuSearch(fast, options, fast_rng, kNever, fast_workspace);
    const std::int64_t generic_iterations =
        TabuSearch(generic, options, generic_rng, kNever, generic_workspace);
    EXPECT_EQ(fast_iterations, generic_iterations);
    EXPECT_EQ(AssignmentOf(fast), AssignmentOf(generic));
    EXPECT_EQ(fast.objective(), generic.objective());
    EXPECT_EQ(generic.violations(), 0);
  }
}

TEST(TabuSearch, DoesNothingOnceTheStopSignalHasExpired) {
  const GroupProblem p = RandomProblem(20, RandomBounds(20, 4, 5), 5,
                                       /*rules=*/true);
  SearchRng rng(5, 0);
  GroupState state(p);
  const std::vector<int> start = RandomGrouping(p, false, rng);
  state.Reset(start);
  CancellationToken token;
  token.Cancel();
  const StopSignal cancelled(SearchClock::time_point::max(), &token);
  const StopSignal past(SearchClock::time_point::min(), nullptr);
  TabuSearchWorkspace workspace;
  const TabuSearchOptions options;
  EXPECT_EQ(TabuSearch(state, options, rng, cancelled, workspace), 0);
  EXPECT_EQ(TabuSearch(state, options, rng, past, workspace), 0);
  EXPECT_EQ(AssignmentOf(state), start);
}

}  // namespace
}  // namespace sopu
