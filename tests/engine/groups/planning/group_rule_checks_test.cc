#include "engine/groups/planning/group_rule_checks.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/groups/planning/planning_fixtures.h"

namespace sopu {
namespace {

using ::sopu::testing::AllAllowed;
using ::sopu::testing::Forbid;
using ::sopu::testing::Peer;
using ::sopu::testing::PoolOf;
using ::testing::ElementsAre;
using ::testing::Pair;

constexpr const char* kPolicyRule = "policy rules (hard criteria, avoid-lists)";

using Counts = std::vector<std::pair<std::string, int>>;

Counts Check(const std::vector<Participant>& people,
             const std::vector<std::uint8_t>& allowed, const GroupRules& rules,
             const std::vector<std::vector<int>>& groups) {
  Counts out;
  for (const RuleCheckResult& r :
       CheckGroupRules(PoolOf(people), allowed, rules, groups)) {
    out.emplace_back(r.rule, r.violations);
  }
  return out;
}

// Plain: n members without attributes.
std::vector<Participant> Plain(int n) {
  std::vector<Participant> people;
  for (int i = 0; i < n; ++i) people.push_back(Peer("p" + std::to_string(i)));
  return people;
}

// WithValues: member i has `attribute` = values[i] ("" = no value).
std::vector<Participant> WithValues(const std::string& attribute,
                                    const std::vector<std::string>& values) {
  std::vector<Participant> people;
  for (std::size_t i = 0; i < values.size(); ++i) {
    Participant p = Peer("p" + std::to_string(i));
    if (!values[i].empty()) p.attributes[attribute] = values[i];
    people.push_back(p);
  }
  return people;
}

// Every rule at once: 12 members, towns A (0-7) and B (8-11), organisation
// o(i % 4), sector s1 for 0, 1, 4, 5, 8, 9, s0 for 2, 3, 6, 7, s2 for 10,
// 11; the pair (0, 5) forbidden; 0 with 1 and 8 with 9 together.
struct EveryRule {
  std::vector<Participant> people;
  std::vector<std::uint8_t> allowed = AllAllowed(12);
  GroupRules rules;

