// Grouping problems for the group engine's tests: a random problem with
// given bounds and exactly representable affinities, and the brute-force
// optimum to compare the searches with.
#ifndef SOPU_TESTS_TESTING_GROUP_PROBLEMS_H_
#define SOPU_TESTS_TESTING_GROUP_PROBLEMS_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "engine/common/index.h"
#include "engine/groups/group_problem.h"

namespace sopu::testing {

// RandomGroupProblem: n elements, the given bounds, affinities in [lo, hi]
// rounded to 1/8 (exact in binary, so sums are exact too).
inline GroupProblem RandomGroupProblem(int n, std::vector<GroupBounds> bounds,
                                       std::uint64_t seed, double lo = -2.0,
                                       double hi = 10.0) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(lo, hi);
  GroupProblem p;
  p.elements = n;
  p.groups = std::move(bounds);
  p.affinity.assign(Idx(n) * Idx(n), 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const double a = std::round(d(rng) * 8.0) / 8.0;
      p.affinity[At(i, j, n)] = a;
      p.affinity[At(j, i, n)] = a;
    }
  }
  return p;
}

// BetterGrouping: fewer violations, then a larger objective.
inline bool BetterGrouping(const GroupingScore& a, const GroupingScore& b) {
  return a.violations < b.violations ||
         (a.violations == b.violations && a.objective > b.objective + 1e-9);
}

// BruteForceGrouping: the lexicographic optimum over every labelled
// assignment within the bounds. O(m^n).
inline GroupingScore BruteForceGrouping(const GroupProblem& p) {
  const int n = p.elements;
  const int m = p.group_count();
  std::vector<int> a(Idx(n), 0);
  GroupingScore best{-std::numeric_limits<double>::infinity(),
                     std::numeric_limits<int>::max()};
  while (true) {
    if (IsWithinBounds(p, a)) {
      const GroupingScore s = EvaluateGrouping(p, a);
      if (BetterGrouping(s, best)) best = s;
    }
    int k = 0;
    while (k < n && ++a[Idx(k)] == m) {
      a[Idx(k)] = 0;
      ++k;
    }
    if (k == n) break;
  }
  return best;
}

}  // namespace sopu::testing

#endif  // SOPU_TESTS_TESTING_GROUP_PROBLEMS_H_
