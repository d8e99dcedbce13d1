#include <string>
#include <vector>

#include "engine/model/policy.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

std::vector<std::string> Names(const Policy& policy) {
  std::vector<std::string> names;
  for (const Criterion& c : policy.criteria) names.push_back(c.name);
  return names;
}

Cohort Breakfast(bool themes, bool languages, bool sectors) {
  Cohort cohort;
  if (themes) cohort.themes.push_back({"craft", ""});
  for (int k = 0; k < 3; ++k) {
    Participant& p = cohort.participants.emplace_back();
    p.id = "p" + std::to_string(k);
    p.roles = kRolePeer;
    if (languages && k == 1) p.tags["languages"] = {"fi"};
    if (sectors && k == 2) p.attributes["sector"] = "music";
  }
  return cohort;
}

TEST(DefaultPolicyFor, KeepsEveryCriterionTheCohortCanUse) {
  const DefaultPolicyChoice choice =
      DefaultPolicyFor(Breakfast(true, true, true));
  EXPECT_THAT(Names(choice.policy),
              ::testing::ElementsAre("complement", "shared-language"));
  EXPECT_TRUE(choice.left_out.empty());
  EXPECT_TRUE(choice.policy.honour_avoid_lists);
}

TEST(DefaultPolicyFor, LeavesOutTheSharedLanguageNobodyHas) {
  const DefaultPolicyChoice choice =
      DefaultPolicyFor(Breakfast(true, false, true));
  EXPECT_THAT(Names(choice.policy), ::testing::ElementsAre("complement"));
  ASSERT_EQ(choice.left_out.size(), 1U);
  EXPECT_EQ(choice.left_out[0].criterion, "shared-language");
  EXPECT_EQ(choice.left_out[0].missing, "languages");
}

TEST(DefaultPolicyFor, MixesSectorsWhenANetworkingListHasNoThemes) {
  const DefaultPolicyChoice choice =
      DefaultPolicyFor(Breakfast(false, false, true));
  ASSERT_EQ(choice.policy.criteria.size(), 1U);
  EXPECT_EQ(choice.policy.criteria[0].kind, CriterionKind::kDifferent);
  EXPECT_EQ(choice.policy.criteria[0].field, "sector");
  EXPECT_EQ(choice.left_out.size(), 2U);
}

TEST(DefaultPolicyFor, ScoresNothingWhenTheCohortHasNothingToScoreBy) {
  // A hard shared language alone gives every pair 0: sectors then decide.
  EXPECT_THAT(Names(DefaultPolicyFor(Breakfast(false, true, true)).policy),
              ::testing::ElementsAre("shared-language", "different-sector"));
  EXPECT_TRUE(
      DefaultPolicyFor(Breakfast(false, false, false)).policy.criteria.empty());
}

}  // namespace
}  // namespace sopu
