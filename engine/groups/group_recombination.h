// Building groupings for the population search: a random start, a crossover
// of two parents, and a random perturbation.
//
// GroupSizes: a size per group within the bounds, summing to n. Unshaped:
// every group at its minimum, then the remaining elements one by one into
// random groups with room. Shaped: the sizes the objective tends to prefer
// — with affinities summing to >= 0 the sizes with the most pairs
// (sum of C(s, 2)), otherwise the fewest; one of the optima at random,
// found by a knapsack over the extra elements. O(n^2 + m E R) when shaped
// (E = n - sum of min sizes, R the widest max - min), else O(n m).
//
// RandomGrouping: GroupSizes, then a random permutation of the elements
// fills the groups. O(n m), plus O(n^2) when shaped.
//
// GroupCrossover: a greedy partition crossover for labelled groups (in the
// spirit of the grouping crossovers of Lai & Hao 2016 and Singh & Sundar
// 2011 for the MDGP). Parents take turns; the parent on turn offers, among
// the group labels not yet used, the group whose still-unplaced members have
// the largest mean affinity to each other, and the child takes those members
// (up to the label's max_size) into the group of the same label. When every
// label is used, the remaining elements are placed greedily: first into
// groups still below their min_size, then wherever they add the most
// affinity, always within the bounds. O(n^2 + n m) time, O(n m) memory.
//
// Perturb: `steps` random steps, each a random move of one element to
// another group (when both groups' bounds allow it) or else a random swap of
// two elements in different groups. O(steps (n + deg)) on the state.
//
// All results are within the bounds (IsWithinBounds) for a valid problem.
#ifndef SOPU_ENGINE_GROUPS_GROUP_RECOMBINATION_H_
#define SOPU_ENGINE_GROUPS_GROUP_RECOMBINATION_H_

#include <span>
#include <vector>

#include "engine/groups/group_problem.h"
#include "engine/groups/group_state.h"
#include "engine/groups/search_control.h"

namespace sopu {

[[nodiscard]] std::vector<int> GroupSizes(const GroupProblem& problem,
                                          bool shaped, SearchRng& rng);

[[nodiscard]] std::vector<int> RandomGrouping(const GroupProblem& problem,
                                              bool shaped, SearchRng& rng);

[[nodiscard]] std::vector<int> GroupCrossover(const GroupProblem& problem,
                                              std::span<const int> parent_a,
                                              std::span<const int> parent_b,
                                              SearchRng& rng);

void Perturb(GroupState& state, int steps, SearchRng& rng);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_GROUP_RECOMBINATION_H_
