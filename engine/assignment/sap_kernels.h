// The vectorised row loops of SapCore (private to engine/assignment): cost
// storage types, their sentinels, and the scans over one row of the cost
// matrix.
//
// Storage S and value type V = SapTraits<S>::Value:
//   std::int16_t -> std::int32_t  integer costs within +-kMaxCost (32766;
//                                  forbidden: 32767, widened to
//                                  kForbidden): half the memory traffic of
//                                  int32 in the row scans;
//   std::int32_t -> std::int32_t  integer costs in [0, 2^24);
//   double       -> double        anything else.
// With integers SapCore's bounds (sap_core.h) keep |u|, |v| < kLimit = 2^25
// and every distance below 2^27; with the sentinels below, every h + c and
// dv - vm then stays inside int32 and a settled column is never improved.
//
// Every kernel computes exactly the value of its scalar definition (integer
// arithmetic, or IEEE double min/compare without contraction), whichever
// instruction set runs it: AVX2 (picked at load time on x86-64) or the
// baseline.
#ifndef SOPU_ENGINE_ASSIGNMENT_SAP_KERNELS_H_
#define SOPU_ENGINE_ASSIGNMENT_SAP_KERNELS_H_

#include <cstdint>
#include <limits>
#include <vector>

namespace sopu::assignment_internal {

template <typename S>
struct SapTraits;

// SapIntTraits: the int32 value sentinels shared by both integer storages.
// A search keeps, per column, dv = (tentative distance) + v_j, the best
// h + c_ij seen (h = distance of row i minus u_i), and vm = v_j; a settled
// column gets dv = kSettledDv (never improved) and vm = kSettledV, so that
// dv - vm = kSettled.
struct SapIntTraits {
  using Value = std::int32_t;
  // A forbidden pair's (widened) cost.
  static constexpr std::int32_t kForbidden = 1 << 28;
  // dv of a column not reached yet (distance >= 2^29 - 2^25).
  static constexpr std::int32_t kUnset = 1 << 29;
  // Distances at or above this are not paths (they used a forbidden pair).
  static constexpr std::int32_t kUnreachable = 1 << 27;
  // A settled column's distance: above every legitimate one.
  static constexpr std::int32_t kSettled = 1 << 27;
  // Below every h + c_ij (> -2^26).
  static constexpr std::int32_t kSettledDv = -(1 << 30);
  static constexpr std::int32_t kSettledV = kSettledDv - kSettled;
  static constexpr std::int32_t kLimit = 1 << 25;
};

template <>
struct SapTraits<std::int16_t> : SapIntTraits {
  // kStoredForbidden: how a forbidden pair is stored; costs are below it.
  static constexpr std::int16_t kStoredForbidden = 32767;
  static constexpr std::int32_t kMaxCost = kStoredForbidden - 1;
  static std::int32_t Widen(std::int16_t c) {
    return c == kStoredForbidden ? kForbidden : c;
  }
};

template <>
struct SapTraits<std::int32_t> : SapIntTraits {
  static constexpr std::int32_t kStoredForbidden = kForbidden;
  static constexpr std::int32_t kMaxCost = (1 << 24) - 1;
  static std::int32_t Widen(std::int32_t c) { return c; }
};

template <>
struct SapTraits<double> {
  using Value = double;
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  static constexpr double kForbidden = kInf;
  static constexpr double kStoredForbidden = kInf;
  static constexpr double kUnset = kInf;
  static constexpr double kUnreachable = kInf;
  static constexpr double kSettled = kInf;
  // -DBL_MAX - (-inf) = +inf = kSettled; below every finite h + c_ij.
  static constexpr double kSettledDv = std::numeric_limits<double>::lowest();
  static constexpr double kSettledV = -kInf;
  static constexpr double kLimit = kInf;
  static double Widen(double c) { return c; }
};

// RelaxRow: for j < n, r = h + Widen(c[j]); where r < dv[j]: dv[j] = r,
// pred[j] = row. Blocks of columns that no entry improves are only read.
// `next` (may be null): the row to be relaxed next, of the same length; its
// cache lines are prefetched meanwhile (integer storage with AVX2), which
// hides the memory latency of a row that is not in cache. `forbidden`:
// whether c may hold kStoredForbidden (int16 only; false skips the test).
void RelaxRow(const std::int16_t* c, std::int32_t* dv, std::int32_t* pred,
              int n, std::int32_t h, std::int32_t row, const std::int16_t* next,
              bool forbidden);
void RelaxRow(const std::int32_t* c, std::int32_t* dv, std::int32_t* pred,
              int n, std::int32_t h, std::int32_t row, const std::int32_t* next,
              bool forbidden);
void RelaxRow(const double* c, double* dv, std::int32_t* pred, int n, double h,
              std::int32_t row, const double* next, bool forbidden);

// NearestColumns: m = min_j (dv[j] - vm[j]) over j < n (kUnset when n is 0)
// and, in index order, every j at that distance, written to `at` (cleared
// first). One pass.
std::int32_t NearestColumns(const std::int32_t* dv, const std::int32_t* vm,
                            int n, std::vector<int>* at);
double NearestColumns(const double* dv, const double* vm, int n,
                      std::vector<int>* at);

// RowMin: min_j Widen(c[j]) for j < n (kUnset when n == 0).
std::int32_t RowMin(const std::int16_t* c, int n);
std::int32_t RowMin(const std::int32_t* c, int n);
double RowMin(const double* c, int n);

// ReducedMin: min_j (Widen(c[j]) - v[j]) for j in [begin, end).
std::int32_t ReducedMin(const std::int16_t* c, const std::int32_t* v, int begin,
                        int end);
std::int32_t ReducedMin(const std::int32_t* c, const std::int32_t* v, int begin,
                        int end);
double ReducedMin(const double* c, const double* v, int begin, int end);

// TwoMinResult, TwoMin: over x_j = Widen(c[j]) - v[j], j < n: the smallest
// value m1 at its first index j1, and the smallest value m2 over the other
// columns at its first index j2 (kUnset and -1 when missing). One pass.
template <typename V>
struct TwoMinResult {
  V m1;
  int j1;
  V m2;
  int j2;
};
TwoMinResult<std::int32_t> TwoMin(const std::int16_t* c, const std::int32_t* v,
                                  int n);
TwoMinResult<std::int32_t> TwoMin(const std::int32_t* c, const std::int32_t* v,
                                  int n);
TwoMinResult<double> TwoMin(const double* c, const double* v, int n);

// NegatedScan: what ScanNegate learns about c = -s.
struct NegatedScan {
  bool integral = true;   // every score an integer
  bool fits = true;       // every |score| <= SapTraits<int16_t>::kMaxCost
  std::int32_t cmin = 0;  // min(0, c) over the scores that fit
  std::int32_t cmax = 0;  // max(0, c) over the scores that fit
};

// ScanNegate: writes c[k] = -s[k] for k < n (exact when s[k] is an integer
// with |s[k]| <= kMaxCost, else 0) and folds the row into *scan. One pass.
void ScanNegate(const double* s, std::int16_t* c, int n, NegatedScan* scan);

// ColumnMinUpdate: for j < n, where Widen(c[j]) < colmin[j]:
// colmin[j] = Widen(c[j]), arg[j] = row.
void ColumnMinUpdate(const std::int16_t* c, std::int32_t* colmin,
                     std::int32_t* arg, int n, std::int32_t row);
void ColumnMinUpdate(const std::int32_t* c, std::int32_t* colmin,
                     std::int32_t* arg, int n, std::int32_t row);
void ColumnMinUpdate(const double* c, double* colmin, std::int32_t* arg, int n,
                     std::int32_t row);

}  // namespace sopu::assignment_internal

#endif  // SOPU_ENGINE_ASSIGNMENT_SAP_KERNELS_H_
