// AssignmentProblem: the capacitated mentee→mentor assignment instance every
// assignment solver reads, and its solution type.
//
// Rows are mentees, columns mentors. score(i, j) is any finite number (to be
// maximised); forbidden pairs are never used; mentor j takes at most
// capacity[j] >= 0 mentees; each mentee at most one mentor.
#ifndef SOPU_ENGINE_ASSIGNMENT_ASSIGNMENT_PROBLEM_H_
#define SOPU_ENGINE_ASSIGNMENT_ASSIGNMENT_PROBLEM_H_

#include <cstdint>
#include <vector>

namespace sopu {

struct AssignmentProblem {
  int rows = 0;
  int cols = 0;
  // Row-major rows x cols scores.
  std::vector<double> scores;
  // Row-major rows x cols; non-zero = forbidden. Empty = nothing forbidden.
  std::vector<std::uint8_t> forbidden;
  // Per column, >= 0.
  std::vector<int> capacity;

  [[nodiscard]] double score(int i, int j) const {
    return scores[static_cast<std::size_t>(i) * cols + j];
  }
  [[nodiscard]] bool allowed(int i, int j) const {
    return forbidden.empty() ||
           forbidden[static_cast<std::size_t>(i) * cols + j] == 0;
  }
};

// AssignmentSolution: mentor_of[i] is row i's column or -1 (unmatched).
struct AssignmentSolution {
  std::vector<int> mentor_of;
  int matched = 0;
  double total = 0.0;
};

// IsFeasible: every used pair allowed, capacities respected, matched/total
// consistent with mentor_of (total within 1e-9 relative).
[[nodiscard]] bool IsFeasible(const AssignmentProblem& problem,
                              const AssignmentSolution& solution);

}  // namespace sopu

#endif  // SOPU_ENGINE_ASSIGNMENT_ASSIGNMENT_PROBLEM_H_
