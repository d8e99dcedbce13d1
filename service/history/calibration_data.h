// Calibration from past cohorts: the observations `sopu calibrate` learns
// from, the proposed policy it writes, and the scoring of historical groups
// that `sopu bench` and `sopu gen --groups` share.
//
// For every historical pair with a rating, under the policy P being
// calibrated: the features are the values v_k (ScoringModel::Explain) of P's
// soft criteria (hard criteria only forbid and are left out), the outcome is
// the rating, the group is the round, and the baseline prediction is P's own
// score of the pair (all criteria, P's weights).
//
// For every historical group with a rating and a fit (ScoreHistoricalGroups):
// the features are the per-criterion means over its member pairs of the
// values both ways (as FormGroups computes a group's affinity), the outcome
// is the group's rating, the group is the round, and the baseline is the
// group's mean pair score under P. Pair and group observations are pooled in
// one fit: a group's mean pair value enters the model a + sum_k beta_k v_k
// exactly as a pair's value does.
#ifndef SOPU_SERVICE_HISTORY_CALIBRATION_DATA_H_
#define SOPU_SERVICE_HISTORY_CALIBRATION_DATA_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/calibration/weight_calibration.h"
#include "engine/model/cohort.h"
#include "engine/model/policy.h"
#include "engine/scoring/scoring_model.h"
#include "sopu/v1/history.pb.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

// GroupFeatures is one group scored as FormGroups and ExplainGroup score it:
// each member pair explained both ways (ExplainBothWays on the pool model),
// then `fit` = the mean over the member pairs of the pair score (their
// mean_pair_score) and values[k] = the mean over the member pairs of
// criterion k's value (one per policy criterion, policy order).
struct GroupFeatures {
  int pairs = 0;  // member pairs, m (m - 1) / 2; 0: no fit
  double fit = 0.0;
  std::vector<double> values;
};

// ScoreGroup scores the members (indices into `pool_model`'s rows, which
// are its columns too: PoolCohort). O(m^2 (T + K)).
[[nodiscard]] GroupFeatures ScoreGroup(const ScoringModel& pool_model,
                                       const std::vector<int>& members);

// GroupPoolRole: the pool a group is scored in, the first of peer, mentee,
// mentor and facilitator that every member has; 0 when they share none.
[[nodiscard]] RoleBit GroupPoolRole(
    const std::vector<const Participant*>& members);

// ScoreHistoricalGroups scores each group of `groups` (ids valid: see
// ValidatePastCohort) in the pool of its GroupPoolRole of `cohort` under
// `policy`, one entry per group in order; `pairs` is 0 (no fit) for a group
// of fewer than 2 members or without a shared role. Errors: a pool the
// policy cannot be built for (ScoringModel::Build's status).
[[nodiscard]] absl::StatusOr<std::vector<GroupFeatures>> ScoreHistoricalGroups(
    const Cohort& cohort, const Policy& policy,
    const google::protobuf::RepeatedPtrField<sopu::v1::HistoricalGroup>&
        groups);

struct CalibrationInput {
  CalibrationData data;
  std::vector<int> criteria;       // P's criterion index of each feature
  std::vector<std::string> names;  // and its name
  int rounds_used = 0;
  int pair_observations = 0;   // rated historical pairs used
  int group_observations = 0;  // rated historical groups with a fit used
  int unrated_pairs = 0;       // historical pairs without a rating, skipped
  int unrated_groups = 0;      // groups without a rating or a fit, skipped
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
