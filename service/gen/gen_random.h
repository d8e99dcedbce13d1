// GenRandom: the generator's seeded random stream. Its distributions are
// written out here (not std::*_distribution, whose algorithms differ between
// standard libraries), so a seed gives the same cohort on every platform.
#ifndef SOPU_SERVICE_GEN_GEN_RANDOM_H_
#define SOPU_SERVICE_GEN_GEN_RANDOM_H_

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

namespace sopu::gen {

// MixSeed derives an independent seed for item `index` of a batch
// (SplitMix64 finaliser of seed + golden-ratio * (index + 1)).
[[nodiscard]] inline std::uint64_t MixSeed(std::uint64_t seed,
                                           std::uint64_t index) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (index + 1);
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

class GenRandom {
 public:
  explicit GenRandom(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1), 53 random bits.
  double Real() { return static_cast<double>(engine_() >> 11U) * 0x1.0p-53; }
  double Real(double lo, double hi) { return lo + (hi - lo) * Real(); }
  // Uniform integer in lo..hi (inclusive).
  int Int(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>(engine_() % span);
  }
  bool Chance(double p) { return Real() < p; }
  // Standard normal (Box-Muller, one value per call).
  double Normal() {
    const double u = 1.0 - Real();  // (0, 1]
    const double v = Real();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
  }
  // Index drawn with probability proportional to `weights` (> 0 sum).
  int Pick(const std::vector<double>& weights) {
    double total = 0.0;
    for (const double w : weights) total += w;
    double r = Real() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      r -= weights[i];
      if (r < 0.0) return static_cast<int>(i);
    }
    return static_cast<int>(weights.size()) - 1;
  }
  // Shuffle: Fisher-Yates.
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      const auto j = static_cast<std::size_t>(engine_() % i);
      std::swap(v[i - 1], v[j]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace sopu::gen

#endif  // SOPU_SERVICE_GEN_GEN_RANDOM_H_
