// CallContext: what every long-running entry point of the engine takes from
// its caller — a cancellation token, a progress callback and an
// improving-solution callback — so that the command line, the gRPC server
// and (later) stored runs drive every workflow the same way.
//
// Invariants: every member may be null / empty (a default CallContext runs
// to completion silently). Callbacks are called from the solving thread, a
// few times a second at most; an Improvement and the Progress it comes with
// are valid only during the call. The context is borrowed, never stored
// past the call it was passed to.
#ifndef SOPU_ENGINE_COMMON_CALL_CONTEXT_H_
#define SOPU_ENGINE_COMMON_CALL_CONTEXT_H_

#include <functional>
#include <string>
#include <vector>

#include "engine/common/cancellation.h"

namespace sopu {

// Improvement is an improving solution of a grouping search, in the
// caller's terms: the groups of one part of the problem (a key value, empty
// when the problem has one part) as participant ids, and its objective.
struct Improvement {
  std::string part;
  double objective = 0.0;
  std::vector<std::vector<std::string>> groups;
};

using ImprovementCallback = std::function<void(const Improvement&)>;

struct CallContext {
  const CancellationToken* cancel = nullptr;
  ProgressCallback progress{};
  ImprovementCallback improved{};

  [[nodiscard]] bool cancelled() const {
    return cancel != nullptr && cancel->cancelled();
  }
};

}  // namespace sopu

#endif  // SOPU_ENGINE_COMMON_CALL_CONTEXT_H_
