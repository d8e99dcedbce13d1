#include "service/server/progress_relay.h"

namespace sopu::server {

void ProgressRelay::Report(const Progress& progress) {
  std::lock_guard lock(mu_);
  latest_ = progress;
}

void ProgressRelay::Finish() {
  {
    std::lock_guard lock(mu_);
    finished_ = true;
  }
  finished_cv_.notify_all();
}

bool ProgressRelay::WaitTick(std::chrono::milliseconds interval) {
  std::unique_lock lock(mu_);
  return !finished_cv_.wait_for(lock, interval, [this] { return finished_; });
}

std::optional<Progress> ProgressRelay::Latest() {
  std::lock_guard lock(mu_);
  return latest_;
}

}  // namespace sopu::server
