#include "engine/assignment/sap_kernels.h"

#include <algorithm>
#include <array>
#include <cstdint>

// SOPU_SAP_KERNEL: the portable loops are compiled for AVX2 and for the
// baseline and picked at load time (GCC/Clang target_clones). On integers
// RelaxRow (the hot loop), TwoMin and NearestColumns are also written with
// AVX2 intrinsics (SOPU_SAP_AVX2), picked at run time; every version
// computes the same values.
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define SOPU_SAP_KERNEL __attribute__((target_clones("avx2", "default")))
#endif
#if __has_attribute(target) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SOPU_SAP_AVX2 1
#endif
#endif
#ifndef SOPU_SAP_KERNEL
#define SOPU_SAP_KERNEL
#endif

namespace sopu::assignment_internal {
namespace {

template <typename S, typename V = typename SapTraits<S>::Value>
inline void RelaxRowImpl(const S* __restrict c, V* __restrict dv,
                         std::int32_t* __restrict pred, int n, V h,
                         std::int32_t row) {
  for (int j = 0; j < n; ++j) {
    const V r = h + SapTraits<S>::Widen(c[j]);
    const V old = dv[j];
    const bool better = r < old;
    dv[j] = better ? r : old;
    pred[j] = better ? row : pred[j];
  }
}

template <typename V>
inline V NearestColumnsImpl(const V* __restrict dv, const V* __restrict vm,
                            int begin, int n, V m, std::vector<int>* at) {
  for (int j = begin; j < n; ++j) {
    const V x = dv[j] - vm[j];
    if (x < m) {
      m = x;
      at->clear();
      at->push_back(j);
    } else if (x == m) {
      at->push_back(j);
    }
  }
  return m;
}

template <typename S, typename V = typename SapTraits<S>::Value>
inline V RowMinImpl(const S* __restrict c, int n) {
  V best = SapTraits<S>::kUnset;
  for (int j = 0; j < n; ++j) {
    const V x = SapTraits<S>::Widen(c[j]);
    best = x < best ? x : best;
  }
  return best;
}

template <typename S, typename V = typename SapTraits<S>::Value>
inline V ReducedMinImpl(const S* __restrict c, const V* __restrict v, int begin,
                        int end) {
  V best = SapTraits<S>::kUnset;
  for (int j = begin; j < end; ++j) {
    const V r = SapTraits<S>::Widen(c[j]) - v[j];
    best = r < best ? r : best;
  }
  return best;
}

template <typename S, typename V = typename SapTraits<S>::Value>
inline void ColumnMinUpdateImpl(const S* __restrict c, V* __restrict colmin,
                                std::int32_t* __restrict arg, int n,
                                std::int32_t row) {
  for (int j = 0; j < n; ++j) {
    const V x = SapTraits<S>::Widen(c[j]);
    const bool better = x < colmin[j];
    colmin[j] = better ? x : colmin[j];
    arg[j] = better ? row : arg[j];
  }
}

// TwoMinStep: the scalar update of TwoMin's running state with x_j.
template <typename V>
inline void TwoMinStep(TwoMinResult<V>& r, V x, int j) {
  if (x < r.m1) {
    r.m2 = r.m1;
    r.j2 = r.j1;
    r.m1 = x;
    r.j1 = j;
  } else if (x < r.m2) {
    r.m2 = x;
    r.j2 = j;
  }
}

template <typename S, typename V = typename SapTraits<S>::Value>
inline TwoMinResult<V> TwoMinImpl(const S* __restrict c, const V* __restrict v,
                                  int begin, int n, TwoMinResult<V> r) {
  for (int j = begin; j < n; ++j) {
    TwoMinStep(r, SapTraits<S>::Widen(c[j]) - v[j], j);
  }
  return r;
}

#ifdef SOPU_SAP_AVX2
// Load8: columns j..j+7 of an integer cost row, widened to int32 (with the
// forbidden test when kForbidden).
template <bool kForbidden, typename S>
__attribute__((target("avx2"))) inline __m256i Load8(const S* c) {
  if constexpr (sizeof(S) == 2) {
    const __m256i x = _mm256_cvtepi16_epi32(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(c)));
    if constexpr (!kForbidden) return x;
    const __m256i forbidden = _mm256_cmpeq_epi32(
        x, _mm256_set1_epi32(SapTraits<std::int16_t>::kStoredForbidden));
    return _mm256_blendv_epi8(x, _mm256_set1_epi32(SapIntTraits::kForbidden),
                              forbidden);
  } else {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(c));
  }
}

