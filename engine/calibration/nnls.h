// SolveNnls: non-negative least squares, min ||A x - b||_2 subject to x >= 0.
//
// Algorithm: the active-set method of Lawson and Hanson ("Solving Least
// Squares Problems", 1974, ch. 23, algorithm NNLS). Start with every variable
// held at 0 (the active set R); repeatedly free the variable whose gradient
// component w = A^T (b - A x) is largest, solve the unconstrained least
// squares problem on the free set P (column-pivoting Householder QR of A_P),
// and, while that solution has a non-positive entry, step back towards it as
// far as feasibility allows and return the variables that hit 0 to R. It
// stops when no held variable has a positive gradient component (the KKT
// conditions: x >= 0, w <= 0 on R, w = 0 on P).
//
// Complexity: each outer iteration frees one variable; each least-squares
// solve costs O(m |P|^2) for an m x n matrix A, so a run is
// O(iterations * m n^2) at worst; iterations are bounded by
// NnlsOptions::max_iterations (default 3 n, as in the reference code).
//
// Determinism: the result depends only on the input (ties in the gradient go
// to the lowest index).
//
// Usage:
//   Eigen::MatrixXd a(m, n); Eigen::VectorXd b(m);  ... fill ...
//   NnlsResult r = SolveNnls(a, b);
//   if (r.status == NnlsStatus::kOptimal) use(r.x);
#ifndef SOPU_ENGINE_CALIBRATION_NNLS_H_
#define SOPU_ENGINE_CALIBRATION_NNLS_H_

#include <Eigen/Dense>

namespace sopu {

struct NnlsOptions {
  // Outer iterations at most; 0 = 3 * n.
  int max_iterations = 0;
  // Gradient tolerance; < 0 = 10 * machine epsilon * ||A||_1 * max(m, n)
  // (the tolerance of the reference implementation).
  double tolerance = -1.0;
};

// NnlsStatus: a solver outcome, not an error.
enum class NnlsStatus {
  kOptimal,         // the KKT conditions hold within the tolerance
  kIterationLimit,  // max_iterations reached; x is feasible, maybe not optimal
};

struct NnlsResult {
  NnlsStatus status = NnlsStatus::kOptimal;
  Eigen::VectorXd x;         // size n, every entry >= 0
  double residual_norm = 0;  // ||A x - b||_2
  int iterations = 0;        // outer iterations made
};

// SolveNnls. Preconditions: a.rows() == b.size(); entries finite. An A with
// no columns gives an empty x.
[[nodiscard]] NnlsResult SolveNnls(const Eigen::MatrixXd& a,
                                   const Eigen::VectorXd& b,
                                   const NnlsOptions& options = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_CALIBRATION_NNLS_H_
