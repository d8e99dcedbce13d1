#include "service/io/likely_cause.h"

#include "gtest/gtest.h"

namespace sopu::io::internal {
namespace {

TEST(LikelyCauseTest, NothingWhenFewFail) {
  EXPECT_EQ(
      LikelyCause(
          {.delimiter = ',', .data_rows = 10, .rows_with_extra_cells = 2}),
      "");
  EXPECT_EQ(LikelyCause({.not_utf8_cells = 1}), "");
}

TEST(LikelyCauseTest, TwoRowsOfTwoAreMany) {
  EXPECT_NE(LikelyCause(
                {.delimiter = ',', .data_rows = 2, .rows_with_extra_cells = 2}),
            "");
}

TEST(LikelyCauseTest, DecimalCommasOnlyInCommaFiles) {
  EXPECT_EQ(LikelyCause(
                {.delimiter = ';', .data_rows = 5, .rows_with_extra_cells = 5}),
            "");
}

}  // namespace
}  // namespace sopu::io::internal
