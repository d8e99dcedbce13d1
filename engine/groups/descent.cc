#include "engine/groups/descent.h"

#include <cstddef>

#include "engine/common/index.h"
#include "engine/groups/group_recombination.h"

namespace sopu {
namespace {

constexpr double kImprovement = 1e-9;

bool Improves(int dv, double gain) {
  return dv < 0 || (dv == 0 && gain > kImprovement);
}

bool AtLeastAsGood(const GroupState& a, const GroupState& b) {
  return a.violations() < b.violations() ||
         (a.violations() == b.violations() &&
          a.objective() >= b.objective() - kImprovement);
}

bool Better(const GroupState& a, const GroupState& b) {
  return a.violations() < b.violations() ||
         (a.violations() == b.violations() &&
          a.objective() > b.objective() + kImprovement);
}

// TryElement: applies the first improving neighbour involving i (a move of
// i, or a swap of i with a later-scanned element); true if one was applied.
template <bool kRules>
bool TryElement(GroupState& state, int i, bool moves_possible) {
  const GroupProblem& problem = state.problem();
  const int n = state.elements();
  const int m = state.groups();
  const int g = state.group_of(i);
  const double own = state.own(i);
  if (moves_possible && state.size(g) > problem.groups[Idx(g)].min_size) {
    for (int h = 0; h < m; ++h) {
      if (h == g || state.size(h) >= problem.groups[Idx(h)].max_size) {
        continue;
      }
      const int dv = kRules ? state.MoveViolationDelta(i, h) : 0;
      if (Improves(dv, state.sum(i, h) - own)) {
        state.Move(i, h);
        return true;
      }
    }
  }
  const double* row = &problem.affinity[Idx(i) * Idx(n)];
  const double* into_g = state.group_sums(g);
  for (int j = 0; j < n; ++j) {
    const int h = state.group_of(j);
    if (h == g) continue;
    const double gain =
        state.sum(i, h) - own + into_g[j] - state.own(j) - 2.0 * row[j];
    if (!kRules && gain <= kImprovement) continue;
    const int dv = kRules ? state.SwapViolationDelta(i, j) : 0;
    if (Improves(dv, gain)) {
      state.Swap(i, j);
      return true;
    }
  }
  return false;
}

template <bool kRules>
std::int64_t Run(GroupState& state, SearchRng& rng, const StopSignal& stop) {
  const int n = state.elements();
  if (n == 0 || state.groups() < 2) return 0;
  bool moves_possible = false;
  for (const GroupBounds& b : state.problem().groups) {
    moves_possible = moves_possible || b.min_size < b.max_size;
  }
  std::int64_t applied = 0;
  int i = rng.Below(n);
  int quiet = 0;  // elements in a row without an improving neighbour
  while (quiet < n) {
    if (TryElement<kRules>(state, i, moves_possible)) {
      ++applied;
      quiet = 0;
      if ((applied & 63) == 0 && stop.Expired()) break;
    } else {
      ++quiet;
    }
    i = i + 1 == n ? 0 : i + 1;
  }
  return applied;
}

}  // namespace

std::int64_t Descent(GroupState& state, SearchRng& rng,
                     const StopSignal& stop) {
  return state.has_rules() ? Run<true>(state, rng, stop)
                           : Run<false>(state, rng, stop);
}

std::int64_t IteratedDescent(GroupState& state,
                             const IteratedDescentOptions& options,
                             SearchRng& rng, const StopSignal& stop) {
  Descent(state, rng, stop);
  GroupState kept = state;
  GroupState best = state;
  std::int64_t descents = 1;
  for (int k = 0; k < options.kicks && !stop.Expired(); ++k) {
    Perturb(state, options.strength, rng);
    Descent(state, rng, stop);
    ++descents;
    if (AtLeastAsGood(state, kept)) {
      if (Better(state, best)) best = state;
      kept = state;
    } else {
      state = kept;
    }
  }
  state = best;
  return descents;
}

}  // namespace sopu