__attribute__((target("avx2"))) inline __m256i LoadInt(const std::int32_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

__attribute__((target("avx2"))) inline void StoreInt(std::int32_t* p,
                                                     __m256i x) {
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), x);
}

// RelaxRowAvx2: RelaxRowImpl on 16 columns per step; a step in which no
// entry improves stores nothing (most steps, once a search has grown). Each
// step also prefetches the same offset of `next`.
template <bool kForbidden, typename S>
__attribute__((target("avx2"))) void RelaxRowAvx2(const S* __restrict c,
                                                  std::int32_t* __restrict dv,
                                                  std::int32_t* __restrict pred,
                                                  int n, std::int32_t h,
                                                  std::int32_t row,
                                                  const S* next) {
  const S* ahead = next != nullptr ? next : c;
  const __m256i hv = _mm256_set1_epi32(h);
  const __m256i rowv = _mm256_set1_epi32(row);
  int j = 0;
  for (; j + 16 <= n; j += 16) {
    _mm_prefetch(reinterpret_cast<const char*>(ahead + j), _MM_HINT_T0);
    const __m256i r0 = _mm256_add_epi32(hv, Load8<kForbidden>(c + j));
    const __m256i r1 = _mm256_add_epi32(hv, Load8<kForbidden>(c + j + 8));
    const __m256i d0 = LoadInt(dv + j);
    const __m256i d1 = LoadInt(dv + j + 8);
    const __m256i lt0 = _mm256_cmpgt_epi32(d0, r0);
    const __m256i lt1 = _mm256_cmpgt_epi32(d1, r1);
    const __m256i any = _mm256_or_si256(lt0, lt1);
    if (_mm256_testz_si256(any, any) == 0) {
      StoreInt(dv + j, _mm256_min_epi32(r0, d0));
      StoreInt(dv + j + 8, _mm256_min_epi32(r1, d1));
      StoreInt(pred + j, _mm256_blendv_epi8(LoadInt(pred + j), rowv, lt0));
      StoreInt(pred + j + 8,
               _mm256_blendv_epi8(LoadInt(pred + j + 8), rowv, lt1));
    }
  }
  RelaxRowImpl(c + j, dv + j, pred + j, n - j, h, row);
}

// TwoMinAvx2: TwoMinImpl with one running state per lane (lane l sees the
// columns j = l mod 8, in order), merged at the end: the overall minimum is
// the smallest lane minimum (first index among equal ones); the runner-up is
// the smallest of the other lanes' minima and the winning lane's second.
template <typename S>
__attribute__((target("avx2"))) TwoMinResult<std::int32_t> TwoMinAvx2(
    const S* __restrict c, const std::int32_t* __restrict v, int n) {
  __m256i m1 = _mm256_set1_epi32(SapIntTraits::kUnset);
  __m256i m2 = m1;
  __m256i i1 = _mm256_set1_epi32(-1);
  __m256i i2 = i1;
  __m256i idx = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m256i eight = _mm256_set1_epi32(8);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    const __m256i x = _mm256_sub_epi32(Load8<true>(c + j), LoadInt(v + j));
    const __m256i lt1 = _mm256_cmpgt_epi32(m1, x);
    const __m256i lt2 = _mm256_cmpgt_epi32(m2, x);
    m2 = _mm256_blendv_epi8(_mm256_blendv_epi8(m2, x, lt2), m1, lt1);
    i2 = _mm256_blendv_epi8(_mm256_blendv_epi8(i2, idx, lt2), i1, lt1);
    m1 = _mm256_blendv_epi8(m1, x, lt1);
    i1 = _mm256_blendv_epi8(i1, idx, lt1);
    idx = _mm256_add_epi32(idx, eight);
  }
  alignas(32) std::array<std::int32_t, 8> lm1{};
  alignas(32) std::array<std::int32_t, 8> li1{};
  alignas(32) std::array<std::int32_t, 8> lm2{};
  alignas(32) std::array<std::int32_t, 8> li2{};
  _mm256_store_si256(reinterpret_cast<__m256i*>(lm1.data()), m1);
  _mm256_store_si256(reinterpret_cast<__m256i*>(li1.data()), i1);
  _mm256_store_si256(reinterpret_cast<__m256i*>(lm2.data()), m2);
  _mm256_store_si256(reinterpret_cast<__m256i*>(li2.data()), i2);
  TwoMinResult<std::int32_t> r{SapIntTraits::kUnset, -1, SapIntTraits::kUnset,
                               -1};
  int win = -1;
  for (int l = 0; l < 8; ++l) {
    if (li1[l] >= 0 &&
        (win < 0 || lm1[l] < r.m1 || (lm1[l] == r.m1 && li1[l] < r.j1))) {
      win = l;
      r.m1 = lm1[l];
      r.j1 = li1[l];
    }
  }
  // Candidates for the runner-up: other lanes' minima, the winner's second.
  for (int l = 0; l < 8; ++l) {
    const std::int32_t m = l == win ? lm2[l] : lm1[l];
    const std::int32_t at = l == win ? li2[l] : li1[l];
    if (at >= 0 && (r.j2 < 0 || m < r.m2 || (m == r.m2 && at < r.j2))) {
      r.m2 = m;
      r.j2 = at;
    }
  }
  return TwoMinImpl(c, v, j, n, r);
}

