#include "engine/groups/planning/part_progress.h"

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

// Six people; the part holds p1, p2, p4, p5 in 3 groups.
struct Fixture {
  std::vector<Participant> people;
  GroupPart part;

  Fixture() {
    for (int i = 0; i < 6; ++i) people.push_back(Peer("p" + std::to_string(i)));
    part.key_value = "Vaasa";
    part.members = {1, 2, 4, 5};
    part.problem.elements = 4;
    part.problem.groups.assign(3, GroupBounds{0, 4});
  }
};

TEST(PartImprovement, NamesTheMembersOfEachNonEmptyGroupInLabelOrder) {
  const Fixture f;
  const Improvement i =
      PartImprovement(f.part, PoolOf(f.people), {2, 0, 2, 2}, 7.5);
  EXPECT_EQ(i.part, "Vaasa");
  EXPECT_EQ(i.objective, 7.5);
  EXPECT_THAT(i.groups, ElementsAre(ElementsAre("p2"),  // group 0
                                    ElementsAre("p1", "p4", "p5")));
}

TEST(PartCallContext, RescalesProgressToTheWholeSearchAndNamesMembers) {
  const Fixture f;
  const auto pool = PoolOf(f.people);
  std::vector<Progress> outer_progress;
  std::vector<Improvement> improvements;
  CancellationToken token;
  const CallContext outer{
      .cancel = &token,
      .progress = [&](const Progress& p) { outer_progress.push_back(p); },
      .improved = [&](const Improvement& i) { improvements.push_back(i); }};
  const CallContext inner = PartCallContext(outer, f.part, pool, 1.25, 4.0);
  EXPECT_EQ(inner.cancel, &token);

  const std::vector<int> group_of = {0, 1, 1, 0};
  inner.progress({.done = 300,
                  .total = 2000,
                  .best_objective = 3.0,
                  .improved_group_of = &group_of});
  inner.progress({.done = 500, .total = 2000, .best_objective = 3.0});
  ASSERT_EQ(outer_progress.size(), 2U);
  EXPECT_EQ(outer_progress[0].done, 1250 + 300);
  EXPECT_EQ(outer_progress[0].total, 4000);
  EXPECT_EQ(outer_progress[0].best_objective, 3.0);
  EXPECT_EQ(outer_progress[0].improved_group_of, nullptr);
  EXPECT_EQ(outer_progress[1].done, 1250 + 500);
  // Only the report with a grouping is an improvement.
  ASSERT_EQ(improvements.size(), 1U);
  EXPECT_EQ(improvements[0].part, "Vaasa");
  EXPECT_EQ(improvements[0].objective, 3.0);
  EXPECT_THAT(improvements[0].groups,
              ElementsAre(ElementsAre("p1", "p5"), ElementsAre("p2", "p4")));
}

TEST(PartCallContext, ImprovementsAloneOrNothingAtAll) {
  const Fixture f;
  const auto pool = PoolOf(f.people);
  int improvements = 0;
  const CallContext only_improved{
      .improved = [&](const Improvement&) { ++improvements; }};
  const CallContext inner =
      PartCallContext(only_improved, f.part, pool, 0.0, 1.0);
  ASSERT_TRUE(static_cast<bool>(inner.progress));
  const std::vector<int> group_of = {0, 0, 1, 1};
  inner.progress({.done = 1, .total = 2, .improved_group_of = &group_of});
  EXPECT_EQ(improvements, 1);

  const CallContext silent = PartCallContext({}, f.part, pool, 0.0, 1.0);
  EXPECT_FALSE(static_cast<bool>(silent.progress));
  EXPECT_FALSE(static_cast<bool>(silent.improved));
  EXPECT_EQ(silent.cancel, nullptr);
}

}  // namespace
}  // namespace sopu
