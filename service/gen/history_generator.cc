#include "service/gen/history_generator.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/status/status.h"
#include "engine/scoring/scoring_model.h"
#include "service/gen/gen_random.h"
#include "service/handlers/prepare_inputs.h"
#include "service/validation/violation_list.h"

namespace sopu::gen {

absl::StatusOr<sopu::v1::PastCohort> GeneratePastCohort(
    const std::string& name, const sopu::v1::Cohort& cohort,
    const sopu::v1::Policy& staff_policy, const sopu::v1::Policy& truth,
    const HistoryGenOptions& options) {
  if (truth.criteria_size() != staff_policy.criteria_size()) {
    return absl::InvalidArgumentError(
        "the true weights must name the staff policy's criteria");
  }
  double truth_sum = 0.0;
  std::vector<double> t;
  for (const auto& c : truth.criteria()) {
    if (!std::isfinite(c.weight()) || c.weight() < 0.0) {
      return absl::InvalidArgumentError(
          "a true weight is negative or not finite");
    }
    t.push_back(c.weight());
    truth_sum += c.weight();
  }
  if (!(truth_sum > 0.0)) {
    return absl::InvalidArgumentError("the true weights sum to 0");
  }
  service::ViolationList violations;
  absl::StatusOr<service::PreparedInputs> inputs = service::PrepareInputs(
      cohort, &staff_policy, /*need_both_sides=*/true, violations);
  if (!inputs.ok()) return inputs.status();
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs->cohort, inputs->policy);
  if (!model.ok()) return model.status();
  const ScoreMatrix matrix = model->ComputeMatrix({.threads = 1});
  const auto& people = inputs->cohort.participants;
  const int rows = matrix.rows();
  const int cols = matrix.cols();

  GenRandom rng(options.seed);
  std::vector<int> order(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) order[static_cast<std::size_t>(r)] = r;
  rng.Shuffle(order);
  std::vector<int> room(static_cast<std::size_t>(cols));
  for (int c = 0; c < cols; ++c) {
    room[static_cast<std::size_t>(c)] =
        people[static_cast<std::size_t>(
                   model->mentors()[static_cast<std::size_t>(c)])]
            .capacity;
  }
  std::vector<int> mentor_of(static_cast<std::size_t>(rows), -1);
  for (const int r : order) {
    const auto& mentee = people[static_cast<std::size_t>(
        model->mentees()[static_cast<std::size_t>(r)])];
    std::vector<int> near;
    std::vector<int> any;
    for (int c = 0; c < cols; ++c) {
      if (room[static_cast<std::size_t>(c)] <= 0 || !matrix.allowed(r, c)) {
        continue;
      }
      any.push_back(c);
      const auto& mentor = people[static_cast<std::size_t>(
          model->mentors()[static_cast<std::size_t>(c)])];
      if (!mentee.region.empty() && mentee.region == mentor.region) {
        near.push_back(c);
      }
    }
    const std::vector<int>& pool = near.empty() ? any : near;
    if (pool.empty()) continue;
    const int c = pool[static_cast<std::size_t>(
        rng.Int(0, static_cast<int>(pool.size()) - 1))];
    --room[static_cast<std::size_t>(c)];
    mentor_of[static_cast<std::size_t>(r)] = c;
  }

  sopu::v1::PastCohort past;
  past.set_name(name);
  *past.mutable_cohort() = cohort;
  *past.mutable_policy() = staff_policy;
  for (int r = 0; r < rows; ++r) {
    const int c = mentor_of[static_cast<std::size_t>(r)];
    if (c < 0) continue;
    const PairExplanation why = model->Explain(r, c);
    double s = 0.0;
    for (const CriterionValue& v : why.values) {
      s += t[static_cast<std::size_t>(v.criterion)] * v.value;
    }
    s /= truth_sum;
    const double noise = rng.Normal() * options.noise;
    const double rating =
        std::round(std::clamp(1.0 + 4.0 * s + noise, 1.0, 5.0));
    const bool completed =
        rng.Real() < 1.0 / (1.0 + std::exp(-8.0 * (s - 0.3)));
    const bool rated = rng.Chance(options.rating_rate);
    const bool known = rng.Chance(options.completed_rate);
    auto* pair = past.add_pairs();
    pair->set_mentee_id(
        people[static_cast<std::size_t>(
                   model->mentees()[static_cast<std::size_t>(r)])]
            .id);
    pair->set_mentor_id(
        people[static_cast<std::size_t>(
                   model->mentors()[static_cast<std::size_t>(c)])]
            .id);
    if (rated) pair->set_rating(rating);
    if (known) pair->set_completed(completed);
  }
  return past;
}

}  // namespace sopu::gen
