#include "service/history/calibration_data.h"

#include <cmath>
#include <unordered_map>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/scoring/scoring_model.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/prepare_inputs.h"
#include "service/status/bad_request.h"
#include "service/validation/violation_list.h"

namespace sopu::service {

absl::StatusOr<CalibrationInput> BuildCalibrationInput(
    const std::vector<sopu::v1::PastCohort>& rounds,
    const sopu::v1::Policy& policy) {
  CalibrationInput input;
  for (int k = 0; k < policy.criteria_size(); ++k) {
    if (!policy.criteria(k).hard()) {
      input.criteria.push_back(k);
      input.names.push_back(CriterionName(policy.criteria(k)));
    }
  }
  if (input.criteria.empty()) {
    return absl::InvalidArgumentError(
        "the policy has no soft criterion to calibrate");
  }
  std::vector<std::vector<double>> rows;
  std::vector<double> outcome;
  std::vector<double> baseline;
  std::vector<int> group;
  for (std::size_t g = 0; g < rounds.size(); ++g) {
    const sopu::v1::PastCohort& past = rounds[g];
    ViolationList violations;
    absl::StatusOr<PreparedInputs> prepared = PrepareInputs(
        past.cohort(), &policy, /*need_both_sides=*/true, violations);
    if (!prepared.ok()) {
      const std::vector<FieldViolation> problems =
          ViolationsOf(prepared.status());
      input.skipped.push_back(absl::StrCat(
          past.name(), ": ",
          problems.empty() ? std::string(prepared.status().message())
                           : absl::StrCat(problems[0].field(), ": ",
                                          problems[0].description())));
      continue;
    }
    absl::StatusOr<ScoringModel> model =
        ScoringModel::Build(prepared->cohort, prepared->policy);
    if (!model.ok()) {
      input.skipped.push_back(
          absl::StrCat(past.name(), ": ", model.status().message()));
      continue;
    }
    const auto& people = model->cohort().participants;
    std::unordered_map<std::string, int> row_of;
    std::unordered_map<std::string, int> col_of;
    for (std::size_t r = 0; r < model->mentees().size(); ++r) {
      row_of.emplace(people[static_cast<std::size_t>(model->mentees()[r])].id,
                     static_cast<int>(r));
    }
    for (std::size_t c = 0; c < model->mentors().size(); ++c) {
      col_of.emplace(people[static_cast<std::size_t>(model->mentors()[c])].id,
                     static_cast<int>(c));
    }
    ++input.rounds_used;
    for (const auto& pair : past.pairs()) {
      if (!pair.has_rating()) {
        ++input.unrated_pairs;
        continue;
      }
      auto r = row_of.find(pair.mentee_id());
      auto c = col_of.find(pair.mentor_id());
      if (r == row_of.end() || c == col_of.end()) continue;  // validated
      const PairExplanation why = model->Explain(r->second, c->second);
      std::vector<double> features;
      for (const int k : input.criteria) {
        features.push_back(why.values[static_cast<std::size_t>(k)].value);
      }
      rows.push_back(std::move(features));
      outcome.push_back(pair.rating());
      baseline.push_back(why.score);
      group.push_back(static_cast<int>(g));
    }
  }
  const auto n = static_cast<Eigen::Index>(rows.size());
  const auto k = static_cast<Eigen::Index>(input.criteria.size());
  input.data.features.resize(n, k);
  input.data.outcome.resize(n);
  input.data.baseline.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < k; ++j) {
      input.data.features(i, j) =
          rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    }
    input.data.outcome(i) = outcome[static_cast<std::size_t>(i)];
    input.data.baseline(i) = baseline[static_cast<std::size_t>(i)];
  }
  input.data.group = std::move(group);
  return input;
}

Eigen::VectorXd SoftWeightShares(const sopu::v1::Policy& policy,
                                 const CalibrationInput& input) {
  Eigen::VectorXd w(static_cast<Eigen::Index>(input.criteria.size()));
  for (std::size_t j = 0; j < input.criteria.size(); ++j) {
    w(static_cast<Eigen::Index>(j)) =
        policy.criteria(input.criteria[j]).weight();
  }
  const double sum = w.sum();
  return sum > 0.0 ? Eigen::VectorXd(w / sum) : Eigen::VectorXd::Zero(w.size());
}

sopu::v1::Policy ProposedPolicy(const sopu::v1::Policy& policy,
                                const CalibrationInput& input,
                                const Eigen::VectorXd& shares) {
  double soft_sum = 0.0;
  for (const int k : input.criteria) soft_sum += policy.criteria(k).weight();
  if (!(soft_sum > 0.0)) soft_sum = 1.0;
  sopu::v1::Policy proposed = policy;
  for (auto& c : *proposed.mutable_criteria()) {
    if (c.hard()) c.set_weight(0.0);
  }
  for (std::size_t j = 0; j < input.criteria.size(); ++j) {
    const double w = shares(static_cast<Eigen::Index>(j)) * soft_sum;
    proposed.mutable_criteria(input.criteria[j])
        ->set_weight(std::round(w * 1e4) / 1e4);
  }
  proposed.set_name(absl::StrCat(
      policy.name().empty() ? std::string("policy") : policy.name(),
      " (calibrated)"));
  return proposed;
}

}  // namespace sopu::service
