// Calibration from past cohorts: the observations `sopu calibrate` learns
// from, and the proposed policy it writes.
//
// For every historical pair with a rating, under the policy P being
// calibrated: the features are the values v_k (ScoringModel::Explain) of P's
// soft criteria (hard criteria only forbid and are left out), the outcome is
// the rating, the group is the round, and the baseline prediction is P's own
// score of the pair (all criteria, P's weights).
#ifndef SOPU_SERVICE_HISTORY_CALIBRATION_DATA_H_
#define SOPU_SERVICE_HISTORY_CALIBRATION_DATA_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/calibration/weight_calibration.h"
#include "sopu/v1/history.pb.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

struct CalibrationInput {
  CalibrationData data;
  std::vector<int> criteria;       // P's criterion index of each feature
  std::vector<std::string> names;  // and its name
  int rounds_used = 0;
  int unrated_pairs = 0;  // historical pairs without a rating, skipped
  // Rounds P cannot score (e.g. an attribute the cohort lacks), as
  // "round name: first problem"; they are skipped.
  std::vector<std::string> skipped;
};

// BuildCalibrationInput: InvalidArgument when P has no soft criterion.
[[nodiscard]] absl::StatusOr<CalibrationInput> BuildCalibrationInput(
    const std::vector<sopu::v1::PastCohort>& rounds,
    const sopu::v1::Policy& policy);

// ProposedPolicy is P with the learned weights: soft criterion k gets
// shares_k times the sum of P's soft weights (1 when that sum is 0), rounded
// to 4 decimals; hard criteria get weight 0 (they only forbid); the name
// gets " (calibrated)". Precondition: shares sum to 1, one per feature.
[[nodiscard]] sopu::v1::Policy ProposedPolicy(const sopu::v1::Policy& policy,
                                              const CalibrationInput& input,
                                              const Eigen::VectorXd& shares);

// SoftWeightShares: P's own soft weights normalised to sum 1 (all 0 when
// they sum to 0), one per feature, for comparison.
[[nodiscard]] Eigen::VectorXd SoftWeightShares(const sopu::v1::Policy& policy,
                                               const CalibrationInput& input);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HISTORY_CALIBRATION_DATA_H_
