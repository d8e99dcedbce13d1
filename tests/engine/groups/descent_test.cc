#include "engine/groups/descent.h"

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/common/index.h"
#include "engine/groups/group_problem.h"
#include "engine/groups/group_recombination.h"
#include "engine/groups/group_state.h"
#include "engine/groups/search_control.h"
#include "gtest/gtest.h"
#include "tests/testing/seed_offset.h"

namespace sopu {
namespace {

const StopSignal kNever(SearchClock::time_point::max(), nullptr);

// RandomProblem: 8..40 elements in 2..5 groups with random bounds that can
// hold them, affinities in [-2, 10] rounded to 1/8 (sums exact); with
// rules, sparse apart and together pairs and a capped, no-isolated
// category rule.
GroupProblem RandomProblem(std::uint64_t seed, bool rules) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&rng](int a, int b) {
    return std::uniform_int_distribution<int>(a, b)(rng);
  };
  GroupProblem p;
  p.elements = uniform(8, 40);
  const int n = p.elements;
  const int m = uniform(2, 5);
  for (int g = 0; g < m; ++g) {
    const int min_size = uniform(0, n / m);
    p.groups.push_back({min_size, uniform(min_size, n / m + 3)});
  }
  p.groups[0].max_size = n;  // the maxima then always hold n
  std::uniform_real_distribution<double> d(-2.0, 10.0);
  p.affinity.assign(Idx(n) * Idx(n), 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const double a = std::round(d(rng) * 8.0) / 8.0;
      p.affinity[At(i, j, n)] = a;
      p.affinity[At(j, i, n)] = a;
    }
  }
  if (!rules) return p;
  for (int k = 0; k < n / 4; ++k) {
    const int a = uniform(0, n - 1);
    const int b = uniform(0, n - 1);
    if (a != b) p.apart.emplace_back(a, b);
  }
  for (int k = 0; k < n / 8; ++k) {
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

// Improves: the descent's acceptance test (fewer violations, or as many and
// more than 1e-9 of objective).
bool Improves(int dv, double gain) {
  return dv < 0 || (dv == 0 && gain > 1e-9);
}

bool NoWorse(const GroupState& a, const GroupingScore& b) {
  return a.violations() < b.violations ||
         (a.violations() == b.violations && a.objective() >= b.objective);
}

TEST(Descent, EndsInALocalOptimumOfMovesAndSwaps) {
  for (unsigned k = 0; k < 30; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const GroupProblem p = RandomProblem(seed, /*rules=*/k % 2 == 1);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    SearchRng rng(seed, 0);
    GroupState state(p);
    state.Reset(RandomGrouping(p, k % 3 == 0, rng));
    const GroupingScore start = EvaluateGrouping(p, state.assignment());
    (void)Descent(state, rng, kNever);
    ASSERT_TRUE(IsWithinBounds(p, state.assignment()));
    const GroupingScore end = EvaluateGrouping(p, state.assignment());
    EXPECT_EQ(state.objective(), end.objective);
    EXPECT_EQ(state.violations(), end.violations);
    EXPECT_TRUE(NoWorse(state, start));
    const int n = p.elements;
    for (int i = 0; i < n; ++i) {
      for (int h = 0; h < p.group_count(); ++h) {
        if (state.CanMove(i, h)) {
          EXPECT_FALSE(
              Improves(state.MoveViolationDelta(i, h), state.MoveGain(i, h)))
              << "move " << i << " to " << h;
        }
      }
      for (int j = i + 1; j < n; ++j) {
        if (state.group_of(i) != state.group_of(j)) {
          EXPECT_FALSE(
              Improves(state.SwapViolationDelta(i, j), state.SwapGain(i, j)))
              << "swap " << i << ", " << j;
        }
      }
    }
  }
}

TEST(IteratedDescent, EndsNoWorseThanItsFirstDescent) {
  for (unsigned k = 0; k < 10; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const GroupProblem p = RandomProblem(seed, /*rules=*/k % 2 == 0);
    SearchRng rng(seed, 0);
    GroupState state(p);
    state.Reset(RandomGrouping(p, false, rng));
    // IteratedDescent starts with the descent that a copy of the state and
    // the generator repeats here.
    GroupState first = state;
    SearchRng first_rng = rng;
    (void)Descent(first, first_rng, kNever);
    const IteratedDescentOptions options{.kicks = 20, .strength = 3};
    EXPECT_EQ(IteratedDescent(state, options, rng, kNever), 1 + 20);
    ASSERT_TRUE(IsWithinBounds(p, state.assignment()));
    const GroupingScore end = EvaluateGrouping(p, state.assignment());
    EXPECT_EQ(state.objective(), end.objective);
    EXPECT_EQ(state.violations(), end.violations);
    EXPECT_TRUE(NoWorse(state, {first.objective(), first.violations()}));
  }
}

}  // namespace
}  // namespace sopu
