#include "engine/scoring/tile_kernels.h"

#include <algorithm>
#include <cmath>

#include "engine/scoring/score_matrix.h"

// The loops below are written for the auto-vectoriser: restrict-qualified
// pointers, 32-bit lanes wherever possible, selects instead of branches.
// This file is compiled with -fno-math-errno -fno-trapping-math (without
// them GCC keeps sqrt and conditional adds scalar) and -ffp-contract=off (see
// engine/CMakeLists.txt).

// SOPU_KERNEL: each exported pass is compiled twice, for AVX2 and for the
// build's baseline, and picked at load time (GCC/Clang target_clones). Both
// run the same IEEE operations (no contraction into FMA), so results are
// identical on every machine; AVX2 only does 8 lanes at a time instead of 4.
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define SOPU_KERNEL __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef SOPU_KERNEL
#define SOPU_KERNEL
#endif
// SOPU_INLINE: helpers must be inlined into each clone to get its ISA.
#define SOPU_INLINE [[gnu::always_inline]] inline

namespace sopu::scoring_internal {
namespace {

// kCoverageSlack: complement coverages closer than this to min_coverage are
// decided in double precision. The float GEMM's error over T themes is below
// T * 6e-8, so under the slack up to ~300 themes.
constexpr float kCoverageSlack = 2e-5F;

SOPU_INLINE float Fold(float verdict, bool holds, float code) {
  return std::min(verdict, holds ? kOpenVerdict : code);
}

template <bool kScore, bool kHard, bool kDifferent>
SOPU_INLINE void CategoricalLoop(std::int32_t row,
                                 const std::int32_t* __restrict col,
                                 PassWeight pw, float* __restrict s,
                                 float* __restrict v, int n) {
  const float w = pw.weight;
  const auto code = static_cast<float>(pw.code);
  for (int c = 0; c < n; ++c) {
    const std::int32_t b = col[c];
    const bool match = kDifferent ? (b >= 0) & (b != row) : (b == row);
    if constexpr (kScore) s[c] += match ? w : 0.0F;
    if constexpr (kHard) v[c] = Fold(v[c], match, code);
  }
}

SOPU_INLINE std::uint32_t Popcount32(std::uint32_t x) {
  // SWAR popcount, vectorisable on any SIMD width (no popcnt instruction).
  x = x - ((x >> 1U) & 0x55555555U);
  x = (x & 0x33333333U) + ((x >> 2U) & 0x33333333U);
  x = (x + (x >> 4U)) & 0x0F0F0F0FU;
  x = x + (x >> 8U);
  x = x + (x >> 16U);
  return x & 0x3FU;
}

SOPU_INLINE void CountShared(const OverlapParams& p,
                             std::int32_t* __restrict counts, int n) {
  std::fill(counts, counts + n, 0);
  for (int w = 0; w < p.words; ++w) {
    const std::uint32_t a = p.row_words[w];
    if (a == 0) continue;
    const std::uint32_t* __restrict b = p.col_words + w * p.word_stride;
    for (int c = 0; c < n; ++c) {
      counts[c] += static_cast<std::int32_t>(Popcount32(a & b[c]));
    }
  }
}

// OverlapLoop: kOneWord reads the shared count straight from the single
// bitset word; otherwise from `counts` (CountShared).
template <bool kOneWord, bool kScore, bool kHard>
SOPU_INLINE void OverlapLoop(const OverlapParams& p, PassWeight pw,
                             const std::int32_t* __restrict counts,
                             float* __restrict s, float* __restrict v, int n) {
  const std::uint32_t* __restrict words = p.col_words;
  const std::uint32_t row = p.row_words[0];
  const float w = pw.weight;
  const auto code = static_cast<float>(pw.code);
  const float inv_saturation = p.inv_saturation;
  const std::int32_t minimum = p.minimum;
  for (int c = 0; c < n; ++c) {
    const std::int32_t shared =
        kOneWord ? static_cast<std::int32_t>(Popcount32(row & words[c]))
                 : counts[c];
    if constexpr (kScore) {
      s[c] += w * std::min(1.0F, static_cast<float>(shared) * inv_saturation);
    }
    if constexpr (kHard) v[c] = Fold(v[c], shared >= minimum, code);
  }
}

template <bool kOneWord>
SOPU_INLINE void OverlapDispatch(const OverlapParams& p, PassWeight pw,
                                 const Segment& seg) {
  if (pw.scores() && pw.hard()) {
    OverlapLoop<kOneWord, true, true>(p, pw, seg.counts, seg.scores,
                                      seg.verdicts, seg.n);
  } else if (pw.scores()) {
    OverlapLoop<kOneWord, true, false>(p, pw, seg.counts, seg.scores,
                                       seg.verdicts, seg.n);
  } else if (pw.hard()) {
    OverlapLoop<kOneWord, false, true>(p, pw, seg.counts, seg.scores,
                                       seg.verdicts, seg.n);
  }
}

// KmOverMax returns 2 R asin(sqrt(d2) / 2) / max_km for d2 <= chord2_max.
// In the regional range it uses asin(c / 2) = (c / 2)(1 + c^2/24 + 3c^4/640
// + ...), relative error below 1e-9 for c <= 0.1, so d2 is used directly.
template <AsinRange kRange>
SOPU_INLINE float KmOverMax(float d2, float km_scale) {
  const float chord = std::sqrt(d2);
  if constexpr (kRange == AsinRange::kRegional) {
    return 0.5F * km_scale * chord *
           (1.0F + d2 * (1.0F / 24.0F + d2 * (3.0F / 640.0F)));
  } else if constexpr (kRange == AsinRange::kHalf) {
    return km_scale * AsinSmall(0.5F * chord);
  } else {
    return km_scale * AsinFull(std::min(1.0F, 0.5F * chord));
  }
}

template <AsinRange kRange, bool kScore, bool kHard>
SOPU_INLINE bool GeoLoop(const GeoParams& p, PassWeight pw, float* __restrict s,
                         float* __restrict v, std::int32_t* __restrict border,
                         int n) {
  const float* __restrict x = p.col_x;
  const float* __restrict y = p.col_y;
  const float* __restrict z = p.col_z;
  const float* __restrict valid = p.col_valid;
  const float rx = p.row_x;
  const float ry = p.row_y;
  const float rz = p.row_z;
  const float chord2_max = p.chord2_max;
  const float chord2_slack = p.chord2_slack;
  const float km_scale = p.km_scale;
  const float w = pw.weight;
  const auto code = static_cast<float>(pw.code);
  std::int32_t any_border = 0;
  for (int c = 0; c < n; ++c) {
    const float dx = x[c] - rx;
    const float dy = y[c] - ry;
    const float dz = z[c] - rz;
    const float d2 = dx * dx + dy * dy + dz * dz;
    if constexpr (kScore) {
      const float km_ratio =
          KmOverMax<kRange>(std::min(d2, chord2_max), km_scale);
      float value = std::max(0.0F, 1.0F - km_ratio);
      if constexpr (kRange == AsinRange::kFull) value *= valid[c];
      s[c] += w * value;
    }
    if constexpr (kHard) {
      const bool near = std::fabs(d2 - chord2_max) <= chord2_slack;
      border[c] = near ? 1 : 0;
      any_border |= border[c];
      v[c] = Fold(v[c], (d2 <= chord2_max) | near, code);
    }
  }
  return any_border != 0;
}

template <bool kAbsolute, bool kScore, bool kHard>
SOPU_INLINE void GapLoop(const GapParams& p, PassWeight pw, float* __restrict s,
                         float* __restrict v, int n) {
  const std::int32_t* __restrict rank = p.col_rank;
  const float* __restrict value = p.col_value;
  const std::int32_t first = p.first;
  const auto first_count = static_cast<std::uint32_t>(p.first_count);
  const std::int32_t second = p.second;
  const auto second_count = static_cast<std::uint32_t>(p.second_count);
  const float row = p.row_value;
  const float lo = p.lo;
  const float hi = p.hi;
  const float inv_tolerance = p.inv_tolerance;
  const float w = pw.weight;
  const auto code = static_cast<float>(pw.code);
  for (int c = 0; c < n; ++c) {
    const std::int32_t r = rank[c];
    // Unsigned compares: rank - first < count <=> first <= rank < first +
    // count; rank -1 (missing) wraps to a huge value and fails.
    bool inside = static_cast<std::uint32_t>(r - first) < first_count;
    if constexpr (kAbsolute) {
      inside = inside | (static_cast<std::uint32_t>(r - second) < second_count);
    }
    if constexpr (kScore) {
      const float raw = value[c] - row;
      const float d = kAbsolute ? std::fabs(raw) : raw;
      const float outside = std::max(lo - d, d - hi);
      const float ramp = std::max(0.0F, 1.0F - outside * inv_tolerance);
      const float val = inside ? 1.0F : (r >= 0 ? ramp : 0.0F);
      s[c] += w * val;
    }
    if constexpr (kHard) v[c] = Fold(v[c], inside, code);
  }
}

template <bool kScore, bool kHard>
SOPU_INLINE bool CoverageLoop(const float* __restrict coverage,
                              float min_coverage, PassWeight pw,
                              float* __restrict s, float* __restrict v,
                              std::int32_t* __restrict border, int n) {
  const float w = pw.weight;
  const auto code = static_cast<float>(pw.code);
  const bool check_border = min_coverage > 0.0F;
  std::int32_t any_border = 0;
  for (int c = 0; c < n; ++c) {
    const float value = coverage[c];
    if constexpr (kScore) s[c] += w * value;
    if constexpr (kHard) {
      const bool holds = (value > 0.0F) & (value >= min_coverage);
      const bool near =
          check_border & (std::fabs(value - min_coverage) <= kCoverageSlack);
      border[c] = near ? 1 : 0;
      any_border |= border[c];
      v[c] = Fold(v[c], holds | near, code);
    }
  }
  return any_border != 0;
}

}  // namespace

constexpr auto kOrganisation = static_cast<float>(kForbiddenSameOrganisation);

SOPU_KERNEL void OpenVerdicts(std::int32_t row_org, const std::int32_t* col_org,
                              const Segment& seg) {
  float* __restrict v = seg.verdicts;
  const int n = seg.n;
  if (col_org == nullptr || row_org < 0) {
    std::fill(v, v + n, kOpenVerdict);
    return;
  }
  const std::int32_t* __restrict org = col_org;
  for (int c = 0; c < n; ++c) {
    v[c] = org[c] == row_org ? kOrganisation : kOpenVerdict;
  }
}

SOPU_KERNEL void ForbidAll(std::int32_t code, const Segment& seg) {
  float* __restrict v = seg.verdicts;
  const auto folded = static_cast<float>(code);
  const int n = seg.n;
  for (int c = 0; c < n; ++c) v[c] = std::min(v[c], folded);
}

SOPU_KERNEL void CategoricalPass(bool different, std::int32_t row,
                                 const std::int32_t* col, PassWeight pw,
                                 const Segment& seg) {
  float* s = seg.scores;
  float* v = seg.verdicts;
  const int n = seg.n;
  const bool score = pw.scores();
  const bool hard = pw.hard();
  if (different) {
    if (score && hard) CategoricalLoop<true, true, true>(row, col, pw, s, v, n);
    if (score && !hard) {
      CategoricalLoop<true, false, true>(row, col, pw, s, v, n);
    }
    if (!score && hard) {
      CategoricalLoop<false, true, true>(row, col, pw, s, v, n);
    }
  } else {
    if (score && hard) {
      CategoricalLoop<true, true, false>(row, col, pw, s, v, n);
    }
    if (score && !hard) {
      CategoricalLoop<true, false, false>(row, col, pw, s, v, n);
    }
    if (!score && hard) {
      CategoricalLoop<false, true, false>(row, col, pw, s, v, n);
    }
  }
}

SOPU_KERNEL void OverlapPass(const OverlapParams& p, PassWeight pw,
                             const Segment& seg) {
  if (p.words == 1) {
    OverlapDispatch<true>(p, pw, seg);
  } else {
    CountShared(p, seg.counts, seg.n);
    OverlapDispatch<false>(p, pw, seg);
  }
}

template <AsinRange kRange>
SOPU_INLINE bool GeoDispatch(const GeoParams& p, PassWeight pw,
                             const Segment& seg) {
  float* s = seg.scores;
  float* v = seg.verdicts;
  std::int32_t* b = seg.border;
  const int n = seg.n;
  if (pw.scores() && pw.hard()) {
    return GeoLoop<kRange, true, true>(p, pw, s, v, b, n);
  }
  if (pw.scores()) return GeoLoop<kRange, true, false>(p, pw, s, v, b, n);
  if (pw.hard()) return GeoLoop<kRange, false, true>(p, pw, s, v, b, n);
  return false;
}

SOPU_KERNEL bool GeoPass(const GeoParams& p, PassWeight pw,
                         const Segment& seg) {
  switch (p.range) {
    case AsinRange::kRegional:
      return GeoDispatch<AsinRange::kRegional>(p, pw, seg);
    case AsinRange::kHalf:
      return GeoDispatch<AsinRange::kHalf>(p, pw, seg);
    case AsinRange::kFull:
      break;
  }
  return GeoDispatch<AsinRange::kFull>(p, pw, seg);
}

template <bool kAbsolute>
SOPU_INLINE void GapDispatch(const GapParams& p, PassWeight pw,
                             const Segment& seg) {
  if (pw.scores() && pw.hard()) {
    GapLoop<kAbsolute, true, true>(p, pw, seg.scores, seg.verdicts, seg.n);
  } else if (pw.scores()) {
    GapLoop<kAbsolute, true, false>(p, pw, seg.scores, seg.verdicts, seg.n);
  } else if (pw.hard()) {
    GapLoop<kAbsolute, false, true>(p, pw, seg.scores, seg.verdicts, seg.n);
  }
}

SOPU_KERNEL void GapPass(const GapParams& p, PassWeight pw,
                         const Segment& seg) {
  if (p.absolute) {
    GapDispatch<true>(p, pw, seg);
  } else {
    GapDispatch<false>(p, pw, seg);
  }
}

SOPU_KERNEL bool CoveragePass(const float* coverage, float min_coverage,
                              PassWeight pw, const Segment& seg) {
  const bool score = pw.scores();
  const bool hard = pw.hard();
  float* s = seg.scores;
  float* v = seg.verdicts;
  std::int32_t* b = seg.border;
  const int n = seg.n;
  if (score && hard) {
    return CoverageLoop<true, true>(coverage, min_coverage, pw, s, v, b, n);
  }
  if (score) {
    return CoverageLoop<true, false>(coverage, min_coverage, pw, s, v, b, n);
  }
  if (hard) {
    return CoverageLoop<false, true>(coverage, min_coverage, pw, s, v, b, n);
  }
  return false;
}

SOPU_KERNEL void FinishSegment(const Segment& seg,
                               std::uint8_t* verdict_bytes) {
  float* __restrict s = seg.scores;
  const float* __restrict v = seg.verdicts;
  std::uint8_t* __restrict out = verdict_bytes;
  const int n = seg.n;
  for (int c = 0; c < n; ++c) {
    s[c] = std::min(1.0F, std::max(0.0F, s[c]));
    const float verdict = v[c] == kOpenVerdict ? 0.0F : v[c];
    out[c] = static_cast<std::uint8_t>(static_cast<std::int32_t>(verdict));
  }
}

}  // namespace sopu::scoring_internal
