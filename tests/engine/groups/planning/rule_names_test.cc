#include "engine/groups/planning/rule_names.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Cohort: peers p0.. with a town and sector ('-' = none) each, and one
// mentor with a region the peers lack.
Cohort Cohort3(const std::string& towns) {
  Cohort cohort;
  for (std::size_t k = 0; k < towns.size(); ++k) {
    Participant& p = cohort.participants.emplace_back();
    p.id = "p" + std::to_string(k);
    p.roles = kRolePeer;
    if (towns[k] != '-') p.municipality = towns[k] == 'A' ? "Vaasa" : "Oulu";
    p.attributes["sector"] = k % 2 == 0 ? "music" : "dance";
  }
  Participant& m = cohort.participants.emplace_back();
  m.id = "m";
  m.roles = kRoleMentor;
  m.region = "Pohjanmaa";
  m.attributes["stage"] = "senior";
  return cohort;
}

TEST(CheckRuleNames, AcceptsNamesTheMembersHave) {
  const std::vector<BalanceRule> balance = {{"sector", true, {"dance"}}};
  EXPECT_THAT(
      CheckRuleNames(Cohort3("AAB"), kRolePeer, "municipality", balance),
      IsEmpty());
}

TEST(CheckRuleNames, RefusesAKeyOnlyOtherRolesHaveAndListsTheMembersNames) {
  const std::vector<RuleNameProblem> problems =
      CheckRuleNames(Cohort3("AAB"), kRolePeer, "region", {});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].kind, RuleNameProblemKind::kUnknownKeyAttribute);
  EXPECT_EQ(problems[0].field, "key_attribute");
  EXPECT_THAT(problems[0].existing, ElementsAre("municipality", "sector"));
  EXPECT_EQ(problems[0].suggestion, std::nullopt);
}

TEST(CheckRuleNames, NamesEveryMemberWithoutAKeyValueByCohortIndex) {
  const std::vector<RuleNameProblem> problems =
      CheckRuleNames(Cohort3("A-B-"), kRolePeer, "municipality", {});
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(problems[0].kind, RuleNameProblemKind::kMissingKeyValue);
  EXPECT_EQ(problems[0].participant, 1);
  EXPECT_EQ(problems[1].participant, 3);
  EXPECT_EQ(problems[1].attribute, "municipality");
}

TEST(CheckRuleNames, SuggestsTheNearestAttributeAndValue) {
  const std::vector<BalanceRule> balance = {{"Sectr", true, {}},
                                            {"sector", false, {"Dance", "x"}}};
  const std::vector<RuleNameProblem> problems =
      CheckRuleNames(Cohort3("AB"), kRolePeer, "", balance);
  ASSERT_EQ(problems.size(), 3U);
  EXPECT_EQ(problems[0].field, "balance[0].attribute");
  EXPECT_EQ(problems[0].suggestion, "sector");
  EXPECT_EQ(problems[1].field, "balance[1].no_isolated_values[0]");
  EXPECT_EQ(problems[1].kind, RuleNameProblemKind::kUnknownIsolatedValue);
  EXPECT_THAT(problems[1].existing, ElementsAre("dance", "music"));
  EXPECT_EQ(problems[1].suggestion, "dance");
  EXPECT_EQ(problems[2].field, "balance[1].no_isolated_values[1]");
  EXPECT_EQ(problems[2].suggestion, std::nullopt);
}

TEST(CheckRuleNames, HasNothingToSayWithoutMembers) {
  EXPECT_THAT(
      CheckRuleNames(Cohort3("AB"), kRoleMentee, "town", {{"x", true, {}}}),
      IsEmpty());
}

}  // namespace
}  // namespace sopu
