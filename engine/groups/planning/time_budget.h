// ShareTimeBudget shares one search time limit among the parts of a
// partition in proportion to n^2 (n = the part's members), the cost of one
// pass over a part's move and swap neighbourhood:
//   seconds[p] = max(kMinPartSeconds, T n_p^2 / max(sum_q n_q^2, 1)).
// Every part gets at least kMinPartSeconds, so the shares may sum to more
// than T when parts are many or tiny (a search needs some time to build its
// population; with a round limit it usually stops earlier anyway).
//
// Complexity: O(P) for P parts. Deterministic.
//
// Usage:
//   const std::vector<double> seconds = ShareTimeBudget({8, 5}, 5.0);
//   // {5 * 64 / 89, 5 * 25 / 89}
#ifndef SOPU_ENGINE_GROUPS_PLANNING_TIME_BUDGET_H_
#define SOPU_ENGINE_GROUPS_PLANNING_TIME_BUDGET_H_

#include <vector>

namespace sopu {

// kMinPartSeconds: the least time a part's search gets.
inline constexpr double kMinPartSeconds = 0.05;

// ShareTimeBudget: one share per entry of `part_sizes` (members, >= 0), in
// seconds. Precondition: time_limit_seconds > 0.
[[nodiscard]] std::vector<double> ShareTimeBudget(
    const std::vector<int>& part_sizes, double time_limit_seconds);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_TIME_BUDGET_H_
