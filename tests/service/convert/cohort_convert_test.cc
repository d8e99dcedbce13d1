#include "service/convert/cohort_convert.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/convert/policy_convert.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::testing::ElementsAre;

TEST(CohortConvert, CopiesProfilesAndResolvesDefaults) {
  auto proto = sopu::testing::ValidCohort();
  auto* a2 = proto.mutable_participants(3);
  a2->add_roles(sopu::v1::ROLE_PEER);
  (*a2->mutable_tags())["languages"].add_values("fi");  // duplicate
  a2->mutable_location()->set_has_coordinates(true);
  a2->mutable_location()->set_lat(62.79);
  a2->mutable_location()->set_lon(22.84);
  a2->mutable_location()->set_municipality("Seinäjoki");
  a2->add_avoid("m2");

  const sopu::Cohort cohort = ToEngineCohort(proto);
  ASSERT_EQ(cohort.participants.size(), 4U);
  ASSERT_EQ(cohort.themes.size(), 2U);
  EXPECT_EQ(cohort.themes[0].id, "lead");
  const Participant& m1 = cohort.participants[0];
  EXPECT_EQ(m1.roles, kRoleMentor);
  EXPECT_EQ(m1.capacity, 2);
  EXPECT_DOUBLE_EQ(m1.competences.at("lead"), 5.0);
  EXPECT_EQ(cohort.participants[1].capacity, 1);  // unset -> 1
  const Participant& p = cohort.participants[3];
  EXPECT_EQ(p.roles, kRoleMentee | kRolePeer);
  EXPECT_THAT(p.tags.at("languages"), ElementsAre("fi", "sv"));
  ASSERT_TRUE(p.coordinates.has_value());
  EXPECT_DOUBLE_EQ(p.coordinates->lat_deg, 62.79);
  EXPECT_EQ(p.municipality, "Seinäjoki");
  EXPECT_THAT(p.avoid, ElementsAre("m2"));
  EXPECT_FALSE(cohort.participants[0].coordinates.has_value());
}

TEST(PolicyConvert, ResolvesDefaultsAndRoundTrips) {
  sopu::v1::Policy proto;
  auto* overlap = proto.add_criteria();
  overlap->set_weight(1);
  overlap->mutable_overlap()->set_tags("availability");
  overlap->mutable_overlap()->set_minimum(2);
  auto* distance = proto.add_criteria();
  distance->set_weight(2);
  distance->set_hard(true);
  distance->mutable_distance();
  auto* gap = proto.add_criteria();
  gap->set_name("experience");
  gap->set_weight(1);
  gap->mutable_gap()->set_number("years");
  gap->mutable_gap()->set_min_gap(-5);

  const sopu::Policy policy = ToEnginePolicy(proto);
  ASSERT_EQ(policy.criteria.size(), 3U);
  EXPECT_EQ(policy.criteria[0].name, "overlap:availability");
  EXPECT_EQ(policy.criteria[0].minimum, 2);
  EXPECT_EQ(policy.criteria[0].saturation, 2);  // defaults to minimum
  EXPECT_EQ(policy.criteria[1].name, "distance");
  EXPECT_EQ(policy.criteria[1].distance_mode, DistanceMode::kGeo);
  EXPECT_DOUBLE_EQ(policy.criteria[1].max_km, 200.0);
  EXPECT_TRUE(policy.criteria[1].hard);
  EXPECT_EQ(policy.criteria[2].name, "experience");
  EXPECT_DOUBLE_EQ(policy.criteria[2].tolerance, 5.0);  // max(1, |-5|)
  EXPECT_FALSE(policy.criteria[2].max_gap.has_value());
  EXPECT_EQ(policy.organisation_attribute, "organisation");

  const sopu::Policy again = ToEnginePolicy(ToProtoPolicy(policy));
  ASSERT_EQ(again.criteria.size(), 3U);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(again.criteria[k].name, policy.criteria[k].name);
    EXPECT_EQ(again.criteria[k].kind, policy.criteria[k].kind);
    EXPECT_DOUBLE_EQ(again.criteria[k].weight, policy.criteria[k].weight);
    EXPECT_EQ(again.criteria[k].field, policy.criteria[k].field);
    EXPECT_EQ(again.criteria[k].minimum, policy.criteria[k].minimum);
    EXPECT_EQ(again.criteria[k].saturation, policy.criteria[k].saturation);
    EXPECT_DOUBLE_EQ(again.criteria[k].tolerance, policy.criteria[k].tolerance);
  }
}

}  // namespace
}  // namespace sopu::service
