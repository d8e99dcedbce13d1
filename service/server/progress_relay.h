// ProgressRelay hands a solver's progress from the solving thread to the
// thread writing a server stream. It keeps only the latest report, so a slow
// client never slows the solver, and it paces the writer with its own clock
// (WaitTick), so the stream carries a few messages a second even while the
// solver reports rarely. Improving solutions are kept the same way: only
// the latest one waits to be sent. Thread-safe: any thread may Report and
// Finish; one thread calls WaitTick.
#ifndef SOPU_SERVICE_SERVER_PROGRESS_RELAY_H_
#define SOPU_SERVICE_SERVER_PROGRESS_RELAY_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "engine/common/cancellation.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::server {

class ProgressRelay {
 public:
  // Report replaces the latest progress.
  void Report(const Progress& progress);
  // Finish ends the relay: WaitTick returns false from now on, at once.
  void Finish();
  // WaitTick waits `interval`; false when finished (before or meanwhile).
  [[nodiscard]] bool WaitTick(std::chrono::milliseconds interval);
  // Latest: the last progress reported, if any. Its improved_group_of is
  // always null (it pointed into the solver's state).
  [[nodiscard]] std::optional<Progress> Latest();
  // ReportImprovement replaces the improving solution waiting to be sent.
  void ReportImprovement(sopu::v1::GroupsImprovement improvement);
  // TakeImprovement: the waiting improving solution, if any; it is then no
  // longer waiting.
  [[nodiscard]] std::optional<sopu::v1::GroupsImprovement> TakeImprovement();

 private:
  std::mutex mu_;
  std::condition_variable finished_cv_;
  std::optional<Progress> latest_;
  std::optional<sopu::v1::GroupsImprovement> improvement_;
  bool finished_ = false;
};

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_PROGRESS_RELAY_H_
