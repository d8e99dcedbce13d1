// TabuSearch: improve a grouping with tabu search over the move and swap
// neighbourhoods (in the spirit of the MDGP tabu searches of Gallego et al.
// 2013 and Palubeckis et al. 2011; see ../docs/groups.md).
//
// Each iteration scans the whole neighbourhood — every swap of two elements
// in different groups and, when the bounds leave room, every move of one
// element to another group — each gain an O(1) lookup in the state's sum
// matrix, and applies the best non-tabu one (ties broken at random), even
// when it worsens the grouping. Moving element i out of group g forbids i
// from re-entering g for a tenure drawn in [tenure_min, tenure_max]
// iterations; a tabu neighbour is still taken when it beats the best
// grouping of this run (aspiration). Neighbours are ordered
// lexicographically: fewer rule violations, then larger objective.
// The search stops after max_stall iterations without a new best, or when
// the stop signal expires; the state then holds the run's best grouping.
//
// Without rules the scan runs in two passes (an exact specialisation, same
// choices as the generic scan up to the tie draws; tabu_search_test compares
// the two on instances without ties): pass 1 offers the moves
// and computes each element's best swap gain with a vectorised kernel
// (group_kernels.h); pass 2 checks tabu status only on the rows whose best
// gain can still compete with the pick — usually one or two rows.
//
// Complexity: O(n^2 + n m) per iteration (n elements, m groups; without
// rules the n^2 part is the vectorised pass), O(n m) memory for the tabu
// list.
// Determinism: the result depends only on the state, the options and the
// generator — unless the stop signal expires first.
#ifndef SOPU_ENGINE_GROUPS_TABU_SEARCH_H_
#define SOPU_ENGINE_GROUPS_TABU_SEARCH_H_

#include <cstdint>
#include <vector>

#include "engine/groups/group_state.h"
#include "engine/groups/search_control.h"

namespace sopu {

struct TabuSearchOptions {
  // Iterations without improving the run's best before it ends (>= 1).
  int max_stall = 1000;
  // Tenure range in iterations (0 <= min <= max).
  int tenure_min = 5;
  int tenure_max = 15;
};

// TabuSearchWorkspace: the tabu list, reused across runs of one thread.
struct TabuSearchWorkspace {
  std::vector<std::int64_t> tabu_until;  // n x m
  std::vector<int> best;
};

// TabuSearch: returns the number of iterations done.
std::int64_t TabuSearch(GroupState& state, const TabuSearchOptions& options,
                        SearchRng& rng, const StopSignal& stop,
                        TabuSearchWorkspace& workspace);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_TABU_SEARCH_H_
