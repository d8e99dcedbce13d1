#include "engine/calibration/rank_correlation.h"

#include <cmath>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

using ::testing::ElementsAre;

TEST(AverageRanks, TiesShareTheMeanRank) {
  EXPECT_THAT(AverageRanks({10, 20, 20, 30}), ElementsAre(1, 2.5, 2.5, 4));
  EXPECT_THAT(AverageRanks({3, 1, 3, 3}), ElementsAre(3, 1, 3, 3));
}

TEST(Spearman, PerfectAndReversed) {
  EXPECT_DOUBLE_EQ(*SpearmanCorrelation({1, 2, 3, 4}, {10, 20, 30, 45}), 1.0);
  EXPECT_DOUBLE_EQ(*SpearmanCorrelation({1, 2, 3, 4}, {9, 7, 5, 1}), -1.0);
}

TEST(Spearman, HandComputedWithTies) {
  // x = scores {0.2, 0.4, 0.7}: ranks 1, 2, 3 (deviations -1, 0, 1).
  // y = ratings {2, 5, 5}: ranks 1, 2.5, 2.5 (deviations -1, 0.5, 0.5).
  // rho = (1 + 0 + 0.5) / sqrt(2 * (1 + 0.25 + 0.25)) = 1.5 / sqrt(3).
  EXPECT_NEAR(*SpearmanCorrelation({0.2, 0.4, 0.7}, {2, 5, 5}),
              1.5 / std::sqrt(3.0), 1e-15);
  // Ties on both sides: x ranks {1.5, 1.5, 3, 4}, y ranks {1, 2.5, 2.5, 4}.
  // Deviations from 2.5: x {-1, -1, 0.5, 1.5}, y {-1.5, 0, 0, 1.5};
  // sxy = 1.5 + 0 + 0 + 2.25 = 3.75; sxx = 1 + 1 + 0.25 + 2.25 = 4.5;
  // syy = 2.25 + 0 + 0 + 2.25 = 4.5; rho = 3.75 / 4.5.
  EXPECT_NEAR(*SpearmanCorrelation({1, 1, 2, 3}, {1, 4, 4, 5}), 3.75 / 4.5,
              1e-15);
}

TEST(Spearman, UndefinedCases) {
  EXPECT_FALSE(SpearmanCorrelation({1}, {1}).has_value());
  EXPECT_FALSE(SpearmanCorrelation({1, 2}, {1}).has_value());
  EXPECT_FALSE(SpearmanCorrelation({1, 2, 3}, {4, 4, 4}).has_value());
}

}  // namespace
}  // namespace sopu