// NearestColumnsAvx2: NearestColumnsImpl on 8 columns per step; a step
// below the running minimum restarts the list (rare once the minimum is
// near), one equal to it appends its columns.
__attribute__((target("avx2"))) std::int32_t NearestColumnsAvx2(
    const std::int32_t* __restrict dv, const std::int32_t* __restrict vm, int n,
    std::vector<int>* at) {
  at->clear();
  std::int32_t m = SapIntTraits::kUnset;
  __m256i mv = _mm256_set1_epi32(m);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    const __m256i x = _mm256_sub_epi32(LoadInt(dv + j), LoadInt(vm + j));
    const __m256i lt = _mm256_cmpgt_epi32(mv, x);
    if (_mm256_testz_si256(lt, lt) == 0) {
      m = NearestColumnsImpl(dv, vm, j, j + 8, m, at);
      mv = _mm256_set1_epi32(m);
      continue;
    }
    auto eq = static_cast<unsigned>(
        _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(x, mv))));
    while (eq != 0) {
      at->push_back(j + __builtin_ctz(eq));
      eq &= eq - 1;
    }
  }
  return NearestColumnsImpl(dv, vm, j, n, m, at);
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2") != 0;
  return has;
}
#endif

SOPU_SAP_KERNEL void RelaxRowPortable(const std::int16_t* c, std::int32_t* dv,
                                      std::int32_t* pred, int n, std::int32_t h,
                                      std::int32_t row) {
  RelaxRowImpl(c, dv, pred, n, h, row);
}

SOPU_SAP_KERNEL void RelaxRowPortable(const std::int32_t* c, std::int32_t* dv,
                                      std::int32_t* pred, int n, std::int32_t h,
                                      std::int32_t row) {
  RelaxRowImpl(c, dv, pred, n, h, row);
}

template <typename S>
void RelaxRowInt(const S* c, std::int32_t* dv, std::int32_t* pred, int n,
                 std::int32_t h, std::int32_t row, const S* next,
                 bool forbidden) {
#ifdef SOPU_SAP_AVX2
  if (HasAvx2()) {
    if (sizeof(S) == 2 && forbidden) {
      RelaxRowAvx2<true>(c, dv, pred, n, h, row, next);
    } else {
      RelaxRowAvx2<false>(c, dv, pred, n, h, row, next);
    }
    return;
  }
#else
  static_cast<void>(next);
  static_cast<void>(forbidden);
#endif
  RelaxRowPortable(c, dv, pred, n, h, row);
}

}  // namespace

void RelaxRow(const std::int16_t* c, std::int32_t* dv, std::int32_t* pred,
              int n, std::int32_t h, std::int32_t row, const std::int16_t* next,
              bool forbidden) {
  RelaxRowInt(c, dv, pred, n, h, row, next, forbidden);
}

void RelaxRow(const std::int32_t* c, std::int32_t* dv, std::int32_t* pred,
              int n, std::int32_t h, std::int32_t row, const std::int32_t* next,
              bool forbidden) {
  RelaxRowInt(c, dv, pred, n, h, row, next, forbidden);
}

SOPU_SAP_KERNEL void RelaxRow(const double* c, double* dv, std::int32_t* pred,
                              int n, double h, std::int32_t row,
                              const double* /*next*/, bool /*forbidden*/) {
  RelaxRowImpl(c, dv, pred, n, h, row);
}

std::int32_t NearestColumns(const std::int32_t* dv, const std::int32_t* vm,
                            int n, std::vector<int>* at) {
#ifdef SOPU_SAP_AVX2
  if (HasAvx2()) return NearestColumnsAvx2(dv, vm, n, at);
#endif
  at->clear();
  return NearestColumnsImpl(dv, vm, 0, n, SapIntTraits::kUnset, at);
}

