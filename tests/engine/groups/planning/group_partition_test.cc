#include "engine/groups/planning/group_partition.h"

#include <string>
#include <utility>
#include <vector>

#include "engine/common/index.h"
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
using ::testing::IsEmpty;
using ::testing::Pair;

// Towns: one letter per member (A, B, C; '-' = no town), ids p0, p1, ...
std::vector<Participant> Towns(const std::string& towns) {
  std::vector<Participant> people;
  for (std::size_t i = 0; i < towns.size(); ++i) {
    Participant p = Peer("p" + std::to_string(i));
    if (towns[i] != '-') p.attributes["town"] = std::string(1, towns[i]);
    people.push_back(p);
  }
  return people;
}

// Affinity: a(i, j) = i + j for i != j (symmetric, distinct per pair sum).
std::vector<double> Affinity(int n) {
  std::vector<double> a(Idx(n) * Idx(n), 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (i != j) a[At(i, j, n)] = i + j;
    }
  }
  return a;
}

GroupRules Sizes(int min_size, int max_size) {
  GroupRules rules;
  rules.min_size = min_size;
  rules.max_size = max_size;
  return rules;
}

std::vector<std::pair<std::string, std::string>> Infeasible(
    const GroupPartition& p) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const PartInfeasibility& f : p.infeasible) {
    out.emplace_back(f.key_value, f.explanation);
  }
  return out;
}

TEST(BuildGroupParts, SplitsByKeyInOrderOfFirstMemberAndListsMembersWithout) {
  const auto people = Towns("BAB-AB");
  GroupRules rules = Sizes(1, 3);
  rules.key_attribute = "town";
  const GroupPartition p =
      BuildGroupParts(PoolOf(people), Affinity(6), AllAllowed(6), rules);
  ASSERT_EQ(p.parts.size(), 2U);
  EXPECT_EQ(p.parts[0].key_value, "B");
  EXPECT_THAT(p.parts[0].members, ElementsAre(0, 2, 5));
  EXPECT_EQ(p.parts[1].key_value, "A");
  EXPECT_THAT(p.parts[1].members, ElementsAre(1, 4));
  ASSERT_EQ(p.unassigned.size(), 1U);
  EXPECT_EQ(p.unassigned[0].id, "p3");
  EXPECT_EQ(p.unassigned[0].reason, "no value for town");
  EXPECT_THAT(p.infeasible, IsEmpty());
}

TEST(BuildGroupParts, WithoutAKeyEveryMemberIsInOnePart) {
  const auto people = Towns("BA-");
  const GroupPartition p =
      BuildGroupParts(PoolOf(people), Affinity(3), AllAllowed(3), Sizes(1, 3));
  ASSERT_EQ(p.parts.size(), 1U);
  EXPECT_EQ(p.parts[0].key_value, "");
  EXPECT_THAT(p.parts[0].members, ElementsAre(0, 1, 2));
  EXPECT_THAT(p.unassigned, IsEmpty());
}

TEST(BuildGroupParts, GroupCountAndBoundsFollowTheRules) {
  const auto people = Towns("AAAAAAAAAA");  // 10 members
  const auto bounds = [&](const GroupRules& rules) {
    const GroupPartition p =
        BuildGroupParts(PoolOf(people), Affinity(10), AllAllowed(10), rules);
    std::vector<std::pair<int, int>> out;
    for (const GroupBounds& b : p.parts.at(0).problem.groups) {
      out.emplace_back(b.min_size, b.max_size);
    }
    return out;
  };
  // The fewest groups that fit max_size: ceil(10 / 4) = 3.
  EXPECT_THAT(bounds(Sizes(2, 4)),
              ElementsAre(Pair(2, 4), Pair(2, 4), Pair(2, 4)));
  // group_count without sizes: floor(10 / 3)..ceil(10 / 3).
  GroupRules count;
  count.group_count = 3;
  EXPECT_THAT(bounds(count), ElementsAre(Pair(3, 4), Pair(3, 4), Pair(3, 4)));
  // group_count with sizes.
  GroupRules both = Sizes(1, 9);
  both.group_count = 2;
  EXPECT_THAT(bounds(both), ElementsAre(Pair(1, 9), Pair(1, 9)));
}

