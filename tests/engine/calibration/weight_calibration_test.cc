#include "engine/calibration/weight_calibration.h"

#include <random>

#include "gtest/gtest.h"

namespace sopu {
namespace {

// Data: y = 1 + 4 * (w . v) / sum w + noise, 20 groups of 50.
CalibrationData Linear(const Eigen::Vector3d& w, double noise) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> normal(0.0, noise);
  CalibrationData data;
  const int n = 1000;
  data.features.resize(n, 3);
  data.outcome.resize(n);
  data.baseline.resize(n);
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < 3; ++k) data.features(i, k) = unit(rng);
    data.outcome(i) =
        1 + 4 * data.features.row(i).dot(w) / w.sum() + normal(rng);
    data.baseline(i) = data.features.row(i).sum();  // equal weights
    data.group.push_back(i / 50);
  }
  return data;
}

TEST(CalibrateWeights, RecoversSharesWithoutNoise) {
  const Eigen::Vector3d w(3, 1, 0);
  absl::StatusOr<CalibrationResult> r = CalibrateWeights(Linear(w, 0.0));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NEAR(r->shares(0), 0.75, 1e-9);
  EXPECT_NEAR(r->shares(1), 0.25, 1e-9);
  EXPECT_NEAR(r->shares(2), 0.0, 1e-9);
  EXPECT_NEAR(r->intercept, 1.0, 1e-9);
  EXPECT_EQ(r->folds, 5);
  EXPECT_NEAR(r->share_std.maxCoeff(), 0.0, 1e-9);
  EXPECT_NEAR(*r->rho_after, 1.0, 1e-12);
  EXPECT_LT(*r->rho_before, *r->rho_after);
}

TEST(CalibrateWeights, NoisyDataWithinTolerance) {
  const Eigen::Vector3d w(2, 1, 1);
  absl::StatusOr<CalibrationResult> r = CalibrateWeights(Linear(w, 0.5));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NEAR(r->shares(0), 0.5, 0.05);
  EXPECT_NEAR(r->shares(1), 0.25, 0.05);
  EXPECT_NEAR(r->shares(2), 0.25, 0.05);
  EXPECT_GT(r->share_std.maxCoeff(), 0.0);
}

TEST(CalibrateWeights, RejectsBadInput) {
  CalibrationData data = Linear(Eigen::Vector3d(1, 1, 1), 0.1);
  data.group.assign(data.group.size(), 0);
  EXPECT_EQ(CalibrateWeights(data).status().message(),
            "cross-validation needs observations from at least 2 groups");
  data = Linear(Eigen::Vector3d(1, 1, 1), 0.1);
  data.outcome(3) = std::nan("");
  EXPECT_EQ(CalibrateWeights(data).status().message(), "a value is not finite");
  data = Linear(Eigen::Vector3d(1, 1, 1), 0.1);
  EXPECT_EQ(CalibrateWeights(data, {.folds = 1}).status().message(),
            "folds must be in 2..100");
}

}  // namespace
}  // namespace sopu
