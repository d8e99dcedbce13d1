#include "engine/groups/tabu_search.h"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace sopu {
namespace {

// Gains closer than this are ties: the incremental sums carry rounding, and
// a random choice among equal neighbours diversifies the walk.
constexpr double kTieEpsilon = 1e-9;

std::size_t Idx(int k) { return static_cast<std::size_t>(k); }

// BestNeighbour: the chosen neighbour of one iteration. j < 0 for a move of
// i to group h.
struct BestNeighbour {
  int i = -1;
  int j = -1;
  int h = -1;
  int dv = std::numeric_limits<int>::max();
  double gain = -std::numeric_limits<double>::infinity();
  int ties = 0;

  // Offer: keep (i, j, h) if it beats the current choice; equal ones are
  // kept with probability 1/ties (reservoir sampling).
  void Offer(int ci, int cj, int ch, int cdv, double cgain, SearchRng& rng) {
    if (cdv < dv || (cdv == dv && cgain > gain + kTieEpsilon)) {
      ties = 1;
    } else if (++ties, rng.Below(ties) != 0) {
      return;
    }
    i = ci;
    j = cj;
    h = ch;
    dv = cdv;
    gain = cgain;
  }
  // Competes: could a neighbour with (cdv, cgain) be offered at all.
  [[nodiscard]] bool Competes(int cdv, double cgain) const {
    return cdv < dv || (cdv == dv && cgain >= gain - kTieEpsilon);
  }
};

bool Better(int v1, double o1, int v2, double o2) {
  return v1 < v2 || (v1 == v2 && o1 > o2 + kTieEpsilon);
}

template <bool kRules>
std::int64_t Run(GroupState& state, const TabuSearchOptions& options,
                 SearchRng& rng, const StopSignal& stop,
                 TabuSearchWorkspace& workspace) {
  const GroupProblem& problem = state.problem();
  const int n = state.elements();
  const int m = state.groups();
  std::vector<std::int64_t>& tabu = workspace.tabu_until;
  tabu.assign(Idx(n) * Idx(m), 0);
  std::vector<int>& best = workspace.best;
  best.assign(state.assignment().begin(), state.assignment().end());
  double best_objective = state.objective();
  int best_violations = state.violations();
  bool current_is_best = true;

  bool moves_possible = false;
  for (const GroupBounds& b : problem.groups) {
    moves_possible = moves_possible || b.min_size < b.max_size;
  }
  const double* d = problem.affinity.data();
  // leave[h] = sum(i, h) - own(i): the gain of i joining h, for the i in hand.
  std::vector<double> leave(Idx(m));

  std::int64_t iteration = 0;
  int stall = 0;
  while (stall < options.max_stall && !stop.Expired()) {
    ++iteration;
    const double current = state.objective();
    const int current_violations = state.violations();
    const auto admissible = [&](bool is_tabu, int dv, double gain) {
      return !is_tabu || Better(current_violations + dv, current + gain,
                                best_violations, best_objective);
    };
    BestNeighbour pick;
    const int* group = state.assignment().data();
    for (int i = 0; i < n; ++i) {
      const int g = group[i];
      const double own = state.own(i);
      for (int h = 0; h < m; ++h) leave[Idx(h)] = state.sum(i, h) - own;
      const double* row = d + Idx(i) * Idx(n);
      const double* into_g = state.group_sums(g);
      for (int j = i + 1; j < n; ++j) {
        const int h = group[j];
        if (h == g) continue;
        const double gain =
            leave[Idx(h)] + into_g[j] - state.own(j) - 2.0 * row[j];
        const int dv = kRules ? state.SwapViolationDelta(i, j) : 0;
        if (!pick.Competes(dv, gain)) continue;
        const bool is_tabu = tabu[Idx(i) * Idx(m) + Idx(h)] > iteration ||
                             tabu[Idx(j) * Idx(m) + Idx(g)] > iteration;
        if (admissible(is_tabu, dv, gain)) pick.Offer(i, j, h, dv, gain, rng);
      }
      if (!moves_possible ||
          state.size(g) <= problem.groups[Idx(g)].min_size) {
        continue;
      }
      for (int h = 0; h < m; ++h) {
        if (h == g || state.size(h) >= problem.groups[Idx(h)].max_size) {
          continue;
        }
        const double gain = leave[Idx(h)];
        const int dv = kRules ? state.MoveViolationDelta(i, h) : 0;
        if (!pick.Competes(dv, gain)) continue;
        const bool is_tabu = tabu[Idx(i) * Idx(m) + Idx(h)] > iteration;
        if (admissible(is_tabu, dv, gain)) pick.Offer(i, -1, h, dv, gain, rng);
      }
    }
    if (pick.i < 0) break;  // no neighbour at all (one group, or all tabu)

    const int g = state.group_of(pick.i);
    tabu[Idx(pick.i) * Idx(m) + Idx(g)] =
        iteration + rng.Between(options.tenure_min, options.tenure_max);
    if (pick.j < 0) {
      state.Move(pick.i, pick.h);
    } else {
      tabu[Idx(pick.j) * Idx(m) + Idx(pick.h)] =
          iteration + rng.Between(options.tenure_min, options.tenure_max);
      state.Swap(pick.i, pick.j);
    }
    if (Better(state.violations(), state.objective(), best_violations,
               best_objective)) {
      best.assign(state.assignment().begin(), state.assignment().end());
      best_objective = state.objective();
      best_violations = state.violations();
      current_is_best = true;
      stall = 0;
    } else {
      current_is_best = false;
      ++stall;
    }
  }
  if (!current_is_best) state.Reset(best);
  return iteration;
}

}  // namespace

std::int64_t TabuSearch(GroupState& state, const TabuSearchOptions& options,
                        SearchRng& rng, const StopSignal& stop,
                        TabuSearchWorkspace& workspace) {
  return state.has_rules()
             ? Run<true>(state, options, rng, stop, workspace)
             : Run<false>(state, options, rng, stop, workspace);
}

}  // namespace sopu
