// Cancellation and progress hooks shared by every solver: the terminal
// progress bar and the server's streaming use the same callback, and a
// cancelled call or an expired deadline reaches the solver through the token.
#ifndef SOPU_ENGINE_COMMON_CANCELLATION_H_
#define SOPU_ENGINE_COMMON_CANCELLATION_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace sopu {

// CancellationToken is set by its owner (any thread) and polled by solvers
// between units of work. Not copyable; shared by pointer.
class CancellationToken {
 public:
  CancellationToken() = default;
  CancellationToken(const CancellationToken&) = delete;
  CancellationToken& operator=(const CancellationToken&) = delete;

  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  [[nodiscard]] bool cancelled() const {
    return cancelled_.load(std::memory_order_relaxed);
  }

 private:
  std::atomic<bool> cancelled_{false};
};

// Progress is what a solver reports: work done out of work total (units
// chosen by the solver, e.g. mentees assigned), best objective so far, and
// (grouping solvers) the best solution when it improved since the last
// report and breaks no hard rule: the group of each element, valid only
// during the callback; nullptr otherwise.
struct Progress {
  std::int64_t done = 0;
  std::int64_t total = 0;
  double best_objective = 0.0;
  const std::vector<int>* improved_group_of = nullptr;
};

// ProgressCallback may be empty. Solvers call it a few times a second at
// most, from the solving thread.
using ProgressCallback = std::function<void(const Progress&)>;

}  // namespace sopu

#endif  // SOPU_ENGINE_COMMON_CANCELLATION_H_
