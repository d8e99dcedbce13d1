// SpearmanCorrelation: Spearman's rank correlation coefficient rho of two
// samples, with ties given their average rank (the "fractional ranking" of
// Kendall & Gibbons, "Rank Correlation Methods", 5th ed., 1990, ch. 3):
// rho is Pearson's correlation of the two rank vectors, so it is exact with
// ties (the shortcut 1 - 6 sum d^2 / (n (n^2 - 1)) is not).
//
// Complexity O(n log n) time, O(n) memory. Deterministic.
#ifndef SOPU_ENGINE_CALIBRATION_RANK_CORRELATION_H_
#define SOPU_ENGINE_CALIBRATION_RANK_CORRELATION_H_

#include <optional>
#include <vector>

namespace sopu {

// AverageRanks returns each value's rank, 1 = smallest, ties sharing the mean
// of the ranks they span (e.g. {10, 20, 20, 30} -> {1, 2.5, 2.5, 4}).
// Precondition: values are not NaN.
[[nodiscard]] std::vector<double> AverageRanks(const std::vector<double>& v);

// SpearmanCorrelation returns rho in -1..1, or nullopt when it is undefined:
// sizes differ, fewer than 2 values, or either sample is constant.
// Precondition: no NaN.
[[nodiscard]] std::optional<double> SpearmanCorrelation(
    const std::vector<double>& x, const std::vector<double>& y);

}  // namespace sopu

#endif  // SOPU_ENGINE_CALIBRATION_RANK_CORRELATION_H_
