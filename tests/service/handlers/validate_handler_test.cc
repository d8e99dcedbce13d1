#include "service/handlers/validate_handler.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::sopu::testing::ToPairs;
using ::sopu::testing::ValidCohort;
using ::testing::ElementsAre;
using ::testing::Pair;

TEST(ValidateHandler, ValidCohortIsSummarised) {
  sopu::v1::ValidateRequest request;
  *request.mutable_cohort() = ValidCohort();
  const auto response = HandleValidate(request).value();
  EXPECT_TRUE(response.valid());
  EXPECT_EQ(response.violations_size(), 0);
  EXPECT_EQ(response.summary().participants(), 4);
  EXPECT_EQ(response.summary().mentors(), 2);
  EXPECT_EQ(response.summary().mentees(), 2);
  EXPECT_EQ(response.summary().themes(), 2);
}

TEST(ValidateHandler, ListsCohortAndPolicyProblemsTogether) {
  sopu::v1::ValidateRequest request;
  *request.mutable_cohort() = ValidCohort();
  request.mutable_cohort()->mutable_participants(0)->set_capacity(-2);
  request.mutable_policy()->add_criteria()->mutable_similar()->set_attribute(
      "sector");
  const auto response = HandleValidate(request).value();
  EXPECT_FALSE(response.valid());
  EXPECT_FALSE(response.truncated());
  EXPECT_THAT(
      ToPairs(response.violations()),
      ElementsAre(
          Pair("cohort.participants[0].capacity", "must not be negative"),
          Pair("policy.criteria[0].similar.attribute",
               "no participant has this attribute; check the "
               "spelling"),
          Pair("policy.criteria",
               "the weights sum to 0; give at least one criterion a "
               "positive weight")));
}

TEST(ValidateHandler, EmptyCohort) {
  const auto response = HandleValidate(sopu::v1::ValidateRequest()).value();
  EXPECT_FALSE(response.valid());
  EXPECT_THAT(ToPairs(response.violations()),
              ElementsAre(Pair("cohort.participants",
                               "the cohort is empty: add at least one "
                               "participant")));
}

}  // namespace
}  // namespace sopu::service
