// CallWatcher: each of its three causes cancels the token (and only the
// deadline sets deadline_passed); a quiet call is never cancelled, even when
// the watcher is destroyed. The tests wait on the token itself, with the
// test's TIMEOUT as the only bound: no latency is asserted here.
#include "service/server/call_watcher.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "gtest/gtest.h"

namespace sopu::server {
namespace {

using Clock = std::chrono::steady_clock;

void WaitUntilCancelled(const CancellationToken& token) {
  while (!token.cancelled()) std::this_thread::yield();
}

TEST(CallWatcher, AClientCancelCancelsTheToken) {
  std::atomic<bool> client_cancelled{false};
  CancellationToken token;
  CallWatcher watcher([&] { return client_cancelled.load(); }, std::nullopt,
                      nullptr, token);
  client_cancelled = true;
  WaitUntilCancelled(token);
  EXPECT_FALSE(watcher.deadline_passed());
}

TEST(CallWatcher, APassedDeadlineCancelsTheTokenAndSaysSo) {
  CancellationToken token;
  CallWatcher watcher([] { return false; }, Clock::now(), nullptr, token);
  WaitUntilCancelled(token);
  EXPECT_TRUE(watcher.deadline_passed());
}

TEST(CallWatcher, AStoppingServerCancelsEveryCall) {
  std::atomic<bool> stopping{false};
  CancellationToken first;
  CancellationToken second;
  CallWatcher a([] { return false; }, std::nullopt, &stopping, first);
  CallWatcher b([] { return false; }, Clock::now() + std::chrono::hours(1),
                &stopping, second);
  stopping = true;
  WaitUntilCancelled(first);
  WaitUntilCancelled(second);
  EXPECT_FALSE(a.deadline_passed());
  EXPECT_FALSE(b.deadline_passed());
}

TEST(CallWatcher, AQuietCallIsNeverCancelled) {
  CancellationToken token;
  std::atomic<int> polls{0};
  {
    CallWatcher watcher(
        [&] {
          ++polls;
          return false;
        },
        Clock::now() + std::chrono::hours(1), nullptr, token);
    // Let it poll a few times (observable through the callback).
    while (polls.load() < 3) std::this_thread::yield();
  }
  EXPECT_FALSE(token.cancelled());
}

TEST(SteadyDeadline, FarDeadlinesAreNoneAndNearOnesConvert) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_FALSE(SteadyDeadline(now + std::chrono::hours(48)).has_value());
  EXPECT_FALSE(
      SteadyDeadline(std::chrono::system_clock::time_point::max()).has_value());
  const std::optional<Clock::time_point> soon =
      SteadyDeadline(now + std::chrono::seconds(10));
  ASSERT_TRUE(soon.has_value());
  const auto left = *soon - Clock::now();
  EXPECT_GT(left, std::chrono::seconds(5));
  EXPECT_LE(left, std::chrono::seconds(11));
}

}  // namespace
}  // namespace sopu::server
