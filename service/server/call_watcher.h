// CallWatcher turns a gRPC call's cancellation and deadline into the
// engine's CancellationToken: a small thread polls `is_cancelled` (e.g.
// ServerContext::IsCancelled, thread-safe in the sync API) and the clock
// every kPoll, and cancels the token when the client cancelled, the deadline
// passed, or the server is stopping. The library cannot interrupt a handler
// (grpc.io guides/cancellation.md); this is how the solvers learn about it.
//
// Cost: one thread per watched call, waking every kPoll (5 ms); the
// solvers' own polling interval adds to the cancel-to-stop latency.
// The watcher stops (and joins) when destroyed. Not copyable or movable.
#ifndef SOPU_SERVICE_SERVER_CALL_WATCHER_H_
#define SOPU_SERVICE_SERVER_CALL_WATCHER_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "engine/common/cancellation.h"

namespace sopu::server {

class CallWatcher {
 public:
  static constexpr std::chrono::milliseconds kPoll{5};
  // kDeadlineSlack: a client cancel this close to the deadline is taken for
  // the deadline (clocks and gRPC's own timer differ by a few ms).
  static constexpr std::chrono::milliseconds kDeadlineSlack{50};

  // CallWatcher starts watching. `deadline`: none when nullopt.
  // `stopping` (may be null) is a server-wide flag that cancels every call.
  // `token` must outlive the watcher.
  CallWatcher(std::function<bool()> is_cancelled,
              std::optional<std::chrono::steady_clock::time_point> deadline,
              const std::atomic<bool>* stopping, CancellationToken& token);
  CallWatcher(const CallWatcher&) = delete;
  CallWatcher& operator=(const CallWatcher&) = delete;
  ~CallWatcher();

  // deadline_passed: whether the token was cancelled by the deadline.
  [[nodiscard]] bool deadline_passed() const {
    return deadline_passed_.load(std::memory_order_relaxed);
  }

 private:
  void Watch(const std::function<bool()>& is_cancelled,
             std::optional<std::chrono::steady_clock::time_point> deadline,
             const std::atomic<bool>* stopping, CancellationToken& token);

  std::mutex mu_;
  std::condition_variable wake_;
  bool done_ = false;
  std::atomic<bool> deadline_passed_{false};
  std::thread thread_;
};

// SteadyDeadline converts a gRPC deadline (system clock; "infinite" is far
// in the future) to the steady clock; nullopt when more than a day away.
[[nodiscard]] std::optional<std::chrono::steady_clock::time_point>
SteadyDeadline(std::chrono::system_clock::time_point deadline);

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_CALL_WATCHER_H_
