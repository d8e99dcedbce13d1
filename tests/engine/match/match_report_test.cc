#include "engine/match/match_report.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/match/match_testing.h"
#include "tests/engine/scoring/test_cohorts.h"

namespace sopu {
namespace {

using testing::MatrixOf;

TEST(RankForMentee, CountsOnlyStrictlyBetterMentorsTheMenteeMayTake) {
  // Row 0: mentor 0 (0.5) is beaten by 1 (0.9, forbidden by a rule),
  // 2 (0.7, forbidden by the request), 3 (0.6) and tied with 4 (0.5).
  const ScoreMatrix m = MatrixOf(1, 5, {0.5F, 0.9F, 0.7F, 0.6F, 0.5F},
                                 {0, kForbiddenAvoid, 0, 0, 0});
  const std::vector<std::uint8_t> excluded = {0, 0, 1, 0, 0};
  EXPECT_EQ(RankForMentee(m, excluded, 0, 0), 1 + 1);  // mentor 3
  EXPECT_EQ(RankForMentee(m, excluded, 0, 3), 1);
  EXPECT_EQ(RankForMentee(m, excluded, 0, 1), 1);  // nothing beats 0.9
}

// Cohort: mentors m0 (t0 5, t1 1), m1 (t0 1, t1 5); mentees a0 (goal t0),
// a1 (goal t1), a2 (goal t0): complement scores a-m 1.0 or 0.2.
struct Small {
  Small() {
    Participant m0 = testing::Mentor("m0");
    m0.competences = {{"t0", 5}, {"t1", 1}};
    Participant m1 = testing::Mentor("m1");
    m1.competences = {{"t0", 1}, {"t1", 5}};
    Participant a0 = testing::Mentee("a0");
    a0.goals = {{"t0", 5}};
    Participant a1 = testing::Mentee("a1");
    a1.goals = {{"t1", 5}};
    Participant a2 = testing::Mentee("a2");
    a2.goals = {{"t0", 5}};
    cohort = testing::CohortOf({m0, m1, a0, a1, a2});
    model.emplace(*ScoringModel::Build(
        cohort, testing::Single(testing::Make(CriterionKind::kComplement))));
    matrix = model->ComputeMatrix();
  }
  Cohort cohort;
  std::optional<ScoringModel> model;
  ScoreMatrix matrix;
};

TEST(ReportMatch, PairsReasonsAndSummary) {
  const Small s;
  MatchPairs pairs;
  pairs.locked = {{.row = 2, .col = 1}};
  absl::StatusOr<MatchProblem> problem =
      BuildMatchProblem(s.matrix, {1, 2}, pairs, {});
  ASSERT_TRUE(problem.ok()) << problem.status();
  // a0-m0 (1.0, rank 1), a1 unmatched, a2-m1 locked (0.2, rank 2).
  const MatchReport report =
      ReportMatch(*s.model, s.matrix, *problem, {0, -1, 1}, {});
  ASSERT_EQ(report.pairs.size(), 2U);
  EXPECT_EQ(report.pairs[0].row, 0);
  EXPECT_FALSE(report.pairs[0].locked);
  EXPECT_EQ(report.pairs[0].rank_for_mentee, 1);
  EXPECT_EQ(report.pairs[1].row, 2);
  EXPECT_TRUE(report.pairs[1].locked);
  EXPECT_EQ(report.pairs[1].rank_for_mentee, 2);
  ASSERT_EQ(report.unmatched.size(), 1U);
  EXPECT_EQ(report.unmatched[0].row, 1);
  EXPECT_EQ(report.unmatched[0].reason.cause,
            UnmatchedCause::kLeftOutScoresMore);
  const MatchSummary& summary = report.summary;
  EXPECT_EQ(summary.mentees, 3);
  EXPECT_EQ(summary.matched, 2);
  EXPECT_DOUBLE_EQ(summary.total, 1.0 + 0.2);
  EXPECT_DOUBLE_EQ(summary.mean, (1.0 + 0.2) / 2);
  EXPECT_DOUBLE_EQ(summary.worst, 0.2);
  EXPECT_DOUBLE_EQ(summary.top3_percent, 100.0 * 2 / 3);
}

TEST(ReportMatch, NobodyMatchedGivesZeroFigures) {
  const Small s;
  absl::StatusOr<MatchProblem> problem =
      BuildMatchProblem(s.matrix, {0, 0}, {}, {});
  ASSERT_TRUE(problem.ok()) << problem.status();
  const MatchReport report =
      ReportMatch(*s.model, s.matrix, *problem, {-1, -1, -1}, {});
  EXPECT_TRUE(report.pairs.empty());
  EXPECT_EQ(report.unmatched.size(), 3U);
  EXPECT_EQ(report.summary.matched, 0);
  EXPECT_EQ(report.summary.total, 0.0);
  EXPECT_EQ(report.summary.mean, 0.0);
  EXPECT_EQ(report.summary.worst, 0.0);
  EXPECT_EQ(report.summary.top3_percent, 0.0);
}

}  // namespace
}  // namespace sopu
