#include "engine/groups/planning/time_budget.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

using ::testing::DoubleEq;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ShareTimeBudget, SharesInProportionToTheSquareOfThePartSize) {
  EXPECT_THAT(ShareTimeBudget({8, 5}, 5.0),
              ElementsAre(DoubleEq(5.0 * 64 / (64 + 25)),
                          DoubleEq(5.0 * 25 / (64 + 25))));
  EXPECT_THAT(ShareTimeBudget({6, 6, 6}, 3.0),
              ElementsAre(DoubleEq(1.0), DoubleEq(1.0), DoubleEq(1.0)));
  EXPECT_THAT(ShareTimeBudget({40}, 7.5), ElementsAre(DoubleEq(7.5)));
}

TEST(ShareTimeBudget, EveryPartGetsAtLeastTheMinimum) {
  // 1 / (100^2 + 1) of a second is below the minimum.
  EXPECT_THAT(
      ShareTimeBudget({100, 1}, 1.0),
      ElementsAre(DoubleEq(1.0 * 10000 / 10001), DoubleEq(kMinPartSeconds)));
  // No members at all: the weights' sum counts as 1.
  EXPECT_THAT(
      ShareTimeBudget({0, 0}, 2.0),
      ElementsAre(DoubleEq(kMinPartSeconds), DoubleEq(kMinPartSeconds)));
  EXPECT_THAT(ShareTimeBudget({}, 2.0), IsEmpty());
}

}  // namespace
}  // namespace sopu
