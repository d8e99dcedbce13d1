#include "service/server/solve_budget.h"

#include "gtest/gtest.h"
#include "service/server/sopu_service_impl.h"

namespace sopu::server {
namespace {

TEST(SolveBudget, NoDeadlineKeepsTheRequest) {
  EXPECT_EQ(SolveBudget(5.0, std::nullopt).value(), 5.0);
}

TEST(SolveBudget, DeadlineWinsWhenSooner) {
  // 2 s left, margin 10% = 0.2 s.
  EXPECT_DOUBLE_EQ(SolveBudget(5.0, 2.0).value(), 2.0 - 0.2);
  // The request's own limit wins when smaller.
  EXPECT_DOUBLE_EQ(SolveBudget(0.5, 2.0).value(), 0.5);
  // Margin bounds: at least 20 ms, at most 1 s.
  EXPECT_DOUBLE_EQ(SolveBudget(100.0, 0.1).value(), 0.1 - 0.02);
  EXPECT_DOUBLE_EQ(SolveBudget(100.0, 60.0).value(), 60.0 - 1.0);
}

TEST(SolveBudget, TooLittleTimeFailsFast) {
  EXPECT_EQ(SolveBudget(5.0, 0.025).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(SolveBudget(5.0, -1.0).status().code(),
            absl::StatusCode::kDeadlineExceeded);
}

TEST(ClampGroupsTimeLimit, UsesTheDefaultAndLeavesInvalidLimitsAlone) {
  sopu::v1::GroupsRequest request;
  EXPECT_DOUBLE_EQ(ClampGroupsTimeLimit(request, 1.0)->time_limit_seconds(),
                   1.0 - 0.1);
  EXPECT_DOUBLE_EQ(
      ClampGroupsTimeLimit(request, std::nullopt)->time_limit_seconds(), 5.0);
  request.set_time_limit_seconds(7200.0);  // the handler reports it
  EXPECT_EQ(ClampGroupsTimeLimit(request, 1.0)->time_limit_seconds(), 7200.0);
  request.set_time_limit_seconds(-1.0);
  EXPECT_EQ(ClampGroupsTimeLimit(request, 1.0)->time_limit_seconds(), -1.0);
}

}  // namespace
}  // namespace sopu::server
