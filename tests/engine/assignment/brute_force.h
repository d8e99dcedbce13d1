// Brute-force optima of small capacitated assignment problems, shared by the
// assignment tests: exhaustive search over every assignment (each row picks
// an allowed column with room, or none). (cols + 1)^rows leaves at most;
// meant for rows <= 8.
#ifndef SOPU_TESTS_ENGINE_ASSIGNMENT_BRUTE_FORCE_H_
#define SOPU_TESTS_ENGINE_ASSIGNMENT_BRUTE_FORCE_H_

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "engine/assignment/assignment_problem.h"

namespace sopu::testing {

// BruteForceOptimum: the best (matched, total) found, and one assignment
// reaching it (mentor_of, -1 = unmatched).
struct BruteForceOptimum {
  int matched = 0;
  double total = 0.0;
  std::vector<int> mentor_of;
};

namespace brute_force_internal {

// Search enumerates all assignments; `better(m, t)` says whether (m, t)
// beats the best so far. Pairs scoring below `min_score` are not used.
template <typename Better>
void Search(const AssignmentProblem& p, std::optional<double> min_score, int i,
            int matched, double total, std::vector<int>& load,
            std::vector<int>& mentor_of, BruteForceOptimum& best,
            const Better& better) {
  if (i == p.rows) {
    if (better(matched, total)) best = {matched, total, mentor_of};
    return;
  }
  const auto si = static_cast<std::size_t>(i);
  mentor_of[si] = -1;
  Search(p, min_score, i + 1, matched, total, load, mentor_of, best, better);
  for (int j = 0; j < p.cols; ++j) {
    const auto sj = static_cast<std::size_t>(j);
    if (!p.allowed(i, j) || load[sj] >= p.capacity[sj]) continue;
    if (min_score.has_value() && p.score(i, j) < *min_score) continue;
    ++load[sj];
    mentor_of[si] = j;
    Search(p, min_score, i + 1, matched + 1, total + p.score(i, j), load,
           mentor_of, best, better);
    mentor_of[si] = -1;
    --load[sj];
  }
}

}  // namespace brute_force_internal

// BruteForceLexicographic: most matched rows, then the largest total.
inline BruteForceOptimum BruteForceLexicographic(const AssignmentProblem& p) {
  BruteForceOptimum best{-1, 0.0, {}};
  std::vector<int> load(static_cast<std::size_t>(p.cols), 0);
  std::vector<int> mentor_of(static_cast<std::size_t>(p.rows), -1);
  brute_force_internal::Search(p, std::nullopt, 0, 0, 0.0, load, mentor_of,
                               best, [&best](int m, double t) {
                                 return m > best.matched ||
                                        (m == best.matched && t > best.total);
                               });
  return best;
}

// BruteForceMaxScore: the largest total (the empty assignment scores 0),
// pairs below `min_score` (when set) unused; `matched` is that of the first
// assignment found with the best total.
inline BruteForceOptimum BruteForceMaxScore(
    const AssignmentProblem& p, std::optional<double> min_score = {}) {
  BruteForceOptimum best{0, -std::numeric_limits<double>::infinity(), {}};
  std::vector<int> load(static_cast<std::size_t>(p.cols), 0);
  std::vector<int> mentor_of(static_cast<std::size_t>(p.rows), -1);
  brute_force_internal::Search(
      p, min_score, 0, 0, 0.0, load, mentor_of, best,
      [&best](int /*m*/, double t) { return t > best.total; });
  return best;
}

}  // namespace sopu::testing

#endif  // SOPU_TESTS_ENGINE_ASSIGNMENT_BRUTE_FORCE_H_
