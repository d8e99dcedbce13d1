#include "engine/groups/group_kernels.h"

#include <cstring>
#include <limits>

#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define SOPU_GROUP_KERNEL __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef SOPU_GROUP_KERNEL
#define SOPU_GROUP_KERNEL
#endif

namespace sopu {

SOPU_GROUP_KERNEL double SwapRowMax(const double* __restrict leave,
                                    const int* __restrict group,
                                    const double* __restrict into,
                                    const double* __restrict own,
                                    const double* __restrict row, int len) {
  // Four lanes of GCC/Clang vector extensions: one AVX2 register, or two
  // SSE2 registers on the baseline.
  using V4 = double __attribute__((vector_size(32)));
  constexpr double kInf = std::numeric_limits<double>::infinity();
  V4 best = {-kInf, -kInf, -kInf, -kInf};
  int k = 0;
  for (; k + 4 <= len; k += 4) {
    V4 a;
    V4 b;
    V4 c;
    std::memcpy(&a, into + k, sizeof a);
    std::memcpy(&b, own + k, sizeof b);
    std::memcpy(&c, row + k, sizeof c);
    const V4 l = {leave[group[k]], leave[group[k + 1]], leave[group[k + 2]],
                  leave[group[k + 3]]};
    const V4 v = l + a - b - (c + c);
    best = v > best ? v : best;
  }
  double result = -kInf;
  for (int l = 0; l < 4; ++l) result = best[l] > result ? best[l] : result;
  for (; k < len; ++k) {
    const double v = leave[group[k]] + into[k] - own[k] - 2.0 * row[k];
    result = v > result ? v : result;
  }
  return result;
}

}  // namespace sopu