double NearestColumns(const double* dv, const double* vm, int n,
                      std::vector<int>* at) {
  at->clear();
  return NearestColumnsImpl(dv, vm, 0, n, SapTraits<double>::kUnset, at);
}

SOPU_SAP_KERNEL std::int32_t RowMin(const std::int16_t* c, int n) {
  return RowMinImpl(c, n);
}

SOPU_SAP_KERNEL std::int32_t RowMin(const std::int32_t* c, int n) {
  return RowMinImpl(c, n);
}

SOPU_SAP_KERNEL double RowMin(const double* c, int n) {
  return RowMinImpl(c, n);
}

SOPU_SAP_KERNEL std::int32_t ReducedMin(const std::int16_t* c,
                                        const std::int32_t* v, int begin,
                                        int end) {
  return ReducedMinImpl(c, v, begin, end);
}

SOPU_SAP_KERNEL std::int32_t ReducedMin(const std::int32_t* c,
                                        const std::int32_t* v, int begin,
                                        int end) {
  return ReducedMinImpl(c, v, begin, end);
}

SOPU_SAP_KERNEL double ReducedMin(const double* c, const double* v, int begin,
                                  int end) {
  return ReducedMinImpl(c, v, begin, end);
}

TwoMinResult<std::int32_t> TwoMin(const std::int16_t* c, const std::int32_t* v,
                                  int n) {
#ifdef SOPU_SAP_AVX2
  if (HasAvx2()) return TwoMinAvx2(c, v, n);
#endif
  return TwoMinImpl(c, v, 0, n,
                    {SapIntTraits::kUnset, -1, SapIntTraits::kUnset, -1});
}

TwoMinResult<std::int32_t> TwoMin(const std::int32_t* c, const std::int32_t* v,
                                  int n) {
#ifdef SOPU_SAP_AVX2
  if (HasAvx2()) return TwoMinAvx2(c, v, n);
#endif
  return TwoMinImpl(c, v, 0, n,
                    {SapIntTraits::kUnset, -1, SapIntTraits::kUnset, -1});
}

TwoMinResult<double> TwoMin(const double* c, const double* v, int n) {
  const double inf = SapTraits<double>::kUnset;
  return TwoMinImpl(c, v, 0, n, {inf, -1, inf, -1});
}

SOPU_SAP_KERNEL void ScanNegate(const double* s, std::int16_t* c, int n,
                                NegatedScan* scan) {
  // For 0 <= a < 2^52, (a + 2^52) - 2^52 rounds a to an integer, so it
  // equals a iff a is one. Min and max run on the int32 values (a double
  // min does not vectorise: NaN and signed zeros).
  constexpr double kMagic = 4503599627370496.0;  // 2^52
  constexpr double kMax = SapTraits<std::int16_t>::kMaxCost;
  std::int32_t cmin = scan->cmin;
  std::int32_t cmax = scan->cmax;
  int integral = 1;
  int fits = 1;
  for (int k = 0; k < n; ++k) {
    const double x = s[k];
    const double a = x < 0.0 ? -x : x;
    integral &= ((a + kMagic) - kMagic) == a ? 1 : 0;
    const bool ok = a <= kMax;  // false for NaN and infinities
    fits &= ok ? 1 : 0;
    const auto t = static_cast<std::int32_t>(ok ? -x : 0.0);
    cmin = t < cmin ? t : cmin;
    cmax = t > cmax ? t : cmax;
    c[k] = static_cast<std::int16_t>(t);
  }
  scan->integral = scan->integral && integral != 0;
  scan->fits = scan->fits && fits != 0;
  scan->cmin = cmin;
  scan->cmax = cmax;
}

SOPU_SAP_KERNEL void ColumnMinUpdate(const std::int16_t* c,
                                     std::int32_t* colmin, std::int32_t* arg,
                                     int n, std::int32_t row) {
  ColumnMinUpdateImpl(c, colmin, arg, n, row);
}

SOPU_SAP_KERNEL void ColumnMinUpdate(const std::int32_t* c,
                                     std::int32_t* colmin, std::int32_t* arg,
                                     int n, std::int32_t row) {
  ColumnMinUpdateImpl(c, colmin, arg, n, row);
}

SOPU_SAP_KERNEL void ColumnMinUpdate(const double* c, double* colmin,
                                     std::int32_t* arg, int n,
                                     std::int32_t row) {
  ColumnMinUpdateImpl(c, colmin, arg, n, row);
}

}  // namespace sopu::assignment_internal
