#include "engine/match/unmatched_reasons.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/match/match_testing.h"

namespace sopu {
namespace {

using testing::MatrixOf;

MatchProblem Build(const ScoreMatrix& m, const std::vector<int>& capacity,
                   const MatchPairs& pairs, const MatchOptions& options) {
  absl::StatusOr<MatchProblem> problem =
      BuildMatchProblem(m, capacity, pairs, options);
  EXPECT_TRUE(problem.ok()) << problem.status();
  return problem.ok() ? *std::move(problem) : MatchProblem();
}

// Rows: 0 has every mentor forbidden by a rule; 1 every allowed one in the
// request's forbidden pairs; 2 scores below the minimum everywhere allowed;
// 3 and 4 compete for mentor 1 (capacity 1), which 4 took.
ScoreMatrix FiveRows() {
  const std::uint8_t no = kForbiddenAvoid;
  return MatrixOf(5, 3,
                  {0.9F, 0.9F, 0.9F,  //
                   0.9F, 0.9F, 0.9F,  //
                   0.2F, 0.1F, 0.3F,  //
                   0.1F, 0.8F, 0.1F,  //
                   0.1F, 0.9F, 0.1F},
                  {no, no, no,  //
                   0, no, 0,    //
                   0, 0, 0,     //
                   0, 0, 0,     //
                   0, 0, 0});
}

TEST(UnmatchedReasons, EachCauseInOrder) {
  const ScoreMatrix m = FiveRows();
  MatchPairs pairs;
  pairs.forbidden = {{.row = 1, .col = 0}, {.row = 1, .col = 2}};
  const MatchOptions options{.objective = MatchObjective::kMaxScore,
                             .min_score = 0.5};
  const MatchProblem problem = Build(m, {0, 1, 0}, pairs, options);
  const std::vector<int> mentor_of = {-1, -1, -1, -1, 1};
  const UnmatchedReasons reasons(m, problem, mentor_of, options);
  EXPECT_EQ(reasons.For(0).cause, UnmatchedCause::kNoMentorAllowed);
  EXPECT_EQ(reasons.For(1).cause, UnmatchedCause::kAllForbiddenByRequest);
  const UnmatchedReason below = reasons.For(2);
  EXPECT_EQ(below.cause, UnmatchedCause::kBelowMinScore);
  EXPECT_EQ(below.min_score, 0.5);
  const UnmatchedReason full = reasons.For(3);
  EXPECT_EQ(full.cause, UnmatchedCause::kMentorsFull);
  EXPECT_EQ(full.mentors, 1);
  EXPECT_EQ(full.only_mentor, 1);
  EXPECT_EQ(full.seats, 1);
  EXPECT_EQ(full.competing, 2);  // rows 3 and 4
  EXPECT_EQ(full.min_score, 0.5);
}

TEST(UnmatchedReasons, RoomLeftNamesTheObjective) {
  const ScoreMatrix m = MatrixOf(2, 2, {0.5F, 0.5F, 0.5F, 0.5F});
  const std::vector<int> mentor_of = {0, -1};  // mentor 1 has room
  const MatchOptions optimal;
  const MatchOptions stable{.objective = MatchObjective::kStable};
  const MatchOptions wishes{.objective = MatchObjective::kStable,
                            .use_wishes = true};
  const MatchProblem problem = Build(m, {1, 1}, {}, optimal);
  EXPECT_EQ(UnmatchedReasons(m, problem, mentor_of, optimal).For(1).cause,
            UnmatchedCause::kLeftOutScoresMore);
  EXPECT_EQ(UnmatchedReasons(m, problem, mentor_of, stable).For(1).cause,
            UnmatchedCause::kNoRoomWhenProposing);
  EXPECT_EQ(UnmatchedReasons(m, problem, mentor_of, wishes).For(1).cause,
            UnmatchedCause::kNotOnWishList);
}

TEST(UnmatchedReasons, FullMentorsCountSeatsBeforeLocks) {
  // Mentor 0 (capacity 2) holds a locked mentee and one more; mentor 1
  // (capacity 0) is full from the start.
  const ScoreMatrix m = MatrixOf(3, 2, std::vector<float>(6, 0.5F));
  MatchPairs pairs;
  pairs.locked = {{.row = 0, .col = 0}};
  const MatchProblem problem = Build(m, {2, 0}, pairs, {});
  const UnmatchedReasons reasons(m, problem, {0, 0, -1}, {});
  const UnmatchedReason full = reasons.For(2);
  EXPECT_EQ(full.cause, UnmatchedCause::kMentorsFull);
  EXPECT_EQ(full.mentors, 2);
  EXPECT_EQ(full.only_mentor, -1);
  EXPECT_EQ(full.seats, 2 + 0);
  EXPECT_EQ(full.competing, 3);
  EXPECT_FALSE(full.min_score.has_value());
}

TEST(UnmatchedReasons, CompetitionIsNotCountedBeyondTheWorkBound) {
  // 400 unmatched x 400 x 400 = 6.4e7 cell visits > kMaxCompetitionWork.
  const int n = 400;
  const ScoreMatrix m =
      MatrixOf(n, n, std::vector<float>(static_cast<std::size_t>(n * n), 0.5F));
  const MatchProblem problem =
      Build(m, std::vector<int>(static_cast<std::size_t>(n), 0), {}, {});
  const std::vector<int> mentor_of(static_cast<std::size_t>(n), -1);
  const UnmatchedReasons reasons(m, problem, mentor_of, {});
  EXPECT_FALSE(reasons.counts_competition());
  const UnmatchedReason full = reasons.For(0);
  EXPECT_EQ(full.cause, UnmatchedCause::kMentorsFull);
  EXPECT_EQ(full.mentors, n);
  EXPECT_FALSE(full.competing.has_value());

  // One unmatched row fewer than the bound allows is counted.
  const ScoreMatrix small = MatrixOf(2, 2, std::vector<float>(4, 0.5F));
  const MatchProblem small_problem = Build(small, {0, 0}, {}, {});
  EXPECT_TRUE(UnmatchedReasons(small, small_problem, {-1, -1}, {})
                  .counts_competition());
}

}  // namespace
}  // namespace sopu
