#include "service/history/past_cohort_validator.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/history/past_cohort_file.h"

namespace sopu::service {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

const std::string kTiny =
    std::string(SOPU_TEST_DATA_DIR) + "/history/tiny/tiny-round.json";

sopu::v1::PastCohort Tiny() {
  absl::StatusOr<LoadedPastCohort> loaded = ReadPastCohortFile(kTiny);
  EXPECT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_THAT(loaded->problems, IsEmpty());
  return loaded->past;
}

std::vector<std::pair<std::string, std::string>> Problems(
    const sopu::v1::PastCohort& past) {
  ViolationList violations;
  ValidatePastCohort(past, violations);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& v : violations.violations()) {
    out.emplace_back(v.field(), v.description());
  }
  return out;
}

TEST(ValidatePastCohort, TinyIsValid) {
  EXPECT_THAT(Problems(Tiny()), IsEmpty());
}

TEST(ValidatePastCohort, PairFieldsOneAtATime) {
  auto past = Tiny();
  past.mutable_pairs(1)->set_mentor_id("zz");
  EXPECT_THAT(Problems(past), ElementsAre(Pair("pairs[1].mentor_id",
                                               "no participant has this id")));
  past = Tiny();
  past.mutable_pairs(2)->set_rating(6);
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("pairs[2].rating", "must be in 1..5")));
  past = Tiny();
  past.mutable_pairs(0)->set_rating(std::nan(""));
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("pairs[0].rating", "must be in 1..5")));
  past = Tiny();
  past.mutable_pairs(2)->set_mentee_id("a1");
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("pairs[2].mentee_id",
                               "this mentee is already in pairs[0]")));
  past = Tiny();
  past.mutable_pairs(0)->set_mentee_id("m1");
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("pairs[0].mentee_id",
                               "this participant is not a mentee")));
  past = Tiny();
  past.mutable_pairs(0)->set_mentor_id("a2");
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("pairs[0].mentor_id",
                               "this participant is not a mentor")));
  past = Tiny();
  past.mutable_pairs(0)->clear_mentee_id();
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("pairs[0].mentee_id", "required")));
}

TEST(ValidatePastCohort, GroupFieldsOneAtATime) {
  auto past = Tiny();
  past.mutable_groups(0)->add_member_ids("a1");
  EXPECT_THAT(Problems(past), ElementsAre(Pair("groups[0].member_ids[3]",
                                               "listed twice in this group")));
  past = Tiny();
  auto* second = past.add_groups();
  second->add_member_ids("m2");
  second->add_member_ids("a2");
  EXPECT_THAT(Problems(past), ElementsAre(Pair("groups[1].member_ids[1]",
                                               "already in groups[0]")));
  past = Tiny();
  past.mutable_groups(0)->set_facilitator_id("a1");
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("groups[0].facilitator_id",
                               "the facilitator is also a member")));
  past = Tiny();
  past.mutable_groups(0)->set_facilitator_id("nobody");
  EXPECT_THAT(Problems(past), ElementsAre(Pair("groups[0].facilitator_id",
                                               "no participant has this id")));
  past = Tiny();
  past.mutable_groups(0)->set_rating(0.5);
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("groups[0].rating", "must be in 1..5")));
  past = Tiny();
  past.mutable_groups(0)->clear_member_ids();
  EXPECT_THAT(Problems(past),
              ElementsAre(Pair("groups[0].member_ids",
                               "a group needs at least one member")));
}

TEST(ValidatePastCohort, CohortAndPolicyPathsAreRooted) {
  auto past = Tiny();
  (*past.mutable_cohort()->mutable_participants(2)->mutable_goals())["t1"] = 7;
  past.mutable_policy()->mutable_criteria(0)->set_weight(-1);
  const auto problems = Problems(past);
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(problems[0].first, "cohort.participants[2].goals.t1");
  EXPECT_EQ(problems[1].first, "policy.criteria[0].weight");
}

TEST(ReadPastCohortFile, JsonProblemIsOneValueFreeLine) {
  absl::StatusOr<LoadedPastCohort> loaded = ReadPastCohortFile(
      std::string(SOPU_TEST_DATA_DIR) + "/history/complement.json");
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->problems.size(), 1U);
  EXPECT_EQ(loaded->problems[0].field(), "file");
}

TEST(ListPastCohortFiles, SortedJsonFiles) {
  auto files =
      ListPastCohortFiles(std::string(SOPU_TEST_DATA_DIR) + "/history/tiny");
  ASSERT_TRUE(files.ok());
  EXPECT_THAT(*files, ElementsAre(kTiny));
  EXPECT_EQ(ListPastCohortFiles(kTiny).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace sopu::service
