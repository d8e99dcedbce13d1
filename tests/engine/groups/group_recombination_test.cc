#include "engine/groups/group_recombination.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "engine/common/index.h"
#include "engine/groups/group_problem.h"
#include "engine/groups/group_state.h"
#include "engine/groups/search_control.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/group_problems.h"
#include "tests/testing/seed_offset.h"

namespace sopu {
namespace {

using ::sopu::testing::RandomGroupProblem;

// RandomBounds: 2..6 groups whose bounds can hold n elements.
std::vector<GroupBounds> RandomBounds(int n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&rng](int a, int b) {
    return std::uniform_int_distribution<int>(a, b)(rng);
  };
  const int m = uniform(2, 6);
  std::vector<GroupBounds> bounds;
  for (int g = 0; g < m; ++g) {
    const int min_size = uniform(0, n / m);
    bounds.push_back({min_size, uniform(min_size, n / m + 4)});
  }
  bounds[0].max_size = n;  // the maxima then always hold n
  return bounds;
}

double Pairs(int s) { return 0.5 * s * (s - 1.0); }

// ExtremePairs: the largest (or, with sign -1, smallest) sum of C(s, 2) over
// every size profile within the bounds that sums to n, by enumeration.
double ExtremePairs(const GroupProblem& p, double sign) {
  const int m = p.group_count();
  std::vector<int> size(Idx(m));
  for (int g = 0; g < m; ++g) size[Idx(g)] = p.groups[Idx(g)].min_size;
  double best = -std::numeric_limits<double>::infinity();
  while (true) {
    int total = 0;
    double pairs = 0.0;
    for (int g = 0; g < m; ++g) {
      total += size[Idx(g)];
      pairs += Pairs(size[Idx(g)]);
    }
    if (total == p.elements) best = std::max(best, sign * pairs);
    int g = 0;
    while (g < m && ++size[Idx(g)] > p.groups[Idx(g)].max_size) {
      size[Idx(g)] = p.groups[Idx(g)].min_size;
      ++g;
    }
    if (g == m) break;
  }
  return sign * best;
}

TEST(GroupSizes, ShapedProfilesMaximiseOrMinimiseThePairCount) {
  GroupProblem p =
      RandomGroupProblem(20, {{2, 10}, {2, 10}, {2, 10}, {2, 3}}, 1, 0.0, 1.0);
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

TEST(GroupSizes, ShapedProfilesHaveTheEnumeratedExtremePairCount) {
  for (unsigned k = 0; k < 20; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const int n = 8 + static_cast<int>(seed % 17);
    // Non-negative affinities ask for the most pairs, negative ones for the
    // fewest.
    const bool most = k % 2 == 0;
    const GroupProblem p = RandomGroupProblem(
        n, RandomBounds(n, seed), seed, most ? 0.0 : -1.0, most ? 1.0 : 0.0);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    SearchRng rng(seed, 0);
    const std::vector<int> sizes = GroupSizes(p, /*shaped=*/true, rng);
    double pairs = 0.0;
    int total = 0;
    for (int g = 0; g < p.group_count(); ++g) {
      EXPECT_GE(sizes[Idx(g)], p.groups[Idx(g)].min_size);
      EXPECT_LE(sizes[Idx(g)], p.groups[Idx(g)].max_size);
      pairs += Pairs(sizes[Idx(g)]);
      total += sizes[Idx(g)];
    }
    EXPECT_EQ(total, n);
    EXPECT_EQ(pairs, ExtremePairs(p, most ? 1.0 : -1.0));
  }
}

TEST(RandomGrouping, FillsTheSizesOfGroupSizesWithinTheBounds) {
  for (unsigned k = 0; k < 40; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const int n = 1 + static_cast<int>(seed % 40);
    const GroupProblem p = RandomGroupProblem(n, RandomBounds(n, seed), seed);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    const bool shaped = k % 2 == 0;
    SearchRng rng(seed, 0);
    SearchRng sizes_rng = rng;  // RandomGrouping draws GroupSizes first
    const std::vector<int> grouping = RandomGrouping(p, shaped, rng);
    EXPECT_TRUE(IsWithinBounds(p, grouping));
    const std::vector<int> sizes = GroupSizes(p, shaped, sizes_rng);
    for (int g = 0; g < p.group_count(); ++g) {
      EXPECT_EQ(std::count(grouping.begin(), grouping.end(), g), sizes[Idx(g)])
          << "group " << g;
    }
  }
}

TEST(GroupCrossover, ChildrenStayWithinTheBounds) {
  for (unsigned k = 0; k < 40; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const int n = 2 + static_cast<int>(seed % 40);
    const GroupProblem p = RandomGroupProblem(n, RandomBounds(n, seed), seed);
    ASSERT_TRUE(ValidateGroupProblem(p).ok());
    SearchRng rng(seed, 0);
    const std::vector<int> a = RandomGrouping(p, k % 2 == 0, rng);
    const std::vector<int> b = RandomGrouping(p, k % 3 == 0, rng);
    EXPECT_TRUE(IsWithinBounds(p, GroupCrossover(p, a, b, rng)));
  }
}

TEST(GroupCrossover, TheChildOfTwoCopiesIsTheCopy) {
  // Each label's group is taken whole from the parent on turn, so two equal
  // parents leave nothing to place greedily.
  for (unsigned k = 0; k < 20; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const int n = 2 + static_cast<int>(seed % 30);
    const GroupProblem p = RandomGroupProblem(n, RandomBounds(n, seed), seed);
    SearchRng rng(seed, 0);
    const std::vector<int> parent = RandomGrouping(p, false, rng);
    EXPECT_EQ(GroupCrossover(p, parent, parent, rng), parent);
  }
}

TEST(Perturb, KeepsTheStateWithinTheBoundsAndConsistent) {
  for (unsigned k = 0; k < 20; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const int n = 4 + static_cast<int>(seed % 30);
    const GroupProblem p = RandomGroupProblem(n, RandomBounds(n, seed), seed);
    SearchRng rng(seed, 0);
    GroupState state(p);
    const std::vector<int> start = RandomGrouping(p, false, rng);
    state.Reset(start);
    Perturb(state, 10, rng);
    ASSERT_TRUE(IsWithinBounds(p, state.assignment()));
    const GroupingScore fresh = EvaluateGrouping(p, state.assignment());
    EXPECT_EQ(state.objective(), fresh.objective);
  }
}

}  // namespace
}  // namespace sopu
