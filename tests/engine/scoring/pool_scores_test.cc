#include "engine/scoring/pool_scores.h"

#include <vector>

#include "engine/common/index.h"
#include "engine/scoring/scoring_model.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/scoring/test_cohorts.h"

namespace sopu {
namespace {

using ::sopu::testing::CohortOf;
using ::sopu::testing::Make;
using ::sopu::testing::Person;
using ::testing::ElementsAre;

TEST(PoolCohort, KeepsTheRolesHoldersInOrderAsMenteesAndMentors) {
  Cohort cohort = CohortOf({Person("m1", kRoleMentor), Person("p1", kRolePeer),
                            Person("p2", kRolePeer | kRoleMentor),
                            Person("a1", kRoleMentee)});
  const Cohort pool = PoolCohort(cohort, kRolePeer);
  EXPECT_EQ(pool.program, cohort.program);
  EXPECT_EQ(pool.themes.size(), cohort.themes.size());
  ASSERT_EQ(pool.participants.size(), 2U);
  EXPECT_EQ(pool.participants[0].id, "p1");
  EXPECT_EQ(pool.participants[1].id, "p2");
  for (const Participant& p : pool.participants) {
    EXPECT_EQ(p.roles, kRoleMentee | kRoleMentor | kRolePeer);
  }
  EXPECT_TRUE(PoolCohort(cohort, kRoleFacilitator).participants.empty());
}

TEST(MakePoolAffinity, MeansBothDirectionsAndNeedsBothAllowed) {
  ScoreMatrix m;
  m.scores.resize(3, 3);
  m.scores << 0.0F, 0.5F, 0.25F,  //
      1.0F, 0.0F, 0.75F,          //
      0.125F, 0.375F, 0.0F;
  m.verdicts = RowMatrixXu8::Zero(3, 3);
  for (int i = 0; i < 3; ++i) m.verdicts(i, i) = kForbiddenSelf;
  m.verdicts(2, 1) = kForbiddenAvoid;  // one direction only
  const PoolAffinity a = MakePoolAffinity(m);
  EXPECT_EQ(a.size, 3);
  EXPECT_THAT(a.score,
              ElementsAre(0.0, (0.5 + 1.0) / 2, (0.25 + 0.125) / 2,  //
                          (1.0 + 0.5) / 2, 0.0, (0.75 + 0.375) / 2,  //
                          (0.125 + 0.25) / 2, (0.375 + 0.75) / 2, 0.0));
  EXPECT_THAT(a.allowed, ElementsAre(0, 1, 1,  //
                                     1, 0, 0,  //
                                     1, 0, 0));
}

TEST(ExplainBothWays, AveragesTheTwoDirectionsCriterionByCriterion) {
  // Complement is one-sided: p1's goals meet p2's competences, not back.
  Participant p1 = Person("p1", kRolePeer);
  p1.goals["t0"] = 4;
  p1.competences["t1"] = 2;
  Participant p2 = Person("p2", kRolePeer);
  p2.competences["t0"] = 5;
  p2.goals["t1"] = 3;
  p1.attributes["sector"] = "x";
  p2.attributes["sector"] = "x";
  const Cohort pool = PoolCohort(CohortOf({p1, p2}), kRolePeer);
  Policy policy;
  policy.criteria = {Make(CriterionKind::kComplement),
                     Make(CriterionKind::kSimilar, "sector", 3.0)};
  absl::StatusOr<ScoringModel> model = ScoringModel::Build(pool, policy);
  ASSERT_TRUE(model.ok()) << model.status();
  const PairExplanation ab = model->Explain(0, 1);
  const PairExplanation ba = model->Explain(1, 0);
  ASSERT_NE(ab.score, ba.score);
  const PairExplanation both = ExplainBothWays(*model, 0, 1);
  EXPECT_DOUBLE_EQ(both.score, (ab.score + ba.score) / 2);
  ASSERT_EQ(both.values.size(), 2U);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_DOUBLE_EQ(both.values[k].value,
                     (ab.values[k].value + ba.values[k].value) / 2);
    EXPECT_DOUBLE_EQ(
        both.values[k].contribution,
        (ab.values[k].contribution + ba.values[k].contribution) / 2);
  }
  EXPECT_DOUBLE_EQ(both.values[1].value, 1.0);  // same sector both ways
  // The same pair read the other way round.
  EXPECT_DOUBLE_EQ(ExplainBothWays(*model, 1, 0).score, both.score);
}

}  // namespace
}  // namespace sopu