TEST(BuildGroupParts, PartProblemsHoldTheirAffinitiesApartAndTogetherPairs) {
  const auto people = Towns("ABABA");
  const int n = 5;
  std::vector<std::uint8_t> allowed = AllAllowed(n);
  Forbid(allowed, n, 0, 4);  // both in A
  Forbid(allowed, n, 1, 2);  // across parts: no rule inside a part
  GroupRules rules = Sizes(1, 3);
  rules.key_attribute = "town";
  rules.together = {{2, 4}, {1, 3}};
  const GroupPartition p =
      BuildGroupParts(PoolOf(people), Affinity(n), allowed, rules);
  ASSERT_EQ(p.parts.size(), 2U);
  const GroupProblem& a = p.parts[0].problem;  // members 0, 2, 4
  EXPECT_EQ(a.elements, 3);
  EXPECT_EQ(a.group_count(), 1);
  EXPECT_THAT(a.affinity, ElementsAre(0.0, 0 + 2, 0 + 4,  //
                                      2 + 0, 0.0, 2 + 4,  //
                                      4 + 0, 4 + 2, 0.0));
  EXPECT_THAT(a.apart, ElementsAre(Pair(0, 2)));
  EXPECT_THAT(a.together, ElementsAre(Pair(1, 2)));
  const GroupProblem& b = p.parts[1].problem;  // members 1, 3
  EXPECT_THAT(b.affinity, ElementsAre(0.0, 1 + 3, 3 + 1, 0.0));
  EXPECT_THAT(b.apart, IsEmpty());
  EXPECT_THAT(b.together, ElementsAre(Pair(0, 1)));
  EXPECT_THAT(p.infeasible, IsEmpty());
}

TEST(BuildGroupParts, ExplainsSizesThatCannotHold) {
  const auto people = Towns("AAAAAAABBBBB");
  GroupRules rules = Sizes(4, 6);
  rules.key_attribute = "town";
  const GroupPartition p =
      BuildGroupParts(PoolOf(people), Affinity(12), AllAllowed(12), rules);
  EXPECT_THAT(Infeasible(p),
              ElementsAre(Pair("A",
                               "7 members with town A cannot form "
                               "groups of 4-6")));
  EXPECT_TRUE(p.parts[0].problem.groups.empty());  // not built
  EXPECT_EQ(p.parts[1].problem.group_count(), 1);

  GroupRules count = Sizes(3, 3);
  count.group_count = 2;
  const auto five = Towns("AAAAA");
  EXPECT_THAT(Infeasible(BuildGroupParts(PoolOf(five), Affinity(5),
                                         AllAllowed(5), count)),
              ElementsAre(Pair("", "5 members cannot form 2 groups of 3-3")));
  count.group_count = 1;
  EXPECT_THAT(Infeasible(BuildGroupParts(PoolOf(five), Affinity(5),
                                         AllAllowed(5), count)),
              ElementsAre(Pair("", "5 members cannot form 1 group of 3-3")));
}

TEST(BuildGroupParts, ExplainsTogetherPairsThatCannotHold) {
  const auto people = Towns("AAAAAA");
  const int n = 6;
  std::vector<std::uint8_t> allowed = AllAllowed(n);
  Forbid(allowed, n, 3, 4);
  GroupRules rules = Sizes(1, 2);
  rules.key_attribute = "town";
  // 0, 1, 2: one set of 3 > 2; (3, 4) forbidden.
  rules.together = {{0, 1}, {1, 2}, {3, 4}};
  EXPECT_THAT(
      Infeasible(BuildGroupParts(PoolOf(people), Affinity(n), allowed, rules)),
      ElementsAre(Pair("A",
                       "p3 and p4 must be together but the policy forbids "
                       "pairing them"),
                  Pair("A",
                       "3 members with town A must be together, but a group "
                       "holds at most 2")));
}

TEST(BuildGroupParts, ExplainsTogetherPairsTheKeySplits) {
  GroupRules rules = Sizes(1, 2);
  rules.key_attribute = "town";
  rules.together = {{0, 1}};
  const auto split = Towns("AB");
  EXPECT_THAT(Infeasible(BuildGroupParts(PoolOf(split), Affinity(2),
                                         AllAllowed(2), rules)),
              ElementsAre(Pair("A",
                               "p0 and p1 must be together but have "
                               "different town values")));
  // The first member without a town: no key value to name.
  const auto keyless = Towns("-A");
  EXPECT_THAT(Infeasible(BuildGroupParts(PoolOf(keyless), Affinity(2),
                                         AllAllowed(2), rules)),
              ElementsAre(Pair("",
                               "p0 and p1 must be together but have "
                               "different town values")));
}

}  // namespace
}  // namespace sopu
