#include "engine/calibration/nnls.h"

#include <cstdint>
#include <limits>
#include <random>

#include "gtest/gtest.h"

namespace sopu {
namespace {

// BruteForceNnls: the NNLS optimum is the unconstrained least-squares
// solution on its support, with every entry >= 0; so the best objective over
// all supports whose solution is non-negative is the optimum.
double BruteForceObjective(const Eigen::MatrixXd& a, const Eigen::VectorXd& b) {
  const Eigen::Index n = a.cols();
  double best = b.squaredNorm();  // the empty support, x = 0
  for (std::uint32_t mask = 1; mask < (1U << static_cast<unsigned>(n));
       ++mask) {
    std::vector<Eigen::Index> cols;
    for (Eigen::Index j = 0; j < n; ++j) {
      if ((mask >> static_cast<unsigned>(j)) & 1U) cols.push_back(j);
    }
    Eigen::MatrixXd sub(a.rows(), static_cast<Eigen::Index>(cols.size()));
    for (std::size_t k = 0; k < cols.size(); ++k) {
      sub.col(static_cast<Eigen::Index>(k)) = a.col(cols[k]);
    }
    const Eigen::VectorXd s = sub.colPivHouseholderQr().solve(b);
    if ((s.array() < 0.0).any()) continue;
    best = std::min(best, (sub * s - b).squaredNorm());
  }
  return best;
}

TEST(Nnls, HandExample) {
  // min (x1 - 1)^2 + (x2 + 2)^2 over x >= 0: x = (1, 0), residual 2.
  Eigen::MatrixXd a = Eigen::MatrixXd::Identity(2, 2);
  Eigen::VectorXd b(2);
  b << 1, -2;
  const NnlsResult r = SolveNnls(a, b);
  EXPECT_EQ(r.status, NnlsStatus::kOptimal);
  EXPECT_NEAR(r.x(0), 1.0, 1e-12);
  EXPECT_EQ(r.x(1), 0.0);
  EXPECT_NEAR(r.residual_norm, 2.0, 1e-12);
}

TEST(Nnls, UnconstrainedOptimumWhenItIsNonNegative) {
  Eigen::MatrixXd a(3, 2);
  a << 1, 0, 0, 1, 1, 1;
  const Eigen::Vector2d x_true(2.0, 3.0);
  const Eigen::VectorXd b = a * x_true;
  const NnlsResult r = SolveNnls(a, b);
  EXPECT_NEAR(r.x(0), 2.0, 1e-10);
  EXPECT_NEAR(r.x(1), 3.0, 1e-10);
  EXPECT_NEAR(r.residual_norm, 0.0, 1e-10);
}

TEST(Nnls, NoColumns) {
  const NnlsResult r =
      SolveNnls(Eigen::MatrixXd(3, 0), Eigen::VectorXd::Ones(3));
  EXPECT_EQ(r.x.size(), 0);
  EXPECT_NEAR(r.residual_norm, std::sqrt(3.0), 1e-12);
}

TEST(Nnls, EqualsBruteForceOnSeededProblems) {
  std::mt19937_64 rng(20240601);
  std::normal_distribution<double> normal;
  for (int trial = 0; trial < 300; ++trial) {
    const Eigen::Index n = 1 + trial % 6;
    const Eigen::Index m = n + (trial % 4) * 3 + 1;  // some m < n + 2
    Eigen::MatrixXd a(m, n);
    Eigen::VectorXd b(m);
    for (Eigen::Index i = 0; i < m; ++i) {
      for (Eigen::Index j = 0; j < n; ++j) a(i, j) = normal(rng);
      b(i) = normal(rng);
    }
    const NnlsResult r = SolveNnls(a, b);
    ASSERT_EQ(r.status, NnlsStatus::kOptimal) << "trial " << trial;
    EXPECT_TRUE((r.x.array() >= 0.0).all()) << "trial " << trial;
    const double objective = (a * r.x - b).squaredNorm();
    EXPECT_NEAR(objective, BruteForceObjective(a, b), 1e-9 * (1 + objective))
        << "trial " << trial;
    // KKT: the gradient w = A^T (b - A x) is <= 0 where x = 0, ~0 elsewhere.
    const Eigen::VectorXd w = a.transpose() * (b - a * r.x);
    for (Eigen::Index j = 0; j < n; ++j) {
      if (r.x(j) > 0) {
        EXPECT_NEAR(w(j), 0.0, 1e-8) << "trial " << trial;
      } else {
        EXPECT_LE(w(j), 1e-8) << "trial " << trial;
      }
    }
  }
}

}  // namespace
}  // namespace sopu
