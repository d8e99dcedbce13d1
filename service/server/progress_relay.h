// ProgressRelay hands a solver's progress from the solving thread to the
// thread writing a server stream. It keeps only the latest report, so a slow
// client never slows the solver, and it paces the writer with its own clock
// (WaitTick), so the stream carries a few messages a second even while the
// solver reports rarely. Thread-safe: any thread may Report and Finish; one
// thread calls WaitTick.
#ifndef SOPU_SERVICE_SERVER_PROGRESS_RELAY_H_
#define SOPU_SERVICE_SERVER_PROGRESS_RELAY_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "engine/common/cancellation.h"

namespace sopu::server {

class ProgressRelay {
 public:
  // Report replaces the latest progress.
  void Report(const Progress& progress);
  // Finish ends the relay: WaitTick returns false from now on, at once.
  void Finish();
  // WaitTick waits `interval`; false when finished (before or meanwhile).
  [[nodiscard]] bool WaitTick(std::chrono::milliseconds interval);
  // Latest: the last progress reported, if any.
  [[nodiscard]] std::optional<Progress> Latest();

 private:
  std::mutex mu_;
  std::condition_variable finished_cv_;
  std::optional<Progress> latest_;
  bool finished_ = false;
};

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_PROGRESS_RELAY_H_
