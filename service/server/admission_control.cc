#include "service/server/admission_control.h"

#include <algorithm>

#include "service/server/status_mapping.h"

namespace sopu::server {

AdmissionControl::Ticket::~Ticket() {
  if (owner_ != nullptr) owner_->Release();
}

AdmissionControl::AdmissionControl(const AdmissionOptions& options)
    : options_(options) {}

absl::StatusOr<AdmissionControl::Ticket> AdmissionControl::Admit(
    const CancellationToken& cancel, const std::function<void()>& before_wait) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(mu_);
  if (waiting_.empty() && running_ < options_.max_running) {
    ++running_;
    return Ticket(this, std::chrono::steady_clock::duration::zero());
  }
  if (static_cast<int>(waiting_.size()) >= options_.max_queued) {
    ++rejected_;
    return QueueFullError(options_.retry_delay);
  }
  const std::uint64_t number = next_number_++;
  waiting_.push_back(number);
  if (before_wait) {
    lock.unlock();
    before_wait();
    lock.lock();
  }
  while (true) {
    if (cancel.cancelled()) {
      waiting_.erase(std::find(waiting_.begin(), waiting_.end(), number));
      changed_.notify_all();
      return absl::CancelledError("cancelled while waiting for a solver slot");
    }
    if (waiting_.front() == number && running_ < options_.max_running) {
      waiting_.pop_front();
      ++running_;
      changed_.notify_all();
      return Ticket(this, std::chrono::steady_clock::now() - start);
    }
    changed_.wait_for(lock, kQueuePoll);
  }
}

AdmissionControl::Counts AdmissionControl::counts() const {
  std::lock_guard lock(mu_);
  return {.running = running_,
          .queued = static_cast<int>(waiting_.size()),
          .rejected = rejected_};
}

void AdmissionControl::Release() {
  std::lock_guard lock(mu_);
  --running_;
  changed_.notify_all();
}

}  // namespace sopu::server
