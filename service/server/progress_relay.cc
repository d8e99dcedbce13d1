#include "service/server/progress_relay.h"

#include <utility>

namespace sopu::server {

void ProgressRelay::Report(const Progress& progress) {
  std::lock_guard lock(mu_);
  latest_ = progress;
  latest_->improved_group_of = nullptr;
}

void ProgressRelay::ReportImprovement(sopu::v1::GroupsImprovement improvement) {
  std::lock_guard lock(mu_);
  improvement_ = std::move(improvement);
}

std::optional<sopu::v1::GroupsImprovement> ProgressRelay::TakeImprovement() {
  std::lock_guard lock(mu_);
  std::optional<sopu::v1::GroupsImprovement> out = std::move(improvement_);
  improvement_.reset();
  return out;
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
