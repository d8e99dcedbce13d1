#include "engine/groups/group_state.h"

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/common/index.h"
#include "engine/groups/group_problem.h"
#include "engine/groups/group_recombination.h"
#include "engine/groups/search_control.h"
#include "gtest/gtest.h"
#include "tests/testing/seed_offset.h"

namespace sopu {
namespace {

// RandomProblem: 6..30 elements in 2..5 groups with random bounds that can
// hold them; affinities in [-2, 10] rounded to 1/8 (exact in binary, so
// every incremental sum is exact too). With rules: sparse apart and
// together pairs and one or two category rules with caps, uncapped values,
// no-isolated values and elements without a value.
GroupProblem RandomProblem(std::uint64_t seed, bool rules) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&rng](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  GroupProblem p;
  p.elements = uniform(6, 30);
  const int n = p.elements;
  const int m = uniform(2, 5);
  // Bounds around n / m: every group's min fits, and the maxima hold n.
  for (int g = 0; g < m; ++g) {
    const int min_size = uniform(0, n / m);
    p.groups.push_back({min_size, uniform(n / m, n / m + 3)});
  }
  p.groups[0].max_size += n;  // the maxima then always hold n
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
  for (int k = 0; k < n / 3; ++k) {
    const int a = uniform(0, n - 1);
    const int b = uniform(0, n - 1);
    if (a != b) p.apart.emplace_back(a, b);
  }
  for (int k = 0; k < n / 5; ++k) {
    const int a = uniform(0, n - 1);
    const int b = uniform(0, n - 1);
    if (a != b) p.together.emplace_back(a, b);
  }
  for (int r = uniform(1, 2); r > 0; --r) {
    CategoryRule rule;
    const int values = uniform(1, 4);
    for (int i = 0; i < n; ++i)
      rule.value_of.push_back(uniform(-1, values - 1));
    for (int v = 0; v < values; ++v) {
      rule.max_per_group.push_back(uniform(0, 1) == 0 ? CategoryRule::kNoCap
                                                      : uniform(1, 3));
      rule.no_isolated.push_back(static_cast<std::uint8_t>(uniform(0, 1)));
    }
    p.category_rules.push_back(rule);
  }
  return p;
}

// ExpectMatchesAFreshEvaluation: every query of the state against a
// from-scratch computation.
void ExpectMatchesAFreshEvaluation(const GroupProblem& p,
                                   const GroupState& state) {
  ASSERT_TRUE(IsWithinBounds(p, state.assignment()));
  const GroupingScore fresh = EvaluateGrouping(p, state.assignment());
  EXPECT_EQ(state.objective(), fresh.objective);
  EXPECT_EQ(state.violations(), fresh.violations);
  const int n = p.elements;
  const int m = p.group_count();
  for (int g = 0; g < m; ++g) {
    int size = 0;
    for (int i = 0; i < n; ++i) size += state.group_of(i) == g ? 1 : 0;
    EXPECT_EQ(state.size(g), size) << "group " << g;
  }
  for (int i = 0; i < n; ++i) {
    for (int g = 0; g < m; ++g) {
      double sum = 0.0;
      for (int k = 0; k < n; ++k) {
        if (k != i && state.group_of(k) == g) sum += p.d(i, k);
      }
      EXPECT_EQ(state.sum(i, g), sum) << "element " << i << ", group " << g;
      EXPECT_EQ(state.group_sums(g)[i], sum);
    }
    EXPECT_EQ(state.own(i), state.sum(i, state.group_of(i)));
    EXPECT_EQ(state.own_data()[i], state.own(i));
  }
}

TEST(GroupState, IncrementalBookkeepingMatchesAFreshEvaluation) {
  int moves = 0;
  int swaps = 0;
  for (unsigned k = 0; k < 40; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const GroupProblem p = RandomProblem(seed, /*rules=*/k % 4 != 0);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    SearchRng rng(seed, 0);
    GroupState state(p);
    state.Reset(RandomGrouping(p, k % 2 == 0, rng));
    EXPECT_EQ(state.has_rules(), p.has_rules());
    ExpectMatchesAFreshEvaluation(p, state);
    for (int step = 0; step < 200; ++step) {
      const int i = rng.Below(p.elements);
      const int j = rng.Below(p.elements);
      const int h = rng.Below(p.group_count());
      const GroupingScore before = EvaluateGrouping(p, state.assignment());
      double gain = 0.0;
      int dv = 0;
      if (step % 2 == 0 && state.CanMove(i, h)) {
        gain = state.MoveGain(i, h);
        dv = state.MoveViolationDelta(i, h);
        state.Move(i, h);
        ++moves;
      } else if (state.group_of(i) != state.group_of(j)) {
        gain = state.SwapGain(i, j);
        dv = state.SwapViolationDelta(i, j);
        state.Swap(i, j);
        ++swaps;
      } else {
        continue;
      }
      const GroupingScore after = EvaluateGrouping(p, state.assignment());
      EXPECT_EQ(after.objective - before.objective, gain) << "step " << step;
      EXPECT_EQ(after.violations - before.violations, dv) << "step " << step;
      if (!p.has_rules()) {
        EXPECT_EQ(dv, 0);
      }
      if (step % 20 == 0) ExpectMatchesAFreshEvaluation(p, state);
      if (testing::Test::HasFailure()) return;
    }
    ExpectMatchesAFreshEvaluation(p, state);
  }
  // Both kinds of step were exercised.
  EXPECT_GT(moves, 400);
  EXPECT_GT(swaps, 400);
}

TEST(GroupState, RealAffinitiesDriftOnlyByRounding) {
  for (unsigned k = 0; k < 5; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    GroupProblem p = RandomProblem(seed, /*rules=*/false);
    std::mt19937_64 noise(seed);
    std::uniform_real_distribution<double> d(0.0, 1.0);
    const int n = p.elements;
    for (int i = 0; i < n; ++i) {
      for (int j = i + 1; j < n; ++j) {
        const double a = d(noise);
        p.affinity[At(i, j, n)] = a;
        p.affinity[At(j, i, n)] = a;
      }
    }
    SearchRng rng(seed, 0);
    GroupState state(p);
    state.Reset(RandomGrouping(p, false, rng));
    for (int step = 0; step < 2000; ++step) {
      const int i = rng.Below(n);
      const int j = rng.Below(n);
      if (state.group_of(i) != state.group_of(j)) state.Swap(i, j);
    }
    const GroupingScore fresh = EvaluateGrouping(p, state.assignment());
    // 2000 swaps, each adding rounding of ~1e-16 relative to sums below n
    // (the worst of 300 such runs drifted by 4e-13).
    EXPECT_NEAR(state.objective(), fresh.objective, 1e-9);
  }
}

TEST(GroupState, CanMoveIsExactlyTheBoundsCheck) {
  for (unsigned k = 0; k < 20; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const GroupProblem p = RandomProblem(seed, /*rules=*/false);
    SearchRng rng(seed, 1);
    GroupState state(p);
    state.Reset(RandomGrouping(p, k % 2 == 0, rng));
    std::vector<int> moved(state.assignment().begin(),
                           state.assignment().end());
    for (int i = 0; i < p.elements; ++i) {
      for (int h = 0; h < p.group_count(); ++h) {
        const int g = moved[Idx(i)];
        moved[Idx(i)] = h;
        EXPECT_EQ(state.CanMove(i, h), h != g && IsWithinBounds(p, moved))
            << "element " << i << " to group " << h;
        moved[Idx(i)] = g;
      }
    }
  }
}

TEST(GroupState, CountsEachRuleAsTheProblemDefinesIt) {
  // Six elements, two groups of three: {0, 1, 2} and {3, 4, 5}.
  GroupProblem p;
  p.elements = 6;
  p.affinity.assign(36, 1.0);
  p.groups = {{3, 3}, {3, 3}};
  p.apart = {{0, 1}, {0, 3}};     // (0, 1) shares a group
  p.together = {{2, 3}, {4, 5}};  // (2, 3) does not
  CategoryRule rule;
  // Value 0 capped at 1 per group: elements 0, 1 (group 0) and 3.
  // Value 1 must not be isolated: element 2 alone in group 0, elements 4, 5
  // together in group 1.
  rule.value_of = {0, 0, 1, 0, 1, 1};
  rule.max_per_group = {1, CategoryRule::kNoCap};
  rule.no_isolated = {0, 1};
  p.category_rules.push_back(rule);
  ASSERT_TRUE(ValidateGroupProblem(p).ok());
  const std::vector<int> grouping = {0, 0, 0, 1, 1, 1};
  GroupState state(p);
  state.Reset(grouping);
  // apart (0, 1) + together (2, 3) + value 0 over its cap in group 0 by one
  // + value 1 isolated in group 0.
  EXPECT_EQ(state.violations(), 1 + 1 + 1 + 1);
  EXPECT_EQ(EvaluateGrouping(p, grouping).violations, 1 + 1 + 1 + 1);
  EXPECT_EQ(state.objective(), 3.0 + 3.0);
  // Swapping 1 and 3: apart (0, 3) now shares a group, (0, 1) no longer;
  // value 0 stays over its cap in group 0 (0, 3); 2 and 3 are together.
  EXPECT_EQ(state.SwapViolationDelta(1, 3), (1 - 1) + (0 - 1) + 0 + 0);
  state.Swap(1, 3);
  EXPECT_EQ(state.violations(), 1 + 0 + 1 + 1);
}

TEST(GroupState, ResetRecomputesFromScratchAndCopiesAreIndependent) {
  const unsigned seed = SeedOffset() + 7;
  SCOPED_TRACE(::testing::Message() << "seed " << seed);
  const GroupProblem p = RandomProblem(seed, /*rules=*/true);
  SearchRng rng(seed, 0);
  GroupState state(p);
  const std::vector<int> start = RandomGrouping(p, true, rng);
  state.Reset(start);
  const GroupState copy = state;
  for (int step = 0; step < 50; ++step) {
    const int i = rng.Below(p.elements);
    const int j = rng.Below(p.elements);
    if (state.group_of(i) != state.group_of(j)) state.Swap(i, j);
  }
  // The copy still holds the start.
  EXPECT_EQ(
      std::vector<int>(copy.assignment().begin(), copy.assignment().end()),
      start);
  ExpectMatchesAFreshEvaluation(p, copy);
  // Reset to the start gives back the start's exact values.
  state.Reset(start);
  EXPECT_EQ(state.objective(), copy.objective());
  EXPECT_EQ(state.violations(), copy.violations());
  ExpectMatchesAFreshEvaluation(p, state);
}

}  // namespace
}  // namespace sopu
