#include "engine/calibration/nnls.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sopu {
namespace {

// SolveOnSet solves min ||A_P s - b|| over the columns in `free_set`; the
// other entries of the result are 0.
Eigen::VectorXd SolveOnSet(const Eigen::MatrixXd& a, const Eigen::VectorXd& b,
                           const std::vector<bool>& free_set) {
  std::vector<Eigen::Index> cols;
  for (Eigen::Index j = 0; j < a.cols(); ++j) {
    if (free_set[static_cast<std::size_t>(j)]) cols.push_back(j);
  }
  Eigen::MatrixXd sub(a.rows(), static_cast<Eigen::Index>(cols.size()));
  for (std::size_t k = 0; k < cols.size(); ++k) {
    sub.col(static_cast<Eigen::Index>(k)) = a.col(cols[k]);
  }
  const Eigen::VectorXd s_sub = sub.colPivHouseholderQr().solve(b);
  Eigen::VectorXd s = Eigen::VectorXd::Zero(a.cols());
  for (std::size_t k = 0; k < cols.size(); ++k) {
    s(cols[k]) = s_sub(static_cast<Eigen::Index>(k));
  }
  return s;
}

}  // namespace

// SolveNnls stays one function: it is Lawson and Hanson's algorithm NNLS as
// published (outer loop: free the best held variable; inner loop: step back
// into the orthant), and keeping the two loops together keeps the
// floating-point operations in the order of the reference.
// NOLINTNEXTLINE(readability-function-cognitive-complexity): one NNLS loop.
NnlsResult SolveNnls(const Eigen::MatrixXd& a, const Eigen::VectorXd& b,
                     const NnlsOptions& options) {
  const Eigen::Index n = a.cols();
  NnlsResult result;
  result.x = Eigen::VectorXd::Zero(n);
  if (n == 0) {
    result.residual_norm = b.norm();
    return result;
  }
  const int max_iterations = options.max_iterations > 0
                                 ? options.max_iterations
                                 : 3 * static_cast<int>(n);
  const double tolerance = options.tolerance >= 0.0
                               ? options.tolerance
                               : 10.0 * std::numeric_limits<double>::epsilon() *
                                     a.cwiseAbs().colwise().sum().maxCoeff() *
                                     static_cast<double>(std::max(a.rows(), n));
  std::vector<bool> free_set(static_cast<std::size_t>(n), false);
  Eigen::VectorXd& x = result.x;
  Eigen::VectorXd w = a.transpose() * (b - a * x);
  while (true) {
    // The held variable with the largest gradient component.
    Eigen::Index best = -1;
    double best_w = tolerance;
    for (Eigen::Index j = 0; j < n; ++j) {
      if (!free_set[static_cast<std::size_t>(j)] && w(j) > best_w) {
        best = j;
        best_w = w(j);
      }
    }
    if (best < 0) break;
    if (result.iterations >= max_iterations) {
      result.status = NnlsStatus::kIterationLimit;
      break;
    }
    ++result.iterations;
    free_set[static_cast<std::size_t>(best)] = true;
    Eigen::VectorXd s = SolveOnSet(a, b, free_set);
    // Inner loop: step back while the free solution leaves the orthant.
    int inner = 0;
    while (inner++ <= static_cast<int>(n)) {
      double alpha = std::numeric_limits<double>::infinity();
      for (Eigen::Index j = 0; j < n; ++j) {
        if (free_set[static_cast<std::size_t>(j)] && s(j) <= 0.0) {
          const double denominator = x(j) - s(j);
          alpha = std::min(alpha, denominator > 0.0 ? x(j) / denominator : 0.0);
        }
      }
      if (!std::isfinite(alpha)) break;  // s is feasible
      x += alpha * (s - x);
      for (Eigen::Index j = 0; j < n; ++j) {
        if (free_set[static_cast<std::size_t>(j)] && x(j) <= tolerance) {
          free_set[static_cast<std::size_t>(j)] = false;
          x(j) = 0.0;
        }
      }
      s = SolveOnSet(a, b, free_set);
    }
    for (Eigen::Index j = 0; j < n; ++j) {
      x(j) = free_set[static_cast<std::size_t>(j)] ? std::max(0.0, s(j)) : 0.0;
    }
    w = a.transpose() * (b - a * x);
    // A freed variable's gradient is 0 up to rounding; never pick it again.
  }
  result.residual_norm = (a * x - b).norm();
  return result;
}

}  // namespace sopu
