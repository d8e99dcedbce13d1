#include "engine/scoring/tile_kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/scoring/score_matrix.h"

namespace sopu::scoring_internal {
namespace {

double RelativeError(float approx, double exact) {
  return exact == 0.0 ? std::fabs(approx)
                      : std::fabs(static_cast<double>(approx) - exact) / exact;
}

TEST(AsinTest, SmallRangeIsAccurate) {
  double worst = 0.0;
  for (int i = 1; i <= 5000; ++i) {
    const float x = 0.5F * static_cast<float>(i) / 5000.0F;
    worst = std::max(
        worst, RelativeError(AsinSmall(x), std::asin(static_cast<double>(x))));
  }
  EXPECT_LT(worst, 5e-7);
}

TEST(AsinTest, FullRangeIsAccurate) {
  double worst = 0.0;
  for (int i = 1; i <= 10000; ++i) {
    const float x = static_cast<float>(i) / 10000.0F;
    worst = std::max(
        worst, RelativeError(AsinFull(x), std::asin(static_cast<double>(x))));
  }
  EXPECT_LT(worst, 5e-7);
  EXPECT_EQ(AsinFull(0.0F), 0.0F);
}

struct Buffers {
  explicit Buffers(int n)
      : scores(static_cast<std::size_t>(n), 0.0F),
        verdicts(static_cast<std::size_t>(n)),
        border(static_cast<std::size_t>(n)),
        counts(static_cast<std::size_t>(n)) {
    seg.scores = scores.data();
    seg.verdicts = verdicts.data();
    seg.border = border.data();
    seg.counts = counts.data();
    seg.n = n;
  }
  std::vector<float> scores;
  std::vector<float> verdicts;
  std::vector<std::int32_t> border;
  std::vector<std::int32_t> counts;
  Segment seg;
};

TEST(PassTest, VerdictsTakeTheSmallestFailingCode) {
  Buffers b(4);
  const std::vector<std::int32_t> org = {7, 3, 7, -1};
  OpenVerdicts(7, org.data(), b.seg);
  const std::vector<std::int32_t> codes = {1, 2, -1, 5};
  PassWeight pw{.weight = 0.5F, .code = kFirstCriterionVerdict + 2};
  CategoricalPass(false, 2, codes.data(), pw, b.seg);  // only column 1 holds
  ForbidAll(kFirstCriterionVerdict + 5, b.seg);
  std::vector<std::uint8_t> bytes(4);
  FinishSegment(b.seg, bytes.data());
  EXPECT_EQ(bytes,
            (std::vector<std::uint8_t>{
                kForbiddenSameOrganisation, kFirstCriterionVerdict + 5,
                kForbiddenSameOrganisation, kFirstCriterionVerdict + 2}));
  EXPECT_EQ(b.scores, (std::vector<float>{0.0F, 0.5F, 0.0F, 0.0F}));
}

TEST(PassTest, OverlapCountsAcrossWords) {
  // Column c has bits {c} in word 0 and {0, 1} in word 1 for odd c.
  const int n = 6;
  std::vector<std::uint32_t> cols(static_cast<std::size_t>(2 * n), 0);
  for (int c = 0; c < n; ++c) {
    cols[static_cast<std::size_t>(c)] = 1U << static_cast<unsigned>(c);
    if (c % 2 == 1) {
      cols[static_cast<std::size_t>(n) + static_cast<std::size_t>(c)] = 3U;
    }
  }
  const std::vector<std::uint32_t> row = {0b1110U, 0b11U};
  Buffers b(n);
  OpenVerdicts(-1, nullptr, b.seg);
  OverlapParams p;
  p.row_words = row.data();
  p.col_words = cols.data();
  p.word_stride = n;
  p.words = 2;
  p.inv_saturation = 1.0F / 3.0F;
  p.minimum = 2;
  OverlapPass(p, PassWeight{.weight = 1.0F, .code = kFirstCriterionVerdict},
              b.seg);
  // shared: c0 0, c1 1 + 2, c2 1, c3 1 + 2, c4 0, c5 0 + 2.
  const std::vector<float> expected = {0.0F, 1.0F, 1.0F / 3.0F,
                                       1.0F, 0.0F, 2.0F / 3.0F};
  for (int c = 0; c < n; ++c) {
    EXPECT_NEAR(b.scores[static_cast<std::size_t>(c)],
                expected[static_cast<std::size_t>(c)], 1e-7)
        << c;
  }
  std::vector<std::uint8_t> bytes(n);
  FinishSegment(b.seg, bytes.data());
  EXPECT_EQ(bytes, (std::vector<std::uint8_t>{
                       kFirstCriterionVerdict, kAllowed, kFirstCriterionVerdict,
                       kAllowed, kFirstCriterionVerdict, kAllowed}));
}

TEST(PassTest, FinishClampsScores) {
  Buffers b(3);
  b.scores = {1.0000002F, 0.25F, 0.0F};
  OpenVerdicts(-1, nullptr, b.seg);
  std::vector<std::uint8_t> bytes(3);
  FinishSegment(b.seg, bytes.data());
  EXPECT_EQ(b.scores, (std::vector<float>{1.0F, 0.25F, 0.0F}));
  EXPECT_EQ(bytes, (std::vector<std::uint8_t>{kAllowed, kAllowed, kAllowed}));
}

}  // namespace
}  // namespace sopu::scoring_internal
