// SearchControl: when a grouping search must stop (deadline, cancellation),
// and the seeded random numbers its workers draw.
//
// Random streams: every unit of work (a population member, a child of a
// round) gets its own generator seeded from (seed, stream id) through
// SplitMix64, so the units' results do not depend on which thread runs them
// or in which order.
#ifndef SOPU_ENGINE_GROUPS_SEARCH_CONTROL_H_
#define SOPU_ENGINE_GROUPS_SEARCH_CONTROL_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <random>

#include "engine/common/cancellation.h"

namespace sopu {

using SearchClock = std::chrono::steady_clock;

// StopSignal: Expired() once the deadline has passed or the token is
// cancelled. Cheap enough to poll once per search iteration (a relaxed
// atomic load and a vDSO clock read). Shared read-only between threads.
class StopSignal {
 public:
  StopSignal(SearchClock::time_point deadline, const CancellationToken* token)
      : deadline_(deadline), token_(token) {}

  [[nodiscard]] bool Expired() const {
    if (token_ != nullptr && token_->cancelled()) return true;
    return SearchClock::now() >= deadline_;
  }
  [[nodiscard]] bool Cancelled() const {
    return token_ != nullptr && token_->cancelled();
  }

 private:
  SearchClock::time_point deadline_;
  const CancellationToken* token_;
};

// SplitMix64: a well-mixed 64-bit value from x (Steele, Lea & Flood 2014).
[[nodiscard]] inline std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31U);
}

// SearchRng: the generator every grouping search unit uses.
class SearchRng {
 public:
  SearchRng(std::uint64_t seed, std::uint64_t stream)
      : engine_(
            SplitMix64(SplitMix64(seed) ^ (stream * 0xd1342543de82ef95ULL))) {}

  // Below: uniform in 0..bound-1 (bound > 0); the modulo bias is below
  // 2^-32 for the bounds a grouping search uses.
  [[nodiscard]] int Below(int bound) {
    return static_cast<int>(engine_() % static_cast<std::uint64_t>(bound));
  }
  // Between: uniform in lo..hi inclusive.
  [[nodiscard]] int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  // Unit: uniform in [0, 1).
  [[nodiscard]] double Unit() {
    return static_cast<double>(engine_() >> 11U) * 0x1.0p-53;
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_SEARCH_CONTROL_H_
