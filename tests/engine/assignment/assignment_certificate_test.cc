// CheckAssignmentCertificate against forged certificates: each test hands it
// a feasible but suboptimal solution with made-up duals that pass every
// condition of the certificate but one, and requires it to refuse them; the
// genuine certificate of the same instance is accepted. A test here fails
// when the check it targets is deleted from capacitated_assignment.cc.
//
// Convention (capacitated_assignment.cc): costs c_ij = -s_ij; u per row, v
// per column plus a last entry for the "unmatched" slot (cost 0, capacity
// rows with kMaxScore, rows - matched with the lexicographic objective).
// Optimal iff v_j <= 0, v_j = 0 on a column (or the slot) with room,
// u_i + v_j <= c_ij on usable pairs and u_i + v_slot <= 0, with equality on
// used pairs and u_i + v_slot = 0 for an unmatched row; lexicographic: no
// augmenting path.
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/capacitated_assignment.h"
#include "tests/engine/assignment/brute_force.h"

namespace sopu {
namespace {

using ::sopu::testing::BruteForceLexicographic;
using ::sopu::testing::BruteForceMaxScore;

AssignmentProblem Problem(int rows, int cols, std::vector<double> scores,
                          std::vector<int> capacity) {
  AssignmentProblem p;
  p.rows = rows;
  p.cols = cols;
  p.scores = std::move(scores);
  p.capacity = std::move(capacity);
  return p;
}

AssignmentOptions MaxScore(std::optional<double> min_score = {}) {
  AssignmentOptions options;
  options.objective = AssignmentObjective::kMaxScore;
  options.min_score = min_score;
  return options;
}

// Certificate: a result claiming `mentor_of` optimal with potentials u, v
// (v with cols + 1 entries, the slot last); matched and total consistent
// with mentor_of, so that IsFeasible holds and only the duals are at stake.
AssignmentResult Certificate(const AssignmentProblem& p,
                             std::vector<int> mentor_of, std::vector<double> u,
                             std::vector<double> v) {
  AssignmentResult r;
  r.status = AssignmentStatus::kOptimal;
  r.solution.mentor_of = std::move(mentor_of);
  for (int i = 0; i < p.rows; ++i) {
    const int j = r.solution.mentor_of[static_cast<std::size_t>(i)];
    if (j < 0) continue;
    ++r.solution.matched;
    r.solution.total += p.score(i, j);
  }
  r.row_potential = std::move(u);
  r.col_potential = std::move(v);
  return r;
}

// ExpectSolverCertified: the solver's own result is certified and reaches
// `total` with `matched` rows.
void ExpectSolverCertified(const AssignmentProblem& p,
                           const AssignmentOptions& options, int matched,
                           double total) {
  const absl::StatusOr<AssignmentResult> r =
      SolveCapacitatedAssignment(p, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->solution.matched, matched);
  EXPECT_EQ(r->solution.total, total);
  EXPECT_TRUE(CheckAssignmentCertificate(p, options, *r));
}

// Two rows, two mentors with one seat each; the diagonal scores 10 + 10, the
// swap 1 + 1. Both are full matchings, so the lexicographic objective
// compares totals only and the slot holds nothing.
TEST(AssignmentCertificateTest, RefusesDualsThatAreNotFeasible) {
  const AssignmentProblem p = Problem(2, 2, {10, 1, 1, 10}, {1, 1});
  ASSERT_EQ(BruteForceLexicographic(p).total, 10.0 + 10.0);
  // The swap, with u_i + v_j = c_ij = -1 on both used pairs (complementary
  // slackness holds, every v_j = 0 <= 0) but u_0 + v_0 = -1 > c_00 = -10.
  const AssignmentResult forged = Certificate(p, {1, 0}, {-1, -1}, {0, 0, 0});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  ASSERT_LT(forged.solution.total, 10.0 + 10.0);
  EXPECT_FALSE(CheckAssignmentCertificate(p, {}, forged));

  const AssignmentResult genuine =
      Certificate(p, {0, 1}, {-10, -10}, {0, 0, 0});
  EXPECT_TRUE(CheckAssignmentCertificate(p, {}, genuine));
  ExpectSolverCertified(p, {}, 2, 10.0 + 10.0);
}

// One row, two mentors with one seat each scoring 1 and 10; the forgery
// takes the first. Mentor 1 keeps room, so v_1 = 0 and u_0 <= c_01 = -10.
// Then equality on the used pair needs v_0 = -1 - u_0 >= 9: the only duals
// "proving" the worse pair either give the full column a positive dual or
// the column with room a non-zero one.
AssignmentProblem OneRowTwoMentors() { return Problem(1, 2, {1, 10}, {1, 1}); }

TEST(AssignmentCertificateTest, RefusesAPositiveColumnDual) {
  const AssignmentProblem p = OneRowTwoMentors();
  ASSERT_EQ(BruteForceLexicographic(p).total, 10.0);
  // v_0 = 9 > 0 on the full column; everything else holds.
  const AssignmentResult forged = Certificate(p, {0}, {-10}, {9, 0, 0});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  ASSERT_LT(forged.solution.total, 10.0);
  EXPECT_FALSE(CheckAssignmentCertificate(p, {}, forged));
  EXPECT_FALSE(CheckAssignmentCertificate(p, MaxScore(), forged));

  const AssignmentResult genuine = Certificate(p, {1}, {-10}, {0, 0, 0});
  EXPECT_TRUE(CheckAssignmentCertificate(p, {}, genuine));
  EXPECT_TRUE(CheckAssignmentCertificate(p, MaxScore(), genuine));
  ExpectSolverCertified(p, {}, 1, 10.0);
}

TEST(AssignmentCertificateTest, RefusesANonZeroDualOnAColumnWithRoom) {
  const AssignmentProblem p = OneRowTwoMentors();
  // v_1 = -9 on mentor 1, whose seat is free; everything else holds.
  const AssignmentResult forged = Certificate(p, {0}, {-1}, {0, -9, 0});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  ASSERT_LT(forged.solution.total, 10.0);
  EXPECT_FALSE(CheckAssignmentCertificate(p, {}, forged));
  EXPECT_FALSE(CheckAssignmentCertificate(p, MaxScore(), forged));
  // A free column with capacity 2 and one seat used has room too.
  AssignmentProblem two_seats = p;
  two_seats.capacity = {2, 2};
  EXPECT_FALSE(CheckAssignmentCertificate(two_seats, {}, forged));
}

TEST(AssignmentCertificateTest, RefusesDualsWithoutEqualityOnAUsedPair) {
  const AssignmentProblem p = OneRowTwoMentors();
  // Feasible duals (u_0 + v_j <= c_0j for both j) but u_0 + v_0 = -10 is
  // not c_00 = -1.
  const AssignmentResult forged = Certificate(p, {0}, {-10}, {0, 0, 0});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  EXPECT_FALSE(CheckAssignmentCertificate(p, {}, forged));
}

// The slot, with kMaxScore (capacity = rows): one row, one mentor.
// Scoring 5, the optimum uses the pair; scoring -5, it leaves the row out.

TEST(AssignmentCertificateTest, RefusesAPositiveSlotDual) {
  const AssignmentProblem p = Problem(1, 1, {5}, {1});
  ASSERT_EQ(BruteForceMaxScore(p).total, 5.0);
  // The row left out (total 0). The mentor has room: v_0 = 0, so feasibility
  // needs u_0 <= -5, and equality on the slot then needs v_slot = -u_0 >= 5.
  const AssignmentResult forged = Certificate(p, {-1}, {-5}, {0, 5});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  EXPECT_FALSE(CheckAssignmentCertificate(p, MaxScore(), forged));

  const AssignmentResult genuine = Certificate(p, {0}, {-5}, {0, 0});
  EXPECT_TRUE(CheckAssignmentCertificate(p, MaxScore(), genuine));
  ExpectSolverCertified(p, MaxScore(), 1, 5.0);
}

TEST(AssignmentCertificateTest, RefusesAnUnmatchedRowNotTightOnTheSlot) {
  const AssignmentProblem p = Problem(1, 1, {5}, {1});
  // The same forgery with a slot dual of the right sign, v_slot = 0:
  // u_0 + v_slot = -5 is not 0.
  const AssignmentResult forged = Certificate(p, {-1}, {-5}, {0, 0});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  EXPECT_FALSE(CheckAssignmentCertificate(p, MaxScore(), forged));
}

TEST(AssignmentCertificateTest, RefusesARowWhoseSlotReducedCostIsNegative) {
  const AssignmentProblem p = Problem(1, 1, {-5}, {1});
  ASSERT_EQ(BruteForceMaxScore(p).total, 0.0);
  // The pair used (total -5): equality gives u_0 = 5 - v_0 >= 5 (v_0 <= 0),
  // so with v_slot = 0 the slot's reduced cost 0 - u_0 - v_slot is -5.
  const AssignmentResult forged = Certificate(p, {0}, {5}, {0, 0});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  ASSERT_LT(forged.solution.total, 0.0);
  EXPECT_FALSE(CheckAssignmentCertificate(p, MaxScore(), forged));

  const AssignmentResult genuine = Certificate(p, {-1}, {0}, {0, 0});
  EXPECT_TRUE(CheckAssignmentCertificate(p, MaxScore(), genuine));
  ExpectSolverCertified(p, MaxScore(), 0, 0.0);
}

TEST(AssignmentCertificateTest, RefusesANonZeroSlotDualWhileTheSlotHasRoom) {
  const AssignmentProblem p = Problem(1, 1, {-5}, {1});
  // The same forgery made feasible by v_slot = -5; but the slot is empty
  // (room for 1), so its dual must be 0.
  const AssignmentResult forged = Certificate(p, {0}, {5}, {0, -5});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  EXPECT_FALSE(CheckAssignmentCertificate(p, MaxScore(), forged));
}

TEST(AssignmentCertificateTest, RefusesAPairBelowTheMinimumScore) {
  // Allowed (IsFeasible accepts it) but not usable under min_score 3.
  const AssignmentProblem p = Problem(1, 1, {2}, {1});
  const AssignmentResult forged = Certificate(p, {0}, {-2}, {0, 0});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  EXPECT_TRUE(CheckAssignmentCertificate(p, MaxScore(), forged));
  EXPECT_FALSE(CheckAssignmentCertificate(p, MaxScore(3.0), forged));

  const AssignmentResult genuine = Certificate(p, {-1}, {0}, {0, 0});
  EXPECT_TRUE(CheckAssignmentCertificate(p, MaxScore(3.0), genuine));
  ExpectSolverCertified(p, MaxScore(3.0), 0, 0.0);
}

TEST(AssignmentCertificateTest, RefusesFewerRowsThanTheMaximumCardinality) {
  // Lexicographic: the pair scoring -5 must be used (1 row matched beats
  // 0). Leaving the row out, the slot (capacity rows - matched = 1) is
  // full and u = 0, v = 0 satisfy every dual condition; only the
  // augmenting path row 0 -> mentor 0 shows the cardinality is not maximum.
  const AssignmentProblem p = Problem(1, 1, {-5}, {1});
  ASSERT_EQ(BruteForceLexicographic(p).matched, 1);
  const AssignmentResult forged = Certificate(p, {-1}, {0}, {0, 0});
  ASSERT_TRUE(IsFeasible(p, forged.solution));
  EXPECT_FALSE(CheckAssignmentCertificate(p, {}, forged));
  // The same certificate is right for kMaxScore.
  EXPECT_TRUE(CheckAssignmentCertificate(p, MaxScore(), forged));

  const AssignmentResult genuine = Certificate(p, {0}, {5}, {0, 0});
  EXPECT_TRUE(CheckAssignmentCertificate(p, {}, genuine));
  ExpectSolverCertified(p, {}, 1, -5.0);
}

}  // namespace
}  // namespace sopu
