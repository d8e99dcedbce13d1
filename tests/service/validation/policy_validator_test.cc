#include "service/validation/policy_validator.h"

#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/convert/policy_convert.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::sopu::testing::Pairs;
using ::sopu::testing::ToPairs;
using ::sopu::testing::ValidCohort;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

sopu::v1::Policy ValidPolicy() {
  sopu::v1::Policy policy;
  auto* complement = policy.add_criteria();
  complement->set_weight(3);
  complement->mutable_complement()->add_themes("lead");
  auto* language = policy.add_criteria();
  language->set_weight(1);
  language->set_hard(true);
  language->mutable_overlap()->set_tags("languages");
  return policy;
}

Pairs Check(const sopu::v1::Policy& policy, bool is_default = false) {
  ViolationList list;
  ValidatePolicy(policy, ValidCohort(), "policy", is_default, list);
  return ToPairs(list.violations());
}

TEST(PolicyValidator, ValidPolicyHasNoProblem) {
  EXPECT_THAT(Check(ValidPolicy()), IsEmpty());
}

TEST(PolicyValidator, NoCriteria) {
  EXPECT_THAT(Check(sopu::v1::Policy()),
              ElementsAre(Pair("policy.criteria",
                               "at least one criterion is required")));
}

TEST(PolicyValidator, KindMissing) {
  auto policy = ValidPolicy();
  policy.add_criteria()->set_weight(1);
  EXPECT_THAT(Check(policy),
              ElementsAre(Pair("policy.criteria[2]",
                               "set one kind: complement, similar, different, "
                               "overlap, distance or gap")));
}

TEST(PolicyValidator, BadWeights) {
  auto policy = ValidPolicy();
  policy.mutable_criteria(0)->set_weight(-1);
  policy.mutable_criteria(1)->set_weight(
      std::numeric_limits<double>::quiet_NaN());
  EXPECT_THAT(Check(policy),
              ElementsAre(Pair("policy.criteria[0].weight",
                               "must be a finite number in 0..1000"),
                          Pair("policy.criteria[1].weight",
                               "must be a finite number in 0..1000")));
}

TEST(PolicyValidator, WeightsSumToZero) {
  auto policy = ValidPolicy();
  policy.mutable_criteria(0)->set_weight(0);
  policy.mutable_criteria(1)->set_weight(0);
  EXPECT_THAT(Check(policy),
              ElementsAre(Pair("policy.criteria",
                               "the weights sum to 0; give at least one "
                               "criterion a positive weight")));
}

TEST(PolicyValidator, UnknownThemeAndMisspeltFields) {
  auto policy = ValidPolicy();
  policy.mutable_criteria(0)->mutable_complement()->add_themes("leadership");
  policy.add_criteria()->mutable_similar()->set_attribute("sectr");
  policy.add_criteria()->mutable_gap()->set_number("years");
  EXPECT_THAT(
      Check(policy),
      ElementsAre(Pair("policy.criteria[0].complement.themes[1]",
                       "unknown theme; it is not in the cohort's taxonomy"),
                  Pair("policy.criteria[2].similar.attribute",
                       "no participant has this attribute; check the "
                       "spelling"),
                  Pair("policy.criteria[3].gap.number",
                       "no participant has this number; check the "
                       "spelling")));
}

TEST(PolicyValidator, DuplicateNamesIncludingDefaults) {
  auto policy = ValidPolicy();
  policy.add_criteria()->mutable_overlap()->set_tags("languages");
  EXPECT_EQ(CriterionName(policy.criteria(2)), "overlap:languages");
  EXPECT_THAT(Check(policy),
              ElementsAre(Pair("policy.criteria[2].name",
                               "the same name as criteria[1]; give each "
                               "criterion a distinct name")));
}

TEST(PolicyValidator, ParameterRanges) {
  auto policy = ValidPolicy();
  policy.mutable_criteria(0)->mutable_complement()->set_min_coverage(1.5);
  policy.mutable_criteria(1)->mutable_overlap()->set_minimum(-2);
  auto* gap = policy.add_criteria()->mutable_gap();
  gap->set_number("years");
  gap->set_min_gap(5);
  gap->set_max_gap(2);
  gap->set_tolerance(0);
  auto cohort = ValidCohort();
  (*cohort.mutable_participants(0)->mutable_numbers())["years"] = 10;
  ViolationList list;
  ValidatePolicy(policy, cohort, "policy", false, list);
  EXPECT_THAT(
      ToPairs(list.violations()),
      ElementsAre(
          Pair("policy.criteria[0].complement.min_coverage", "must be in 0..1"),
          Pair("policy.criteria[1].overlap.minimum", "must be in 0..1000"),
          Pair("policy.criteria[2].gap.max_gap",
               "must be a finite number not below min_gap"),
          Pair("policy.criteria[2].gap.tolerance",
               "must be a number above 0")));
}

TEST(PolicyValidator, DefaultPolicyNeedsLanguages) {
  auto cohort = ValidCohort();
  for (auto& p : *cohort.mutable_participants()) p.clear_tags();
  ViolationList list;
  ValidatePolicy(ToProtoPolicy(DefaultPolicy()), cohort, "policy",
                 /*is_default=*/true, list);
  EXPECT_THAT(ToPairs(list.violations()),
              ElementsAre(Pair("policy.criteria[1].overlap.tags",
                               "the default policy needs the tag set "
                               "'languages' but no participant has it; add it "
                               "to the cohort or give a policy")));
}

TEST(PolicyValidator, OrganisationAttributeMustExist) {
  auto policy = ValidPolicy();
  policy.set_forbid_same_organisation(true);
  EXPECT_THAT(Check(policy),
              ElementsAre(Pair("policy.organisation_attribute",
                               "no participant has this attribute; check the "
                               "spelling")));
}

}  // namespace
}  // namespace sopu::service
