#include "service/server/call_watcher.h"

#include <utility>

namespace sopu::server {

CallWatcher::CallWatcher(
    std::function<bool()> is_cancelled,
    std::optional<std::chrono::steady_clock::time_point> deadline,
    const std::atomic<bool>* stopping, CancellationToken& token)
    : thread_(&CallWatcher::Watch, this, std::move(is_cancelled), deadline,
              stopping, std::ref(token)) {}

CallWatcher::~CallWatcher() {
  {
    std::lock_guard lock(mu_);
    done_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void CallWatcher::Watch(
    const std::function<bool()>& is_cancelled,
    std::optional<std::chrono::steady_clock::time_point> deadline,
    const std::atomic<bool>* stopping, CancellationToken& token) {
  std::unique_lock lock(mu_);
  while (!done_) {
    const auto now = std::chrono::steady_clock::now();
    if (deadline.has_value() && now >= *deadline) {
      deadline_passed_.store(true, std::memory_order_relaxed);
      token.Cancel();
      return;
    }
    if (is_cancelled && is_cancelled()) {
      // gRPC cancels an expired call itself, a little before our converted
      // deadline: count that as the deadline.
      if (deadline.has_value() && now + kDeadlineSlack >= *deadline) {
        deadline_passed_.store(true, std::memory_order_relaxed);
      }
      token.Cancel();
      return;
    }
    if (stopping != nullptr && stopping->load(std::memory_order_relaxed)) {
      token.Cancel();
      return;
    }
    wake_.wait_for(lock, kPoll);
  }
}

std::optional<std::chrono::steady_clock::time_point> SteadyDeadline(
    std::chrono::system_clock::time_point deadline) {
  const auto now = std::chrono::system_clock::now();
  if (deadline - now > std::chrono::hours(24)) return std::nullopt;
  return std::chrono::steady_clock::now() +
         std::chrono::duration_cast<std::chrono::steady_clock::duration>(
             deadline - now);
}

}  // namespace sopu::server
