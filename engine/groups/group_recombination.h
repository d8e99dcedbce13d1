// Building groupings for the population search: a random start, a crossover
// of two parents, and a random perturbation.
//
// RandomGrouping: sizes first (every group at its minimum, the remaining
// elements one by one into random groups with room), then a random
// permutation of the elements fills them. O(n + m).
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
// Perturb: `swaps` random swaps of two elements in different groups
// (sizes unchanged). O(swaps (n + deg)) on the state.
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

[[nodiscard]] std::vector<int> RandomGrouping(const GroupProblem& problem,
                                              SearchRng& rng);

[[nodiscard]] std::vector<int> GroupCrossover(const GroupProblem& problem,
                                              std::span<const int> parent_a,
                                              std::span<const int> parent_b,
                                              SearchRng& rng);

void Perturb(GroupState& state, int swaps, SearchRng& rng);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_GROUP_RECOMBINATION_H_
