#include "service/server/admission_control.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "gtest/gtest.h"

namespace sopu::server {
namespace {

TEST(AdmissionControl, RejectsBeyondSlotsAndQueue) {
  AdmissionControl admission({.max_running = 1, .max_queued = 1});
  CancellationToken never;
  absl::StatusOr<AdmissionControl::Ticket> first = admission.Admit(never);
  ASSERT_TRUE(first.ok());

  // A second call queues; a third is rejected at once.
  std::atomic<bool> second_admitted{false};
  std::thread second([&] {
    absl::StatusOr<AdmissionControl::Ticket> t = admission.Admit(never);
    second_admitted = t.ok();
  });
  while (admission.counts().queued != 1) std::this_thread::yield();
  const absl::StatusOr<AdmissionControl::Ticket> third = admission.Admit(never);
  EXPECT_EQ(third.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(admission.counts().rejected, 1);

  first = absl::CancelledError("released");  // frees the slot
  second.join();
  EXPECT_TRUE(second_admitted);
  EXPECT_EQ(admission.counts().running, 0);
}

TEST(AdmissionControl, CancelledWhileQueuedLeavesTheQueue) {
  AdmissionControl admission({.max_running = 1, .max_queued = 2});
  CancellationToken never;
  const absl::StatusOr<AdmissionControl::Ticket> first = admission.Admit(never);
  ASSERT_TRUE(first.ok());
  CancellationToken cancel;
  std::optional<absl::StatusCode> code;
  std::thread waiter([&] { code = admission.Admit(cancel).status().code(); });
  while (admission.counts().queued != 1) std::this_thread::yield();
  cancel.Cancel();
  waiter.join();
  EXPECT_EQ(code, absl::StatusCode::kCancelled);
  EXPECT_EQ(admission.counts().queued, 0);
  EXPECT_EQ(admission.counts().running, 1);
}

TEST(AdmissionControl, ZeroQueueRejectsWhenBusy) {
  AdmissionControl admission({.max_running = 2, .max_queued = 0});
  CancellationToken never;
  const auto a = admission.Admit(never);
  const auto b = admission.Admit(never);
  const auto c = admission.Admit(never);
  EXPECT_TRUE(a.ok());
  EXPECT_TRUE(b.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace sopu::server
