// RankMentors against an independent ranking: every allowed mentor of a row
// sorted by (score desc, column asc) from the score matrix, cut at k.
#include "engine/scoring/mentor_ranking.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/common/index.h"
#include "gtest/gtest.h"
#include "tests/engine/scoring/test_cohorts.h"
#include "tests/testing/seed_offset.h"

namespace sopu {
namespace {

using ::sopu::testing::LenientPolicy;
using ::sopu::testing::RandomCohort;

TEST(RankMentors, ListsTheBestAllowedMentorsOfEveryMentee) {
  int empty_rows = 0;
  int listed = 0;
  for (unsigned k = 0; k < 8; ++k) {
    const unsigned seed = SeedOffset() + k;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    const Cohort cohort = RandomCohort(seed, 30, 20, 3);
    const Policy policy = k % 2 == 0 ? DefaultPolicy() : LenientPolicy();
    absl::StatusOr<ScoringModel> model = ScoringModel::Build(cohort, policy);
    ASSERT_TRUE(model.ok()) << model.status();
    const int top = 1 + static_cast<int>(k % 4);
    absl::StatusOr<MentorRanking> r = RankMentors(*model, top);
    ASSERT_TRUE(r.ok()) << r.status();
    const ScoreMatrix m = model->ComputeMatrix();
    ASSERT_EQ(r->rows.size(), Idx(m.rows()));
    EXPECT_EQ(r->mentors, m.cols());
    std::int64_t allowed_pairs = 0;
    int without = 0;
    double best_sum = 0.0;
    for (int row = 0; row < m.rows(); ++row) {
      std::vector<std::pair<float, int>> allowed;
      for (int col = 0; col < m.cols(); ++col) {
        if (m.allowed(row, col)) allowed.emplace_back(-m.scores(row, col), col);
      }
      std::sort(allowed.begin(), allowed.end());
      const RankedMentors& got = r->rows[Idx(row)];
      EXPECT_EQ(got.allowed, static_cast<int>(allowed.size()));
      allowed_pairs += got.allowed;
      const std::size_t want = std::min(allowed.size(), Idx(top));
      ASSERT_EQ(got.top.size(), want);
      for (std::size_t i = 0; i < want; ++i) {
        EXPECT_EQ(got.top[i].col, allowed[i].second);
        EXPECT_NEAR(got.top[i].explanation.score, -allowed[i].first, 1e-5);
      }
      if (got.top.empty()) {
        ++without;
      } else {
        best_sum += got.top[0].explanation.score;
      }
      listed += static_cast<int>(want);
    }
    empty_rows += without;
    EXPECT_EQ(r->allowed_pairs, allowed_pairs);
    EXPECT_EQ(r->mentees_without_mentor, without);
    const int with = m.rows() - without;
    EXPECT_DOUBLE_EQ(r->mean_best_score, with > 0 ? best_sum / with : 0.0);
  }
  // Both branches were exercised: listed mentors and mentees left without.
  EXPECT_GT(listed, 0);
  EXPECT_GT(empty_rows, 0);
}

TEST(RankMentors, RefusesKBelowOneAndStopsWhenCancelled) {
  const Cohort cohort = RandomCohort(1, 10, 8, 0);
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(cohort, DefaultPolicy());
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_EQ(RankMentors(*model, 0).status().code(),
            absl::StatusCode::kInvalidArgument);
  CancellationToken token;
  token.Cancel();
  EXPECT_EQ(RankMentors(*model, 3, {.cancel = &token}).status().code(),
            absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace sopu
