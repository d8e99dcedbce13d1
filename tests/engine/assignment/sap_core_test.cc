#include "engine/assignment/sap_core.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/capacitated_assignment.h"

namespace sopu::assignment_internal {
namespace {

// Instance: an integer cost matrix (kForbidden marks a missing pair) and
// capacities, convertible to every storage type.
struct Instance {
  int rows = 0;
  int cols = 0;
  std::vector<int> cost;  // row-major
  std::vector<int> capacity;
  bool dense = true;  // nothing forbidden
  static constexpr int kForbidden = -1000000;

  template <typename S>
  [[nodiscard]] std::vector<S> As(int shift = 0) const {
    std::vector<S> out(cost.size());
    for (std::size_t k = 0; k < cost.size(); ++k) {
      out[k] = cost[k] == kForbidden ? SapTraits<S>::kStoredForbidden
                                     : static_cast<S>(cost[k] + shift);
    }
    return out;
  }
};

// Solved: one storage type's result.
struct Solved {
  std::vector<int> col_of_row;
  std::int64_t total = 0;
};

// SolveAndCertify: runs SapCore<S> and checks its duals certify the result
// (every row matched within capacity; v <= 0, v = 0 on columns with room;
// reduced costs >= 0 on allowed pairs, 0 on used ones), in exact
// arithmetic.
template <typename S>
Solved SolveAndCertify(const Instance& in, int shift = 0) {
  using V = typename SapTraits<S>::Value;
  const std::vector<S> cost = in.As<S>(shift);
  SapCore<S> core(in.rows, in.cols, cost.data(), in.capacity, in.dense);
  EXPECT_EQ(core.Run(nullptr, {}), SapOutcome::kDone);
  Solved out;
  out.col_of_row = core.col_of_row();
  const std::vector<V>& u = core.u();
  const std::vector<V>& v = core.v();
  std::vector<int> load(static_cast<std::size_t>(in.cols), 0);
  for (int i = 0; i < in.rows; ++i) {
    const int j = out.col_of_row[static_cast<std::size_t>(i)];
    EXPECT_GE(j, 0) << "row " << i;
    if (j < 0) return out;
    ++load[static_cast<std::size_t>(j)];
    out.total += in.cost[static_cast<std::size_t>(i) * in.cols + j];
    for (int c = 0; c < in.cols; ++c) {
      const int x = in.cost[static_cast<std::size_t>(i) * in.cols + c];
      if (x == Instance::kForbidden) continue;
      const V reduced = static_cast<V>(x + shift) -
                        u[static_cast<std::size_t>(i)] -
                        v[static_cast<std::size_t>(c)];
      if (c == j) {
        EXPECT_EQ(reduced, V{0}) << "used pair " << i << ", " << c;
      } else {
        EXPECT_GE(reduced, V{0}) << "pair " << i << ", " << c;
      }
    }
  }
  for (int j = 0; j < in.cols; ++j) {
    const auto sj = static_cast<std::size_t>(j);
    EXPECT_LE(load[sj], in.capacity[sj]);
    EXPECT_LE(v[sj], V{0}) << "column " << j;
    if (load[sj] < in.capacity[sj]) {
      EXPECT_EQ(v[sj], V{0}) << "column " << j;
    }
  }
  return out;
}

// ExpectSameOnEveryStorage: int16, int32 and double make the same decisions
// (the same values, compared the same way), so the same assignment.
void ExpectSameOnEveryStorage(const Instance& in) {
  const Solved a = SolveAndCertify<std::int16_t>(in);
  const Solved b = SolveAndCertify<std::int32_t>(in);
  const Solved c = SolveAndCertify<double>(in);
  EXPECT_EQ(a.col_of_row, b.col_of_row);
  EXPECT_EQ(a.col_of_row, c.col_of_row);
  EXPECT_EQ(a.total, b.total);
}

std::int64_t BruteForceSquare(const Instance& in) {
  std::vector<int> perm(static_cast<std::size_t>(in.cols));
  std::iota(perm.begin(), perm.end(), 0);
  std::int64_t best = -1;
  do {
    std::int64_t total = 0;
    for (int i = 0; i < in.rows; ++i) {
      total += in.cost[static_cast<std::size_t>(i) * in.cols +
                       perm[static_cast<std::size_t>(i)]];
    }
    if (best < 0 || total < best) best = total;
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

Instance RandomSquare(int n, int hi, std::mt19937_64& rng) {
  Instance in;
  in.rows = n;
  in.cols = n;
  in.capacity.assign(static_cast<std::size_t>(n), 1);
  std::uniform_int_distribution<int> value(0, hi);
  in.cost.resize(static_cast<std::size_t>(n) * n);
  for (int& x : in.cost) x = value(rng);
  return in;
}

// LowRank: cost 1000 - round(a_i . b_j), a and b skewed in [0, 1]^d: many
// rows share their best columns, the case where more rounds of augmenting
// row reduction pay off.
Instance LowRank(int rows, int cols, int d, std::mt19937_64& rng) {
  std::gamma_distribution<double> skew(0.5, 1.0);
  auto vectors = [&](int count) {
    std::vector<double> out(static_cast<std::size_t>(count) * d);
    for (double& x : out) x = std::min(1.0, skew(rng) / 3.0);
    return out;
  };
  const std::vector<double> a = vectors(rows);
  const std::vector<double> b = vectors(cols);
  Instance in;
  in.rows = rows;
  in.cols = cols;
  in.capacity.assign(static_cast<std::size_t>(cols), 1);
  in.cost.resize(static_cast<std::size_t>(rows) * cols);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      double dot = 0.0;
      for (int k = 0; k < d; ++k) {
        dot += a[static_cast<std::size_t>(i) * d + k] *
               b[static_cast<std::size_t>(j) * d + k];
      }
      in.cost[static_cast<std::size_t>(i) * cols + j] =
          1000 - static_cast<int>(std::lround(1000.0 * dot / d));
    }
  }
  return in;
}

TEST(SapCoreTest, DenseSquareEqualsBruteForceOnEveryStorage) {
  std::mt19937_64 rng(3);
  for (int t = 0; t < 60; ++t) {
    const Instance in = RandomSquare(2 + t % 6, t % 3 == 0 ? 2 : 1000, rng);
    SCOPED_TRACE(::testing::Message() << "instance " << t);
    ExpectSameOnEveryStorage(in);
    EXPECT_EQ(SolveAndCertify<std::int16_t>(in).total, BruteForceSquare(in));
  }
}

TEST(SapCoreTest, DenseSquareCertifiedOnEveryStorage) {
  std::mt19937_64 rng(4);
  for (int t = 0; t < 12; ++t) {
    const int n = 20 + 23 * t;
    SCOPED_TRACE(::testing::Message() << "instance " << t << ": " << n);
    ExpectSameOnEveryStorage(RandomSquare(n, t % 4 == 0 ? 3 : 1000, rng));
  }
}

TEST(SapCoreTest, LowRankSquareCertifiedOnEveryStorage) {
  std::mt19937_64 rng(5);
  for (const int n : {60, 150, 300}) {
    for (const int d : {1, 3, 8}) {
      SCOPED_TRACE(::testing::Message() << n << " x " << n << ", d " << d);
      ExpectSameOnEveryStorage(LowRank(n, n, d, rng));
    }
  }
}

TEST(SapCoreTest, CapacitiesAndForbiddenPairsCertifiedOnEveryStorage) {
  std::mt19937_64 rng(6);
  std::uniform_int_distribution<int> cap(0, 4);
  std::bernoulli_distribution forbid(0.3);
  for (int t = 0; t < 16; ++t) {
    Instance in = t % 2 == 0 ? LowRank(90, 31, 2, rng)
                             : RandomSquare(70, t % 4 == 1 ? 5 : 1000, rng);
    // The last column takes every row (like the unmatched slot), so every
    // row can be matched; the others have capacities 0..4.
    in.dense = t % 3 != 0;
    for (int j = 0; j < in.cols; ++j) {
      in.capacity[static_cast<std::size_t>(j)] =
          j + 1 == in.cols ? in.rows : cap(rng);
    }
    if (!in.dense) {
      for (int i = 0; i < in.rows; ++i) {
        for (int j = 0; j + 1 < in.cols; ++j) {
          if (forbid(rng)) {
            in.cost[static_cast<std::size_t>(i) * in.cols + j] =
                Instance::kForbidden;
          }
        }
      }
    }
    SCOPED_TRACE(::testing::Message() << "instance " << t);
    ExpectSameOnEveryStorage(in);
  }
}

TEST(SapCoreTest, AddingAConstantToEveryCostChangesNoDecision) {
  // SolveCapacitatedAssignment stores -s_ij (no shift) when that fits in
  // int16; this is why the result equals the shifted one.
  std::mt19937_64 rng(8);
  for (int t = 0; t < 6; ++t) {
    Instance in = t < 3 ? LowRank(120, 120, 2, rng) : RandomSquare(90, 50, rng);
    if (t % 3 == 2) {
      in.capacity.assign(static_cast<std::size_t>(in.cols), 2);  // not square
    }
    SCOPED_TRACE(::testing::Message() << "instance " << t);
    const Solved base = SolveAndCertify<std::int16_t>(in);
    for (const int shift : {-3000, -1000, 3000}) {
      EXPECT_EQ(SolveAndCertify<std::int16_t>(in, shift).col_of_row,
                base.col_of_row);
    }
  }
}

// Through SolveCapacitatedAssignment: each cost storage (int16 -s, int16
// smax - s, int32, double) against the double path on the same scores plus
// 1/2, which keeps the optimal assignments and adds matched / 2.
AssignmentProblem Scores(int rows, int cols, int cap, int lo, int hi,
                         double forbid, std::mt19937_64& rng) {
  AssignmentProblem p;
  p.rows = rows;
  p.cols = cols;
  p.capacity.assign(static_cast<std::size_t>(cols), cap);
  std::uniform_int_distribution<int> score(lo, hi);
  std::bernoulli_distribution forbidden(forbid);
  for (int k = 0; k < rows * cols; ++k) p.scores.push_back(score(rng));
  if (forbid > 0.0) {
    for (int k = 0; k < rows * cols; ++k) {
      p.forbidden.push_back(forbidden(rng) ? 1 : 0);
    }
  }
  return p;
}

void ExpectSameAsHalfShifted(const AssignmentProblem& p) {
  const absl::StatusOr<AssignmentResult> exact = SolveCapacitatedAssignment(p);
  ASSERT_TRUE(exact.ok()) << exact.status();
  EXPECT_TRUE(CheckAssignmentCertificate(p, {}, *exact));
  AssignmentProblem half = p;
  for (double& s : half.scores) s += 0.5;
  const absl::StatusOr<AssignmentResult> real =
      SolveCapacitatedAssignment(half);
  ASSERT_TRUE(real.ok()) << real.status();
  EXPECT_TRUE(CheckAssignmentCertificate(half, {}, *real));
  EXPECT_EQ(exact->solution.matched, real->solution.matched);
  EXPECT_EQ(exact->solution.total + 0.5 * exact->solution.matched,
            real->solution.total);
}

TEST(CostStorageTest, EveryStorageAgreesWithTheDoublePath) {
  std::mt19937_64 rng(9);
  // int16 -s: small scores, every pair usable (square and capacitated).
  ExpectSameAsHalfShifted(Scores(150, 150, 1, 0, 1000, 0.0, rng));
  ExpectSameAsHalfShifted(Scores(150, 50, 3, -1000, 1000, 0.0, rng));
  // int16 smax - s: forbidden pairs.
  ExpectSameAsHalfShifted(Scores(120, 60, 2, 0, 1000, 0.2, rng));
  // int32: range above 2^15, (rows + cols + 2) * range below 2^24.
  ExpectSameAsHalfShifted(Scores(60, 60, 1, 0, 100000, 0.0, rng));
  ExpectSameAsHalfShifted(Scores(60, 30, 2, -50000, 50000, 0.1, rng));
  // double: range (which includes 0, the slot's score) too large.
  ExpectSameAsHalfShifted(Scores(60, 60, 1, 0, 1000000000, 0.0, rng));
  ExpectSameAsHalfShifted(Scores(120, 120, 1, 100000, 101000, 0.0, rng));
}

}  // namespace
}  // namespace sopu::assignment_internal
