// Descent and IteratedDescent: first-improvement local search over the move
// and swap neighbourhoods, and an iterated local search built on it (in the
// spirit of the iterated maxima search of Lai & Hao 2016 for the MDGP).
//
// Descent applies any neighbour that improves the grouping (fewer rule
// violations, or as many and a larger objective by more than 1e-9), scanning
// elements cyclically from a random start, until a full pass finds none:
// the result is a local optimum of both neighbourhoods. O(n^2 + n m) per
// pass, O(n + deg) per applied neighbour.
//
// IteratedDescent repeats `kicks` times: perturb the walk's current local
// optimum by `strength` random swaps, descend, and keep the result when it
// is at least as good (equal values let the walk drift across plateaus);
// otherwise return to the kept one. The state ends on the best grouping seen.
// Determinism: the result depends only on the state, the options and the
// generator — unless the stop signal expires first.
#ifndef SOPU_ENGINE_GROUPS_DESCENT_H_
#define SOPU_ENGINE_GROUPS_DESCENT_H_

#include <cstdint>

#include "engine/groups/group_state.h"
#include "engine/groups/search_control.h"

namespace sopu {

// Descent: returns the number of neighbours applied.
std::int64_t Descent(GroupState& state, SearchRng& rng, const StopSignal& stop);

struct IteratedDescentOptions {
  int kicks = 100;   // perturbation + descent cycles (>= 0)
  int strength = 3;  // random swaps per kick (>= 1)
};

// IteratedDescent: returns the number of descents run.
std::int64_t IteratedDescent(GroupState& state,
                             const IteratedDescentOptions& options,
                             SearchRng& rng, const StopSignal& stop);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_DESCENT_H_