  EveryRule() {
    const char* sector[] = {"s1", "s1", "s0", "s0", "s1", "s1",
                            "s0", "s0", "s1", "s1", "s2", "s2"};
    for (int i = 0; i < 12; ++i) {
      people.push_back(Peer("p" + std::to_string(i),
                            {{"town", i < 8 ? "A" : "B"},
                             {"organisation", "o" + std::to_string(i % 4)},
                             {"sector", sector[i]}}));
    }
    Forbid(allowed, 12, 0, 5);
    rules.min_size = 3;
    rules.max_size = 4;
    rules.key_attribute = "town";
    rules.max_per_organisation = 1;
    rules.balance.push_back({"sector", true, {"s1"}});
    rules.together = {{0, 1}, {8, 9}};
  }
};

TEST(CheckGroupRules, ACorrectGroupingBreaksNoRule) {
  const EveryRule f;
  EXPECT_THAT(
      Check(f.people, f.allowed, f.rules,
            {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}}),
      ElementsAre(Pair("size 3-4", 0), Pair("same town", 0),
                  Pair(kPolicyRule, 0), Pair("together", 0),
                  Pair("at most 1 per organisation", 0),
                  Pair("spread sector", 0), Pair("no isolated sector s1", 0)));
}

TEST(CheckGroupRules, SwappingTwoMembersBreaksExactlyTheRulesTheyTouch) {
  const EveryRule f;
  // 0 and 4 share town, organisation and sector: the swap puts 0 with 5
  // (forbidden) and away from 1 (together), and nothing else changes.
  EXPECT_THAT(
      Check(f.people, f.allowed, f.rules,
            {{4, 1, 2, 3}, {0, 5, 6, 7}, {8, 9, 10, 11}}),
      ElementsAre(Pair("size 3-4", 0), Pair("same town", 0),
                  Pair(kPolicyRule, 1), Pair("together", 1),
                  Pair("at most 1 per organisation", 0),
                  Pair("spread sector", 0), Pair("no isolated sector s1", 0)));
  // 2 and 6 are alike in every rule: swapping them breaks nothing.
  EXPECT_THAT(
      Check(f.people, f.allowed, f.rules,
            {{0, 1, 6, 3}, {4, 5, 2, 7}, {8, 9, 10, 11}}),
      ElementsAre(Pair("size 3-4", 0), Pair("same town", 0),
                  Pair(kPolicyRule, 0), Pair("together", 0),
                  Pair("at most 1 per organisation", 0),
                  Pair("spread sector", 0), Pair("no isolated sector s1", 0)));
}

TEST(CheckGroupRules, SizeCountsEveryGroupOutsideTheBounds) {
  GroupRules rules;
  rules.min_size = 3;
  rules.max_size = 4;
  // Sizes 2, 4, 5, 1: three groups outside 3..4.
  EXPECT_THAT(
      Check(Plain(12), AllAllowed(12), rules,
            {{0, 1}, {2, 3, 4, 5}, {6, 7, 8, 9, 10}, {11}}),
      ElementsAre(Pair("size 3-4", 1 + 0 + 1 + 1), Pair(kPolicyRule, 0)));
}

TEST(CheckGroupRules, KeyCountsTheExtraValuesOfEachGroup) {
  GroupRules rules;
  rules.key_attribute = "town";
  const auto people =
      WithValues("town", {"A", "A", "B", "C", "A", "A", "B", ""});
  // {A, A, B, C}: 2 extra values; {A, A}: none; {B, no value}: 1.
  EXPECT_THAT(
      Check(people, AllAllowed(8), rules, {{0, 1, 2, 3}, {4, 5}, {6, 7}}),
      ElementsAre(Pair("same town", 2 + 0 + 1), Pair(kPolicyRule, 0)));
}

TEST(CheckGroupRules, PolicyRulesCountForbiddenPairsWithinGroupsOnly) {
  std::vector<std::uint8_t> allowed = AllAllowed(5);
  Forbid(allowed, 5, 0, 1);
  Forbid(allowed, 5, 2, 3);
  Forbid(allowed, 5, 0, 3);
  Forbid(allowed, 5, 1, 4);  // in different groups: not broken
  EXPECT_THAT(Check(Plain(5), allowed, GroupRules{}, {{0, 1, 2, 3}, {4}}),
              ElementsAre(Pair(kPolicyRule, 3)));
  EXPECT_THAT(Check(Plain(5), allowed, GroupRules{}, {{0, 2}, {1, 3}, {4}}),
              ElementsAre(Pair(kPolicyRule, 0)));
}

TEST(CheckGroupRules, TogetherCountsPairsSplitOrLeftOut) {
  GroupRules rules;
  // (0, 1) together; (2, 3) split; 4 and 6, 7 in no group.
  rules.together = {{0, 1}, {2, 3}, {4, 5}, {6, 7}};
  EXPECT_THAT(
      Check(Plain(8), AllAllowed(8), rules, {{0, 1, 2}, {3, 5}}),
      ElementsAre(Pair(kPolicyRule, 0), Pair("together", 0 + 1 + 1 + 1)));
}

TEST(CheckGroupRules, OrganisationCapCountsTheHoldersBeyondIt) {
  GroupRules rules;
  rules.max_per_organisation = 1;
  rules.organisation_attribute = "org";
  const auto people =
      WithValues("org", {"o1", "o1", "o1", "o2", "o2", "", "", "o1", "o2"});
  // Group 1: o1 x3, o2 x2, two without: (3 - 1) + (2 - 1); group 2: o1, o2.
  EXPECT_THAT(
      Check(people, AllAllowed(9), rules, {{0, 1, 2, 3, 4, 5, 6}, {7, 8}}),
      ElementsAre(Pair(kPolicyRule, 0), Pair("at most 1 per org", 2 + 1)));
  rules.max_per_organisation = 2;
  EXPECT_THAT(
      Check(people, AllAllowed(9), rules, {{0, 1, 2, 3, 4, 5, 6}, {7, 8}}),
      ElementsAre(Pair(kPolicyRule, 0), Pair("at most 2 per org", 3 - 2)));
}

TEST(CheckGroupRules, SpreadCapIsTheCeilingWhenHoldersDoNotDivide) {
  GroupRules rules;
  rules.balance.push_back({"sector", true, {}});
  // s0: 5 holders over 2 groups -> at most ceil(5 / 2) = 3 per group;
  // s1: 3 holders -> at most 2.
  const auto people = WithValues(
      "sector", {"s0", "s0", "s0", "s0", "", "s0", "s1", "s1", "s1"});
  EXPECT_THAT(
      Check(people, AllAllowed(9), rules, {{0, 1, 2, 3, 4}, {5, 6, 7, 8}}),
      ElementsAre(Pair(kPolicyRule, 0),
                  Pair("spread sector", (4 - 3) + (3 - 2))));
  // 3 + 2 and 1 + 2: within the caps.
  EXPECT_THAT(
      Check(people, AllAllowed(9), rules, {{0, 1, 2, 6, 4}, {3, 5, 7, 8}}),
      ElementsAre(Pair(kPolicyRule, 0), Pair("spread sector", 0)));
  // 6 holders over 3 groups divide: 2 each holds, 3 in one group is 1 over.
  const auto even = WithValues("sector", {"s0", "s0", "s0", "s0", "s0", "s0"});
  EXPECT_THAT(Check(even, AllAllowed(6), rules, {{0, 1}, {2, 3}, {4, 5}}),
              ElementsAre(Pair(kPolicyRule, 0), Pair("spread sector", 0)));
  EXPECT_THAT(Check(even, AllAllowed(6), rules, {{0, 1, 2}, {3}, {4, 5}}),
              ElementsAre(Pair(kPolicyRule, 0), Pair("spread sector", 1)));
}

TEST(CheckGroupRules, SpreadCapsAreCountedPerKeyValue) {
  GroupRules rules;
  rules.key_attribute = "town";
  rules.balance.push_back({"sector", true, {}});
  std::vector<Participant> people;
  for (int i = 0; i < 7; ++i) {
    people.push_back(Peer("p" + std::to_string(i),
                          {{"town", i < 4 ? "A" : "B"}, {"sector", "s0"}}));
  }
  // Town A: 4 holders in 2 groups, at most 2 each, 3 in one group is 1
  // over. Town B: 3 holders in its only group. (Over all 3 groups the cap
  // would be ceil(7 / 3) = 3 and nothing would be broken.)
  EXPECT_THAT(Check(people, AllAllowed(7), rules, {{0, 1, 2}, {3}, {4, 5, 6}}),
              ElementsAre(Pair("same town", 0), Pair(kPolicyRule, 0),
                          Pair("spread sector", 1)));
}

TEST(CheckGroupRules, NoIsolatedCountsGroupsWithOneHolderPerValue) {
  GroupRules rules;
  rules.balance.push_back({"sector", false, {"s1", "s2", "s9"}});
  const auto people =
      WithValues("sector", {"s1", "s2", "s1", "s1", "s0", "s1", "s0"});
  // s1 per group: 1, 2, 0, 1; s2: 1, 0, 0, 0; nobody has s9.
  EXPECT_THAT(
      Check(people, AllAllowed(7), rules, {{0, 1}, {2, 3}, {4}, {5, 6}}),
      ElementsAre(Pair(kPolicyRule, 0), Pair("no isolated sector s1", 2),
                  Pair("no isolated sector s2", 1),
                  Pair("no isolated sector s9", 0)));
}

TEST(CheckGroupRules, NoGroupsBreakNothingAndEveryRuleIsListed) {
  const EveryRule f;
  EXPECT_THAT(
      Check(f.people, f.allowed, f.rules, {}),
      ElementsAre(Pair("size 3-4", 0), Pair("same town", 0),
                  Pair(kPolicyRule, 0), Pair("together", 2),
                  Pair("at most 1 per organisation", 0),
                  Pair("spread sector", 0), Pair("no isolated sector s1", 0)));
  // An empty group has no key value to disagree with.
  GroupRules key;
  key.key_attribute = "town";
  EXPECT_THAT(Check(f.people, f.allowed, key, {{}, {0, 1}}),
              ElementsAre(Pair("same town", 0), Pair(kPolicyRule, 0)));
}

}  // namespace
}  // namespace sopu
