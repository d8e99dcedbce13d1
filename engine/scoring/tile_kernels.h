// TileKernels: the single-precision, vectorisable passes ComputeMatrix runs
// over one row segment (one mentee against a run of n consecutive mentors).
//
// Each pass evaluates one criterion for the whole segment in one loop without
// data-dependent branches: it adds weight * value to the segment's scores and
// folds its hard predicate into the segment's working verdicts. The caller
// runs the passes in policy order, so every score is accumulated in the same
// order whatever the tiling or thread count (bit-identical results).
//
// Working verdicts are floats holding small integers (one-instruction min on
// any SIMD level; kOpenVerdict = no rule forbids the pair yet); a failing
// rule with code `code` lowers it to min(verdict, code), so the final verdict
// is the smallest failing code, i.e. the first rule in verdict order,
// whatever order the passes ran in. FinishSegment maps them to the
// bytes of ScoreMatrix::verdicts.
//
// Passes whose predicate is compared with a threshold in float (coverage,
// geo distance) flag the pairs within a margin of the threshold (well above
// the float error) in `border` and leave their verdict alone; the caller
// decides those in double precision (pair_evaluation.h), so the matrix and
// Explain give the same verdicts.
//
// Every pass is O(n) (overlap: O(n * words)) with no allocation.
#ifndef SOPU_ENGINE_SCORING_TILE_KERNELS_H_
#define SOPU_ENGINE_SCORING_TILE_KERNELS_H_

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace sopu::scoring_internal {

// kOpenVerdict marks a working verdict no rule has forbidden yet.
inline constexpr float kOpenVerdict = 255.0F;

// Segment is one row's run of n columns. `scores` points into the score
// matrix; the other arrays are per-thread scratch of at least n entries.
struct Segment {
  float* scores = nullptr;
  float* verdicts = nullptr;
  std::int32_t* border = nullptr;
  std::int32_t* counts = nullptr;
  int n = 0;
};

// PassWeight says what a pass contributes: `weight` (the criterion's weight
// over the policy's weight sum; 0 = no score contribution) and `code` (its
// verdict code when hard, or -1 when soft).
struct PassWeight {
  float weight = 0.0F;
  std::int32_t code = -1;
  [[nodiscard]] bool scores() const { return weight != 0.0F; }
  [[nodiscard]] bool hard() const { return code >= 0; }
};

// OpenVerdicts starts a segment: kForbiddenSameOrganisation where
// `row_org` >= 0 equals col_org[c], else kOpenVerdict. `col_org` may be null
// when the policy does not forbid same-organisation pairs.
void OpenVerdicts(std::int32_t row_org, const std::int32_t* col_org,
                  const Segment& seg);

// ForbidAll folds `code` into every verdict of the segment (a hard criterion
// that fails for the whole row, e.g. the mentee has no value).
void ForbidAll(std::int32_t code, const Segment& seg);

// CategoricalPass: similar (v = col[c] == row) or, when `different`,
// different (v = col[c] >= 0 && col[c] != row). Codes are -1 when missing;
// requires row >= 0 (a mentee without a value has v = 0 for every column).
void CategoricalPass(bool different, std::int32_t row, const std::int32_t* col,
                     PassWeight pw, const Segment& seg);

// OverlapPass: shared = sum_w popcount(row_words[w] & col_words[w][c]),
// v = min(1, shared / saturation), holds iff shared >= minimum.
// `col_words` is word-major with `word_stride` between words.
struct OverlapParams {
  const std::uint32_t* row_words = nullptr;
  const std::uint32_t* col_words = nullptr;
  std::ptrdiff_t word_stride = 0;
  int words = 0;
  float inv_saturation = 1.0F;
  std::int32_t minimum = 1;
};
void OverlapPass(const OverlapParams& p, PassWeight pw, const Segment& seg);

// GeoPass: points are unit vectors minus a common reference (smaller
// magnitudes, so less rounding); columns without coordinates sit far away
// (every component 8: never within reach, never near the threshold).
// d2 = |u_row - u_col|^2, clamped to chord_max^2 for the value;
// km = 2 R asin(sqrt(d2) / 2), v = max(0, 1 - km / max_km) (times col_valid
// in the full range, where the clamp alone does not reach 0);
// holds iff d2 <= chord_max^2. Returns whether some pair was flagged in
// seg.border (|d2 - chord_max^2| <= chord2_slack).
enum class AsinRange {
  kRegional,  // argument <= 0.05 (max_km <= 637): 3-term series, relative
              // error below 1e-9
  kHalf,      // argument <= 0.5 (max_km <= 6671): AsinSmall
  kFull,      // any argument: AsinFull
};
// kFarAway is each coordinate of a column without a location.
inline constexpr float kFarAway = 8.0F;
struct GeoParams {
  float row_x = 0.0F, row_y = 0.0F, row_z = 0.0F;
  const float* col_x = nullptr;
  const float* col_y = nullptr;
  const float* col_z = nullptr;
  const float* col_valid = nullptr;  // 1 or 0; read in kFull only
  float chord2_max = 0.0F;           // (2 sin(min(max_km / 2R, pi / 2)))^2
  float chord2_slack = 0.0F;         // d2 this close to chord2_max is rechecked
  float km_scale = 0.0F;             // 2 R / max_km
  AsinRange range = AsinRange::kFull;
};
[[nodiscard]] bool GeoPass(const GeoParams& p, PassWeight pw,
                           const Segment& seg);

// GapPass. The predicate is exact: the caller turns "lo <= d <= hi" with
// d = mentor - mentee computed in double (|d| when absolute) into one or two
// ranges of the ranks of the columns' distinct values (d is monotone in the
// mentor's value), so inside = rank in [first, first + count) or in the
// second range; rank -1 = missing (fails, v = 0). The value uses the numbers
// centred on their mean, in float: d_f = col_value[c] - row_value (|d_f| when
// absolute), v = 1 inside, else max(0, 1 - max(lo - d_f, d_f - hi) *
// inv_tolerance).
struct GapParams {
  const std::int32_t* col_rank = nullptr;
  const float* col_value = nullptr;
  std::int32_t first = 0;
  std::int32_t first_count = 0;
  std::int32_t second = 0;
  std::int32_t second_count = 0;  // 0 unless absolute
  float row_value = 0.0F;
  float lo = 0.0F;
  float hi = 0.0F;  // +infinity when unbounded
  float inv_tolerance = 1.0F;
  bool absolute = false;
};
void GapPass(const GapParams& p, PassWeight pw, const Segment& seg);

// CoveragePass: hard complement from precomputed coverages v = coverage[c];
// holds iff v > 0 and v >= min_coverage. Returns whether some pair was
// flagged in seg.border (only when min_coverage > 0).
[[nodiscard]] bool CoveragePass(const float* coverage, float min_coverage,
                                PassWeight pw, const Segment& seg);

// FinishSegment clamps the scores to [0, 1] and writes the verdict bytes
// (kOpenVerdict -> kAllowed).
void FinishSegment(const Segment& seg, std::uint8_t* verdict_bytes);

// AsinSmall is asin(x) for 0 <= x <= 0.5 (Cephes asinf polynomial, relative
// error below 5e-7, tested); AsinFull covers 0 <= x <= 1 by the range reduction
// asin(x) = pi/2 - 2 asin(sqrt((1 - x) / 2)) above 0.5. Branch-free, so loops
// calling them vectorise.
[[nodiscard]] inline float AsinSmall(float x) {
  const float z = x * x;
  const float p =
      (((4.2163199048E-2F * z + 2.4181311049E-2F) * z + 4.5470025998E-2F) * z +
       7.4953002686E-2F) *
          z +
      1.6666752422E-1F;
  return x + x * z * p;
}

[[nodiscard]] inline float AsinFull(float x) {
  constexpr float kHalfPi = 1.57079632679489661923F;
  const bool big = x > 0.5F;
  const float z = big ? 0.5F * (1.0F - x) : x * x;
  const float t = big ? std::sqrt(z) : x;
  const float p =
      (((4.2163199048E-2F * z + 2.4181311049E-2F) * z + 4.5470025998E-2F) * z +
       7.4953002686E-2F) *
          z +
      1.6666752422E-1F;
  const float r = t + t * z * p;
  return big ? kHalfPi - 2.0F * r : r;
}

}  // namespace sopu::scoring_internal

#endif  // SOPU_ENGINE_SCORING_TILE_KERNELS_H_
