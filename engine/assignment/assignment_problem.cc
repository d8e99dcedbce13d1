#include "engine/assignment/assignment_problem.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace sopu {

bool IsFeasible(const AssignmentProblem& problem,
                const AssignmentSolution& solution) {
  if (problem.rows < 0 || problem.cols < 0) return false;
  const auto rows = static_cast<std::size_t>(problem.rows);
  if (solution.mentor_of.size() != rows ||
      problem.capacity.size() != static_cast<std::size_t>(problem.cols) ||
      problem.scores.size() != rows * static_cast<std::size_t>(problem.cols)) {
    return false;
  }
  std::vector<int> load(static_cast<std::size_t>(problem.cols), 0);
  int matched = 0;
  double total = 0.0;
  double magnitude = 0.0;
  for (int i = 0; i < problem.rows; ++i) {
    const int j = solution.mentor_of[static_cast<std::size_t>(i)];
    if (j == -1) continue;
    if (j < 0 || j >= problem.cols || !problem.allowed(i, j)) return false;
    if (++load[static_cast<std::size_t>(j)] >
        problem.capacity[static_cast<std::size_t>(j)]) {
      return false;
    }
    ++matched;
    total += problem.score(i, j);
    magnitude += std::abs(problem.score(i, j));
  }
  if (matched != solution.matched) return false;
  return std::abs(total - solution.total) <= 1e-9 * std::max(1.0, magnitude);
}

}  // namespace sopu
