#include "service/history/calibration_data.h"

#include "gtest/gtest.h"
#include "service/gen/cohort_generator.h"
#include "service/gen/gen_random.h"
#include "service/gen/history_generator.h"

namespace sopu::service {
namespace {

// The generator's hidden weights are recovered: 40 rounds of 30 mentors and
// 75 mentees (about 2 500 rated pairs, ratings rounded to 1..5 with noise
// 0.5). Tolerance: each normalised weight (share of the soft weights) within
// 0.05 of the truth.
TEST(Calibration, RecoversTheGeneratorsHiddenWeights) {
  std::vector<sopu::v1::PastCohort> rounds;
  for (int k = 0; k < 40; ++k) {
    gen::CohortGenOptions o;
    o.mentors = 30;
    o.mentees = 75;
    o.seed = gen::MixSeed(2024, static_cast<std::uint64_t>(k));
    gen::HistoryGenOptions h;
    h.seed = gen::MixSeed(o.seed, 1);
    absl::StatusOr<sopu::v1::PastCohort> past = gen::GeneratePastCohort(
        "r", gen::GenerateCohort(o), gen::GeneratorPolicy(),
        gen::GeneratorTruth(), h);
    ASSERT_TRUE(past.ok()) << past.status();
    rounds.push_back(*std::move(past));
  }
  const sopu::v1::Policy staff = gen::GeneratorPolicy();
  absl::StatusOr<CalibrationInput> input = BuildCalibrationInput(rounds, staff);
  ASSERT_TRUE(input.ok()) << input.status();
  EXPECT_EQ(input->rounds_used, 40);
  EXPECT_TRUE(input->skipped.empty());
  ASSERT_EQ(input->names.size(), 5U);  // the hard shared-language left out
  EXPECT_EQ(input->names[0], "complement");
  EXPECT_GT(input->data.outcome.size(), 2000);

  absl::StatusOr<CalibrationResult> result = CalibrateWeights(input->data);
  ASSERT_TRUE(result.ok()) << result.status();
  // Truth: complement 3, availability 2, travel 0.5, sector 0, gap 1.5.
  const double sum = 3 + 2 + 0.5 + 0 + 1.5;
  const std::vector<double> truth = {3 / sum, 2 / sum, 0.5 / sum, 0, 1.5 / sum};
  for (std::size_t j = 0; j < truth.size(); ++j) {
    EXPECT_NEAR(result->shares(static_cast<Eigen::Index>(j)), truth[j], 0.05)
        << input->names[j];
  }
  ASSERT_TRUE(result->rho_before.has_value());
  ASSERT_TRUE(result->rho_after.has_value());
  EXPECT_GT(*result->rho_after, *result->rho_before);

  const sopu::v1::Policy proposed =
      ProposedPolicy(staff, *input, result->shares);
  EXPECT_EQ(proposed.criteria_size(), staff.criteria_size());
  EXPECT_EQ(proposed.criteria(1).weight(), 0.0);  // hard: only forbids
  double soft = 0.0;
  for (const int k : input->criteria) soft += proposed.criteria(k).weight();
  EXPECT_NEAR(soft, 5 + 1 + 1 + 0.5 + 1, 1e-3);  // the staff policy's sum
  EXPECT_EQ(proposed.name(), staff.name() + " (calibrated)");
}

// Groups alone recover the hidden weights: 120 peer rounds of 60 peers in
// staff groups of 4..6 (about 1 200 rated groups; a group's rating is the
// mean of its members' ratings, each rounded to 1..5 with noise 0.5), the
// features being each group's per-criterion means over its member pairs.
// Tolerance: each normalised weight within 0.05 of the truth.
TEST(Calibration, RecoversTheHiddenWeightsFromGroupsAlone) {
  std::vector<sopu::v1::PastCohort> rounds;
  for (int k = 0; k < 120; ++k) {
    gen::CohortGenOptions o;
    o.mentors = 0;
    o.mentees = 0;
    o.peers = 60;
    o.seed = gen::MixSeed(77, static_cast<std::uint64_t>(k));
    gen::HistoryGenOptions h;
    h.seed = gen::MixSeed(o.seed, 1);
    h.groups = true;
    absl::StatusOr<sopu::v1::PastCohort> past = gen::GeneratePastCohort(
        "r", gen::GenerateCohort(o), gen::GeneratorPolicy(),
        gen::GeneratorTruth(), h);
    ASSERT_TRUE(past.ok()) << past.status();
    ASSERT_EQ(past->pairs_size(), 0);
    rounds.push_back(*std::move(past));
  }
  const sopu::v1::Policy staff = gen::GeneratorPolicy();
  absl::StatusOr<CalibrationInput> input = BuildCalibrationInput(rounds, staff);
  ASSERT_TRUE(input.ok()) << input.status();
  EXPECT_EQ(input->rounds_used, 120);
  EXPECT_TRUE(input->skipped.empty());
  EXPECT_EQ(input->pair_observations, 0);
  EXPECT_GT(input->group_observations, 1000);
  EXPECT_EQ(input->data.outcome.size(), input->group_observations);

  absl::StatusOr<CalibrationResult> result = CalibrateWeights(input->data);
  ASSERT_TRUE(result.ok()) << result.status();
  const double sum = 3 + 2 + 0.5 + 0 + 1.5;
  const std::vector<double> truth = {3 / sum, 2 / sum, 0.5 / sum, 0, 1.5 / sum};
  for (std::size_t j = 0; j < truth.size(); ++j) {
    EXPECT_NEAR(result->shares(static_cast<Eigen::Index>(j)), truth[j], 0.05)
        << input->names[j];
  }
  ASSERT_TRUE(result->rho_before.has_value());
  ASSERT_TRUE(result->rho_after.has_value());
  EXPECT_GT(*result->rho_after, *result->rho_before);
}

// Pairs and groups of the same rounds are pooled: both counts add up.
TEST(Calibration, PoolsPairAndGroupObservations) {
  std::vector<sopu::v1::PastCohort> rounds;
  for (int k = 0; k < 3; ++k) {
    gen::CohortGenOptions o;
    o.mentors = 20;
    o.mentees = 45;
    o.seed = gen::MixSeed(5, static_cast<std::uint64_t>(k));
    gen::HistoryGenOptions h;
    h.seed = gen::MixSeed(o.seed, 1);
    h.groups = true;
    absl::StatusOr<sopu::v1::PastCohort> past = gen::GeneratePastCohort(
        "r", gen::GenerateCohort(o), gen::GeneratorPolicy(),
        gen::GeneratorTruth(), h);
    ASSERT_TRUE(past.ok()) << past.status();
    rounds.push_back(*std::move(past));
  }
  absl::StatusOr<CalibrationInput> input =
      BuildCalibrationInput(rounds, gen::GeneratorPolicy());
  ASSERT_TRUE(input.ok()) << input.status();
  int rated_pairs = 0;
  int groups = 0;
  for (const auto& past : rounds) {
    for (const auto& pair : past.pairs()) rated_pairs += pair.has_rating();
    groups += past.groups_size();
  }
  EXPECT_EQ(input->pair_observations, rated_pairs);
  EXPECT_GT(input->group_observations, 0);
  EXPECT_EQ(input->group_observations + input->unrated_groups, groups);
  EXPECT_EQ(input->data.outcome.size(),
            input->pair_observations + input->group_observations);
}

TEST(Calibration, NeedsASoftCriterion) {
  sopu::v1::Policy policy;
  auto* c = policy.add_criteria();
  c->set_hard(true);
  c->set_weight(1);
  c->mutable_complement();
  EXPECT_EQ(BuildCalibrationInput({}, policy).status().message(),
            "the policy has no soft criterion to calibrate");
}

}  // namespace
}  // namespace sopu::service
