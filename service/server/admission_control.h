// AdmissionControl bounds the work sopud accepts: at most `max_running`
// solves at once and at most `max_queued` calls waiting for a slot, served
// first come, first served. A call beyond both is rejected at once with
// RESOURCE_EXHAUSTED (reason SOLVER_QUEUE_FULL) and a RetryInfo, so overload
// is answered cheaply instead of piling up threads and memory (Google SRE
// book ch. 21–22). Cheap calls (Validate, health) do not pass through it.
//
// Thread-safe. Admit blocks only while the caller waits in the queue; the
// wait ends when a slot frees or the caller's token is cancelled (polled
// every kQueuePoll).
//
// Usage:
//   absl::StatusOr<AdmissionControl::Ticket> ticket = admission.Admit(token);
//   if (!ticket.ok()) return ticket.status();
//   ... solve; the slot is released when `ticket` is destroyed.
#ifndef SOPU_SERVICE_SERVER_ADMISSION_CONTROL_H_
#define SOPU_SERVICE_SERVER_ADMISSION_CONTROL_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>

#include "absl/status/statusor.h"
#include "engine/common/cancellation.h"

namespace sopu::server {

struct AdmissionOptions {
  // Solves running at once, 1..64. Default: 2 (one per core here).
  int max_running = 2;
  // Calls waiting for a slot, 0..10000. Default: 8.
  int max_queued = 8;
  // RetryInfo.retry_delay sent with a rejection. Default: 1 s.
  std::chrono::milliseconds retry_delay{1000};
};

class AdmissionControl {
 public:
  // kQueuePoll is how often a waiting call checks its token.
  static constexpr std::chrono::milliseconds kQueuePoll{5};

  // Ticket holds one running slot until destroyed. Move-only.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept
        : owner_(other.owner_), queue_wait_(other.queue_wait_) {
      other.owner_ = nullptr;
    }
    Ticket& operator=(Ticket&&) = delete;
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    ~Ticket();

    // queue_wait: how long the call waited for its slot.
    [[nodiscard]] std::chrono::steady_clock::duration queue_wait() const {
      return queue_wait_;
    }

   private:
    friend class AdmissionControl;
    Ticket(AdmissionControl* owner, std::chrono::steady_clock::duration wait)
        : owner_(owner), queue_wait_(wait) {}
    AdmissionControl* owner_;
    std::chrono::steady_clock::duration queue_wait_;
  };

  explicit AdmissionControl(const AdmissionOptions& options);
  AdmissionControl(const AdmissionControl&) = delete;
  AdmissionControl& operator=(const AdmissionControl&) = delete;

  // Admit returns a Ticket once a slot is free (at once when one is and
  // nobody queues). Errors: RESOURCE_EXHAUSTED (QueueFullError) when the
  // queue is full; CANCELLED when `cancel` is set while waiting.
  // `before_wait` (may be empty) runs once, without the lock, when the call
  // joins the queue — e.g. to start watching the call — so that immediate
  // admissions and rejections cost nothing more.
  [[nodiscard]] absl::StatusOr<Ticket> Admit(
      const CancellationToken& cancel,
      const std::function<void()>& before_wait = {});

  // Counters for logs and tests (a snapshot).
  struct Counts {
    int running = 0;
    int queued = 0;
    std::int64_t rejected = 0;
  };
  [[nodiscard]] Counts counts() const;

 private:
  void Release();

  const AdmissionOptions options_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  int running_ = 0;
  std::deque<std::uint64_t> waiting_;  // FIFO of waiting call numbers
  std::uint64_t next_number_ = 0;
  std::int64_t rejected_ = 0;
};

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_ADMISSION_CONTROL_H_
