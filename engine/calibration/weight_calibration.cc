#include "engine/calibration/weight_calibration.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/calibration/nnls.h"
#include "engine/calibration/rank_correlation.h"

namespace sopu {
namespace {

Eigen::VectorXd SharesOf(const Eigen::VectorXd& beta) {
  const double sum = beta.sum();
  if (!(sum > 0.0)) return Eigen::VectorXd::Zero(beta.size());
  return beta / sum;
}

// ValidateCalibrationData: the sizes agree, every value is finite and the
// fold count is in range (the groups are checked by DistinctGroups).
absl::Status ValidateCalibrationData(const CalibrationData& data,
                                     const CalibrationOptions& options) {
  const Eigen::Index n = data.features.rows();
  if (data.outcome.size() != n || data.baseline.size() != n ||
      static_cast<Eigen::Index>(data.group.size()) != n) {
    return absl::InvalidArgumentError(
        "features, outcome, baseline and group sizes differ");
  }
  if (!data.features.allFinite() || !data.outcome.allFinite() ||
      !data.baseline.allFinite()) {
    return absl::InvalidArgumentError("a value is not finite");
  }
  if (options.folds < 2 || options.folds > 100) {
    return absl::InvalidArgumentError("folds must be in 2..100");
  }
  return absl::OkStatus();
}

// DistinctGroups: the group indices, ascending; InvalidArgument for a
// negative one or fewer than 2 (nothing to hold out).
absl::StatusOr<std::set<int>> DistinctGroups(const CalibrationData& data) {
  std::set<int> groups;
  for (const int g : data.group) {
    if (g < 0) return absl::InvalidArgumentError("a group index is negative");
    groups.insert(g);
  }
  if (groups.size() < 2) {
    return absl::InvalidArgumentError(
        "cross-validation needs observations from at least 2 groups");
  }
  return groups;
}

// FoldOfGroup: dense fold numbers: the i-th distinct group (ascending) is in
// fold i mod folds, so folds are balanced in groups whatever the group
// numbers. Indexed by group; `groups` is not empty.
std::vector<int> FoldOfGroup(const std::set<int>& groups, int folds) {
  std::vector<int> fold_of_group(static_cast<std::size_t>(*groups.rbegin()) + 1,
                                 0);
  int index = 0;
  for (const int g : groups) {
    fold_of_group[static_cast<std::size_t>(g)] = index++ % folds;
  }
  return fold_of_group;
}

// CrossValidate: fits the weights once per fold without it (on the fold
// itself when nothing else is left), appends each fit's shares to
// result->fold_shares and returns every observation's out-of-fold
// prediction.
std::vector<double> CrossValidate(const CalibrationData& data,
                                  const std::vector<int>& fold_of_group,
                                  CalibrationResult* result) {
  const Eigen::Index n = data.features.rows();
  std::vector<double> predicted(static_cast<std::size_t>(n), 0.0);
  for (int f = 0; f < result->folds; ++f) {
    std::vector<int> train;
    std::vector<int> test;
    for (Eigen::Index i = 0; i < n; ++i) {
      const int fold = fold_of_group[static_cast<std::size_t>(data.group[i])];
      (fold == f ? test : train).push_back(static_cast<int>(i));
    }
    const WeightFit fit = FitWeights(data, train.empty() ? test : train);
    result->fold_shares.push_back(SharesOf(fit.beta));
    for (const int i : test) {
      predicted[static_cast<std::size_t>(i)] =
          data.features.row(i).dot(fit.beta);
    }
  }
  return predicted;
}

// ShareStd: the standard deviation of each weight's share over the folds
// whose fit has some positive weight (zero when none has).
Eigen::VectorXd ShareStd(const std::vector<Eigen::VectorXd>& fold_shares,
                         Eigen::Index k) {
  Eigen::VectorXd share_std = Eigen::VectorXd::Zero(k);
  int used = 0;
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(k);
  for (const Eigen::VectorXd& s : fold_shares) {
    if (s.sum() > 0.0) {
      mean += s;
      ++used;
    }
  }
  if (used > 0) {
    mean /= used;
    for (const Eigen::VectorXd& s : fold_shares) {
      if (s.sum() > 0.0) share_std.array() += (s - mean).array().square();
    }
    share_std = (share_std / used).cwiseSqrt();
  }
  return share_std;
}

}  // namespace

WeightFit FitWeights(const CalibrationData& data,
                     const std::vector<int>& rows) {
  const Eigen::Index k = data.features.cols();
  std::vector<int> all;
  const std::vector<int>* use = &rows;
  if (rows.empty()) {
    all.resize(static_cast<std::size_t>(data.features.rows()));
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    use = &all;
  }
  const auto n = static_cast<Eigen::Index>(use->size());
  Eigen::MatrixXd a(n, k);
  Eigen::VectorXd b(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int row = (*use)[static_cast<std::size_t>(i)];
    a.row(i) = data.features.row(row);
    b(i) = data.outcome(row);
  }
  const Eigen::RowVectorXd mean_a = a.colwise().mean();
  const double mean_b = b.mean();
  a.rowwise() -= mean_a;
  b.array() -= mean_b;
  WeightFit fit;
  fit.beta = SolveNnls(a, b).x;
  fit.intercept = mean_b - mean_a.dot(fit.beta);
  return fit;
}

absl::StatusOr<CalibrationResult> CalibrateWeights(
    const CalibrationData& data, const CalibrationOptions& options) {
  if (absl::Status status = ValidateCalibrationData(data, options);
      !status.ok()) {
    return status;
  }
  absl::StatusOr<std::set<int>> groups = DistinctGroups(data);
  if (!groups.ok()) return groups.status();
  const Eigen::Index n = data.features.rows();
  const Eigen::Index k = data.features.cols();
  if (n < k + 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("too few observations: ", n, " for ", k, " weights"));
  }
  CalibrationResult result;
  result.folds = std::min(options.folds, static_cast<int>(groups->size()));
  const std::vector<double> predicted =
      CrossValidate(data, FoldOfGroup(*groups, result.folds), &result);
  const WeightFit all = FitWeights(data, {});
  result.beta = all.beta;
  result.intercept = all.intercept;
  result.shares = SharesOf(all.beta);
  result.share_std = ShareStd(result.fold_shares, k);
  const std::vector<double> outcome(data.outcome.begin(), data.outcome.end());
  const std::vector<double> baseline(data.baseline.begin(),
                                     data.baseline.end());
  result.rho_before = SpearmanCorrelation(baseline, outcome);
  result.rho_after = SpearmanCorrelation(predicted, outcome);
  return result;
}

}  // namespace sopu
