#include "engine/scoring/top_k.h"

#include <algorithm>
#include <random>

#include "gtest/gtest.h"

namespace sopu {
namespace {

ScoreMatrix Matrix(int rows, int cols) {
  ScoreMatrix m;
  m.scores = RowMatrixXf::Zero(rows, cols);
  m.verdicts = RowMatrixXu8::Zero(rows, cols);
  return m;
}

TEST(TopK, BestFirstTiesByColumnForbiddenSkipped) {
  ScoreMatrix m = Matrix(1, 5);
  m.scores << 0.5F, 0.9F, 0.5F, 0.95F, 0.7F;
  m.verdicts(0, 3) = kForbiddenAvoid;  // best score, but forbidden
  const auto top = TopKPerRow(m, 3);
  ASSERT_EQ(top.size(), 1U);
  ASSERT_EQ(top[0].size(), 3U);
  EXPECT_EQ(top[0][0].col, 1);
  EXPECT_EQ(top[0][1].col, 4);
  EXPECT_EQ(top[0][2].col, 0);  // ties with col 2: lower column first
  EXPECT_EQ(AllowedCount(m, 0), 4);
}

TEST(TopK, FewerAllowedThanK) {
  ScoreMatrix m = Matrix(2, 3);
  m.verdicts.row(1).setConstant(kFirstCriterionVerdict);
  m.verdicts(0, 0) = kForbiddenSelf;
  const auto top = TopKPerRow(m, 5);
  EXPECT_EQ(top[0].size(), 2U);
  EXPECT_TRUE(top[1].empty());
  EXPECT_EQ(AllowedCount(m, 1), 0);
}

// Property: equals sorting the allowed entries of each row, on random data
// with many ties.
TEST(TopK, MatchesFullSortOnRandomMatrices) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> level(0, 6);
  std::bernoulli_distribution forbid(0.2);
  for (int trial = 0; trial < 20; ++trial) {
    ScoreMatrix m = Matrix(6, 17);
    for (int r = 0; r < m.rows(); ++r) {
      for (int c = 0; c < m.cols(); ++c) {
        m.scores(r, c) = static_cast<float>(level(rng)) / 6.0F;
        m.verdicts(r, c) = forbid(rng) ? kForbiddenAvoid : kAllowed;
      }
    }
    const int k = 1 + trial % 7;
    const auto top = TopKPerRow(m, k);
    for (int r = 0; r < m.rows(); ++r) {
      std::vector<RankedColumn> all;
      for (int c = 0; c < m.cols(); ++c) {
        if (m.allowed(r, c)) all.push_back({c, m.scores(r, c)});
      }
      std::stable_sort(all.begin(), all.end(),
                       [](const RankedColumn& a, const RankedColumn& b) {
                         return a.score > b.score;
                       });
      all.resize(std::min(all.size(), static_cast<std::size_t>(k)));
      const auto& got = top[static_cast<std::size_t>(r)];
      ASSERT_EQ(got.size(), all.size());
      for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(got[i].col, all[i].col) << "trial " << trial << " row " << r;
      }
    }
  }
}

}  // namespace
}  // namespace sopu
