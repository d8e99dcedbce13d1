// Vectorised inner loops of the grouping searches.
//
// SwapRowMax: max over k in 0..len-1 of
//   leave[group[k]] + into[k] - own[k] - 2 row[k]
// (evaluated in that order), -inf for len = 0. In the swap scan of element i
// (group g) with leave[h] = sum(i, h) - own(i) (-inf for h = g),
// into = sum(., g), own = own(.) and row = d(i, .), each term is the gain of
// swapping i with k, so the result is i's best swap gain over that range.
// O(len); compiled for AVX2 and the baseline, picked at load time
// (GCC/Clang target_clones). Every path computes the same IEEE values as
// the scalar expression (no contraction, exact max).
#ifndef SOPU_ENGINE_GROUPS_GROUP_KERNELS_H_
#define SOPU_ENGINE_GROUPS_GROUP_KERNELS_H_

namespace sopu {

[[nodiscard]] double SwapRowMax(const double* leave, const int* group,
                                const double* into, const double* own,
                                const double* row, int len);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_GROUP_KERNELS_H_
