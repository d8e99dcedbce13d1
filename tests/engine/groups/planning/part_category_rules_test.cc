#include "engine/groups/planning/part_category_rules.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/groups/planning/planning_fixtures.h"

namespace sopu {
namespace {

using ::sopu::testing::Peer;
using ::sopu::testing::PoolOf;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr int kNoCap = CategoryRule::kNoCap;

// People: member i has organisation orgs[i] and sector sectors[i] ('-' = no
// value), as "o<letter>" and "s<letter>".
std::vector<Participant> People(const std::string& orgs,
                                const std::string& sectors) {
  std::vector<Participant> people;
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    Participant p = Peer("p" + std::to_string(i));
    if (orgs[i] != '-')
      p.attributes["organisation"] = std::string("o") + orgs[i];
    if (sectors[i] != '-')
      p.attributes["sector"] = std::string("s") + sectors[i];
    people.push_back(p);
  }
  return people;
}

std::vector<int> All(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i) out.push_back(i);
  return out;
}

TEST(BuildPartCategoryRules, OrganisationCapIndexesValuesInOrderOfFirstHolder) {
  const auto people = People("bab-a", "-----");
  GroupRules rules;
  rules.max_per_organisation = 2;
  const PartCategoryRules r =
      BuildPartCategoryRules(PoolOf(people), All(5), 2, rules, "");
  ASSERT_EQ(r.rules.size(), 1U);
  EXPECT_THAT(r.rules[0].value_of, ElementsAre(0, 1, 0, -1, 1));  // ob, oa
  EXPECT_THAT(r.rules[0].max_per_group, ElementsAre(2, 2));
  EXPECT_THAT(r.rules[0].no_isolated, ElementsAre(0, 0));
  EXPECT_THAT(r.infeasible, IsEmpty());
}

TEST(BuildPartCategoryRules, SpreadCapsAreCeilingsAndShareTheAttributesRule) {
  // Sector a: 5 holders, b: 2, c: 1; 2 groups. The organisation cap on
  // the same attribute tightens the caps further.
  const auto people = People("--------", "aaaaabbc");
  GroupRules rules;
  rules.balance.push_back({"sector", true, {}});
  PartCategoryRules r =
      BuildPartCategoryRules(PoolOf(people), All(8), 2, rules, "");
  ASSERT_EQ(r.rules.size(), 1U);
  EXPECT_THAT(r.rules[0].max_per_group, ElementsAre(3, 1, 1));
  rules.max_per_organisation = 2;
  rules.organisation_attribute = "sector";
  r = BuildPartCategoryRules(PoolOf(people), All(8), 2, rules, "");
  ASSERT_EQ(r.rules.size(), 1U);
  EXPECT_THAT(r.rules[0].max_per_group, ElementsAre(2, 1, 1));
  // Sector a: 5 holders, 2 groups of at most 2 each.
  EXPECT_THAT(r.infeasible,
              ElementsAre("5 members share sector sa, but 2 groups take at "
                          "most 2 each"));
}

TEST(BuildPartCategoryRules, OneRulePerAttributeInNameOrder) {
  const auto people = People("ab", "ab");
  GroupRules rules;
  rules.max_per_organisation = 1;
  rules.balance.push_back({"sector", false, {"sa"}});
  rules.balance.push_back({"town", true, {}});  // nobody has a town
  const PartCategoryRules r =
      BuildPartCategoryRules(PoolOf(people), All(2), 1, rules, "");
  ASSERT_EQ(r.rules.size(), 2U);  // organisation, sector
  EXPECT_THAT(r.rules[0].max_per_group, ElementsAre(1, 1));
  EXPECT_THAT(r.rules[1].max_per_group, ElementsAre(kNoCap, kNoCap));
  EXPECT_THAT(r.rules[1].no_isolated, ElementsAre(1, 0));
}

TEST(BuildPartCategoryRules, ExplainsOrganisationsTooLargeForTheGroups) {
  const auto people = People("aaaabbbc", "--------");
  GroupRules rules;
  rules.max_per_organisation = 1;
  const PartCategoryRules one =
      BuildPartCategoryRules(PoolOf(people), All(8), 1, rules, " with town X");
  EXPECT_THAT(one.infeasible,
              ElementsAre("4 members with town X share organisation oa, but 1 "
                          "group takes at most 1 each",
                          "3 members with town X share organisation ob, but 1 "
                          "group takes at most 1 each"));
  const PartCategoryRules three =
      BuildPartCategoryRules(PoolOf(people), All(8), 3, rules, "");
  EXPECT_THAT(three.infeasible,
              ElementsAre("4 members share organisation oa, but 3 groups take "
                          "at most 1 each"));
}

TEST(BuildPartCategoryRules, LargeCapsDoNotOverflow) {
  const auto people = People("aaa", "---");
  GroupRules rules;
  rules.max_per_organisation = 2'000'000'000;
  const PartCategoryRules r =
      BuildPartCategoryRules(PoolOf(people), All(3), 3, rules, "");
  EXPECT_THAT(r.infeasible, IsEmpty());
  EXPECT_THAT(r.rules[0].max_per_group, ElementsAre(2'000'000'000));
}

TEST(BuildPartCategoryRules, ExplainsNoIsolatedValuesThatCannotHold) {
  // sa: one holder; sb: 2 holders spread over 2 groups -> 1 per group.
  const auto people = People("----", "abbc");
  GroupRules rules;
  rules.balance.push_back({"sector", true, {"sa", "sb", "sc", "sz"}});
  const PartCategoryRules r =
      BuildPartCategoryRules(PoolOf(people), All(4), 2, rules, " with town X");
  EXPECT_THAT(
      r.infeasible,
      ElementsAre("only 1 member with town X has sector sa, so their group "
                  "would hold them alone",
                  "2 members with town X have sector sb: spread allows 1 per "
                  "group and no isolated minority needs 0 or at least 2",
                  "only 1 member with town X has sector sc, so their group "
                  "would hold them alone"));
  ASSERT_EQ(r.rules.size(), 1U);
  EXPECT_THAT(r.rules[0].no_isolated, ElementsAre(1, 1, 1));  // sz: nobody
}

}  // namespace
}  // namespace sopu
