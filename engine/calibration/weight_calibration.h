// CalibrateWeights: learns non-negative criterion weights from outcomes, with
// k-fold cross-validation by group (cohort).
//
// Problem: n observed pairs, each with K criterion values v_ik in 0..1 (the
// features), an outcome y_i (e.g. a 1..5 rating) and the index of the group
// (past cohort) it came from. The model is y_i ~ a + sum_k beta_k v_ik with a
// free intercept a and beta >= 0. The intercept is removed exactly by
// centring the features and the outcome on their means (least squares with a
// free intercept), and beta solves the non-negative least-squares problem on
// the centred data (SolveNnls, Lawson-Hanson). A pair's score under a policy
// with weights w is sum_k w_k v_k / sum w, so the learned weights are beta up
// to scale: `shares` = beta / sum beta.
//
// Cross-validation: group g belongs to fold g mod folds; each fold's pairs are
// predicted by the weights fitted on the other folds. The out-of-sample
// quality is Spearman's rho between the pooled predictions and the outcomes
// ("after"), compared with rho between the given baseline predictions (e.g.
// the current policy's scores) and the same outcomes ("before"). The
// uncertainty of each share is its standard deviation over the folds' fits.
//
// Complexity: folds + 1 NNLS solves of at most n x K (see nnls.h), plus
// O(n log n) for the correlations. Deterministic.
#ifndef SOPU_ENGINE_CALIBRATION_WEIGHT_CALIBRATION_H_
#define SOPU_ENGINE_CALIBRATION_WEIGHT_CALIBRATION_H_

#include <Eigen/Dense>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"

namespace sopu {

// CalibrationData: one row per observed pair.
struct CalibrationData {
  Eigen::MatrixXd features;  // n x K, values 0..1
  Eigen::VectorXd outcome;   // n
  std::vector<int> group;    // n, each >= 0
  Eigen::VectorXd baseline;  // n: the current prediction ("before")
};

struct CalibrationOptions {
  // Folds of the cross-validation, 2..100; fewer when there are fewer
  // groups (folds = min(folds, number of distinct groups)).
  int folds = 5;
};

struct CalibrationResult {
  // Fitted on all pairs: beta (>= 0) and its normalisation beta / sum beta
  // (all 0 when beta is 0: the outcomes show no criterion helps).
  Eigen::VectorXd beta;
  Eigen::VectorXd shares;
  double intercept = 0.0;
  // Standard deviation of each share over the folds' fits (population
  // formula; folds whose beta is 0 are left out).
  Eigen::VectorXd share_std;
  int folds = 0;
  // Out-of-sample Spearman rho of the baseline and of the learned weights
  // against the outcomes (nullopt when undefined, e.g. constant outcomes).
  std::optional<double> rho_before;
  std::optional<double> rho_after;
  // The shares of each fold's fit, fold order.
  std::vector<Eigen::VectorXd> fold_shares;
};

// WeightFit: beta >= 0 and the free intercept of one least-squares fit.
struct WeightFit {
  Eigen::VectorXd beta;
  double intercept = 0.0;
};

// FitWeights fits on the rows `rows` of `data` (all rows when empty).
[[nodiscard]] WeightFit FitWeights(const CalibrationData& data,
                                   const std::vector<int>& rows);

// CalibrateWeights. InvalidArgument when sizes disagree, a value is not
// finite, a group is negative, there are fewer than 2 groups or fewer rows
// than K + 2.
[[nodiscard]] absl::StatusOr<CalibrationResult> CalibrateWeights(
    const CalibrationData& data, const CalibrationOptions& options = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_CALIBRATION_WEIGHT_CALIBRATION_H_
