#include "engine/groups/planning/group_explanation.h"

#include <string>
#include <vector>

#include "engine/scoring/pool_scores.h"
#include "engine/scoring/scoring_model.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/scoring/test_cohorts.h"

namespace sopu {
namespace {

using ::sopu::testing::CohortOf;
using ::sopu::testing::Make;
using ::sopu::testing::Person;

// Three peers: p0 (sector x, town A), p1 (x, B), p2 (y, A). Policy: same
// sector (weight 1), same town (weight 3), so a pair scores
// (sector + 3 town) / 4: (p0, p1) 1/4, (p0, p2) 3/4, (p1, p2) 0.
struct Fixture {
  Cohort pool;
  Policy policy;
  std::optional<ScoringModel> model;

  Fixture() {
    const char* sectors[] = {"x", "x", "y"};
    const char* towns[] = {"A", "B", "A"};
    std::vector<Participant> people;
    for (int i = 0; i < 3; ++i) {
      Participant p = Person("p" + std::to_string(i), kRolePeer);
      p.attributes["sector"] = sectors[i];
      p.attributes["town"] = towns[i];
      people.push_back(p);
    }
    pool = PoolCohort(CohortOf(people), kRolePeer);
    policy.criteria = {Make(CriterionKind::kSimilar, "sector", 1.0),
                       Make(CriterionKind::kSimilar, "town", 3.0)};
    model.emplace(*ScoringModel::Build(pool, policy));
  }
};

TEST(ExplainGroupMembers, SumsThePairsAndSortsTheCriteriaByContribution) {
  const Fixture f;
  const GroupExplanation g = ExplainGroupMembers(*f.model, {0, 1, 2});
  EXPECT_EQ(g.pairs, 3);
  EXPECT_DOUBLE_EQ(g.score, 0.25 + 0.75 + 0.0);
  EXPECT_DOUBLE_EQ(g.mean_pair_score, (0.25 + 0.75 + 0.0) / 3);
  ASSERT_EQ(g.breakdown.size(), 2U);
  EXPECT_EQ(g.breakdown[0].name, "similar:town");  // 0.75 before 0.25
  EXPECT_EQ(g.breakdown[0].criterion, 1);
  EXPECT_DOUBLE_EQ(g.breakdown[0].value, (0.0 + 1.0 + 0.0) / 3);
  EXPECT_DOUBLE_EQ(g.breakdown[0].contribution, 0.75);
  EXPECT_EQ(g.breakdown[1].name, "similar:sector");
  EXPECT_DOUBLE_EQ(g.breakdown[1].value, (1.0 + 0.0 + 0.0) / 3);
  EXPECT_DOUBLE_EQ(g.breakdown[1].contribution, 0.25);
  double sum = 0.0;
  for (const CriterionShare& c : g.breakdown) sum += c.contribution;
  EXPECT_NEAR(sum, g.score, 1e-12);
}

TEST(ExplainGroupMembers, TiesKeepPolicyOrderAndAGroupOfOneScoresZero) {
  const Fixture f;
  const GroupExplanation tie = ExplainGroupMembers(*f.model, {1, 2});
  ASSERT_EQ(tie.breakdown.size(), 2U);
  EXPECT_EQ(tie.breakdown[0].name, "similar:sector");
  EXPECT_EQ(tie.breakdown[1].name, "similar:town");
  EXPECT_EQ(tie.score, 0.0);

  const GroupExplanation one = ExplainGroupMembers(*f.model, {2});
  EXPECT_EQ(one.pairs, 0);
  EXPECT_EQ(one.score, 0.0);
  EXPECT_EQ(one.mean_pair_score, 0.0);
  ASSERT_EQ(one.breakdown.size(), 2U);
  EXPECT_EQ(one.breakdown[0].value, 0.0);
  EXPECT_EQ(one.breakdown[1].value, 0.0);
}

TEST(GroupExplanationBuilder, GivesTheSameNumbersAsExplainGroupMembers) {
  const Fixture f;
  const std::vector<int> members = {2, 0, 1};
  GroupExplanationBuilder builder(f.model->policy());
  for (std::size_t a = 0; a < members.size(); ++a) {
    for (std::size_t b = a + 1; b < members.size(); ++b) {
      builder.Add(ExplainBothWays(*f.model, members[a], members[b]));
    }
  }
  const GroupExplanation built = builder.Build();
  const GroupExplanation direct = ExplainGroupMembers(*f.model, members);
  EXPECT_EQ(built.score, direct.score);  // bit for bit: same sums in order
  EXPECT_EQ(built.mean_pair_score, direct.mean_pair_score);
  ASSERT_EQ(built.breakdown.size(), direct.breakdown.size());
  for (std::size_t k = 0; k < built.breakdown.size(); ++k) {
    EXPECT_EQ(built.breakdown[k].name, direct.breakdown[k].name);
    EXPECT_EQ(built.breakdown[k].value, direct.breakdown[k].value);
    EXPECT_EQ(built.breakdown[k].contribution,
              direct.breakdown[k].contribution);
  }
}

}  // namespace
}  // namespace sopu
