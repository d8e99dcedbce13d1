#include "engine/match/match_objectives.h"

#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "tests/engine/match/match_testing.h"

namespace sopu {
namespace {

using testing::MatrixOf;

constexpr MatchObjective kAll[] = {
    MatchObjective::kOptimal, MatchObjective::kMaxScore, MatchObjective::kFair,
    MatchObjective::kStable};

absl::StatusOr<ObjectiveResult> SolveOn(
    const ScoreMatrix& m, const std::vector<int>& capacity,
    const MatchPairs& pairs, const MatchOptions& options,
    const std::vector<std::vector<int>>& wishes = {},
    const CallContext& context = {}) {
  absl::StatusOr<MatchProblem> problem =
      BuildMatchProblem(m, capacity, pairs, options);
  if (!problem.ok()) return problem.status();
  return SolveObjective(*problem, m, wishes, options, context);
}

// TradeOff: mentees 0, 1; mentors 0, 1 of capacity 1. The best total pairs
// 0-0 and 1-1 (1.0 + 0.125); the fairest 0-1 and 1-0 (0.5 + 0.5).
ScoreMatrix TradeOff() { return MatrixOf(2, 2, {1.0F, 0.5F, 0.5F, 0.125F}); }

TEST(SolveObjective, NoMenteesForEveryObjective) {
  const ScoreMatrix m = MatrixOf(0, 3, {});
  for (const MatchObjective objective : kAll) {
    absl::StatusOr<ObjectiveResult> r =
        SolveOn(m, {1, 2, 0}, {}, {.objective = objective});
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_TRUE(r->mentor_of.empty());
    EXPECT_NE(r->status, MatchStatus::kCancelled);
    if (objective == MatchObjective::kFair) {
      EXPECT_EQ(r->fairness_cost, 0.0);  // 0 - 0
    }
    if (objective == MatchObjective::kStable) {
      EXPECT_EQ(r->gap_to_optimal, 0.0);
    }
  }
}

TEST(SolveObjective, NoMentorsLeavesEveryMenteeUnmatched) {
  const ScoreMatrix m = MatrixOf(3, 0, {});
  for (const MatchObjective objective : kAll) {
    absl::StatusOr<ObjectiveResult> r =
        SolveOn(m, {}, {}, {.objective = objective});
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->mentor_of, (std::vector<int>{-1, -1, -1}));
  }
}

TEST(SolveObjective, FairAndStableReportTheirFigures) {
  const ScoreMatrix m = TradeOff();
  absl::StatusOr<ObjectiveResult> fair =
      SolveOn(m, {1, 1}, {}, {.objective = MatchObjective::kFair});
  ASSERT_TRUE(fair.ok()) << fair.status();
  EXPECT_EQ(fair->status, MatchStatus::kOptimal);
  EXPECT_EQ(fair->mentor_of, (std::vector<int>{1, 0}));
  EXPECT_EQ(fair->fairness_cost, (1.0 + 0.125) - (0.5 + 0.5));
  EXPECT_FALSE(fair->gap_to_optimal.has_value());

  absl::StatusOr<ObjectiveResult> stable =
      SolveOn(m, {1, 1}, {}, {.objective = MatchObjective::kStable});
  ASSERT_TRUE(stable.ok()) << stable.status();
  EXPECT_EQ(stable->status, MatchStatus::kStable);
  EXPECT_EQ(stable->mentor_of, (std::vector<int>{0, 1}));
  EXPECT_EQ(stable->blocking_pairs, 0);
  EXPECT_EQ(stable->gap_to_optimal, 0.0);

  // Mentee 0 wishes only for mentor 1: mentee 1 then gets mentor 0.
  absl::StatusOr<ObjectiveResult> wished = SolveOn(
      m, {1, 1}, {}, {.objective = MatchObjective::kStable, .use_wishes = true},
      {{1}, {}});
  ASSERT_TRUE(wished.ok()) << wished.status();
  EXPECT_EQ(wished->mentor_of, (std::vector<int>{1, 0}));
  EXPECT_EQ(wished->gap_to_optimal, (1.0 + 0.125) - (0.5 + 0.5));
}

TEST(SolveObjective, FiguresAreInPolicyScoresWithoutTheBonusOrLocks) {
  // The continuity bonus keeps the fair pairs in the optimum too (0.5 + 1
  // twice beats 1.125), so the optimum's solve finds the fair pairs, and
  // the cost, in policy scores, is 0.
  MatchPairs pairs;
  pairs.previous = {{.row = 0, .col = 1}, {.row = 1, .col = 0}};
  absl::StatusOr<ObjectiveResult> fair =
      SolveOn(TradeOff(), {1, 1}, pairs,
              {.objective = MatchObjective::kFair, .continuity_bonus = 1.0});
  ASSERT_TRUE(fair.ok()) << fair.status();
  EXPECT_EQ(fair->mentor_of, (std::vector<int>{1, 0}));
  EXPECT_EQ(fair->fairness_cost, 0.0);

  // Locking 0-0 leaves mentee 1 only mentor 1: both totals are 0.125.
  MatchPairs locked;
  locked.locked = {{.row = 0, .col = 0}};
  absl::StatusOr<ObjectiveResult> stable = SolveOn(
      TradeOff(), {1, 1}, locked, {.objective = MatchObjective::kStable});
  ASSERT_TRUE(stable.ok()) << stable.status();
  EXPECT_EQ(stable->mentor_of, (std::vector<int>{0, 1}));
  EXPECT_EQ(stable->gap_to_optimal, 0.125 - 0.125);
}

TEST(SolveObjective, MaxScoreAppliesTheMinimumButNotToLockedPairs) {
  const ScoreMatrix m = MatrixOf(3, 2, {0.4F, 0.2F, 0.9F, 0.45F, 0.3F, 0.6F});
  MatchPairs pairs;
  pairs.locked = {{.row = 0, .col = 1}};  // 0.2 < 0.5: kept
  pairs.previous = {{.row = 1, .col = 1}, {.row = 2, .col = 0}};  // bonus 1
  absl::StatusOr<ObjectiveResult> r =
      SolveOn(m, {2, 2}, pairs,
              {.objective = MatchObjective::kMaxScore,
               .continuity_bonus = 1.0,
               .min_score = 0.5});
  ASSERT_TRUE(r.ok()) << r.status();
  // Row 1: 0.9 beats 0.45 + 1, which is below the minimum. Row 2: 0.3 + 1
  // is below it too, 0.6 is not.
  EXPECT_EQ(r->mentor_of, (std::vector<int>{1, 0, 1}));
}

TEST(SolveObjective, ACancelledSolveKeepsOnlyTheLocks) {
  CancellationToken cancel;
  cancel.Cancel();
  MatchPairs pairs;
  pairs.locked = {{.row = 1, .col = 0}};
  const ScoreMatrix m = MatrixOf(3, 2, {0.4F, 0.2F, 0.9F, 0.45F, 0.3F, 0.6F});
  for (const MatchObjective objective : kAll) {
    absl::StatusOr<ObjectiveResult> r = SolveOn(
        m, {2, 2}, pairs, {.objective = objective}, {}, {.cancel = &cancel});
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->status, MatchStatus::kCancelled);
    EXPECT_EQ(r->mentor_of, (std::vector<int>{-1, 0, -1}));
    EXPECT_FALSE(r->fairness_cost.has_value());
    EXPECT_FALSE(r->gap_to_optimal.has_value());
  }
}

TEST(SolveObjective, AWishNamingNoMentorIsRejected) {
  absl::StatusOr<ObjectiveResult> r = SolveOn(
      TradeOff(), {1, 1}, {},
      {.objective = MatchObjective::kStable, .use_wishes = true}, {{5}, {}});
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sopu
