#include "service/server/progress_relay.h"

#include <thread>

#include "gtest/gtest.h"

namespace sopu::server {
namespace {

TEST(ProgressRelay, KeepsTheLatestAndEnds) {
  ProgressRelay relay;
  EXPECT_FALSE(relay.Latest().has_value());
  relay.Report({.done = 1, .total = 10, .best_objective = 1.0});
  relay.Report({.done = 2, .total = 10, .best_objective = 2.0});
  EXPECT_TRUE(relay.WaitTick(std::chrono::milliseconds(1)));
  ASSERT_TRUE(relay.Latest().has_value());
  EXPECT_EQ(relay.Latest()->done, 2);
  std::thread finisher([&] { relay.Finish(); });
  while (relay.WaitTick(std::chrono::milliseconds(1))) {
  }
  finisher.join();
  EXPECT_FALSE(relay.WaitTick(std::chrono::hours(1)));
}

}  // namespace
}  // namespace sopu::server
