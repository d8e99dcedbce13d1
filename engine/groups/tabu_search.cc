#include "engine/groups/tabu_search.h"

#include <algorithm>
#include <cstddef>
#include <limits>

#include "engine/common/index.h"
#include "engine/groups/group_kernels.h"

namespace sopu {
namespace {

// Gains closer than this are ties: the incremental sums carry rounding, and
// a random choice among equal neighbours diversifies the walk.
constexpr double kTieEpsilon = 1e-9;

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

// RowBest: a row of the swap scan and its best gain.
struct RowBest {
  double gain;
  int i;
};

// ScanUnruled: one iteration's neighbourhood scan for a problem without
// rules; it picks like the generic scan of Run<true>, only faster. Pass 1
// offers every move and computes each swap row's best gain (row i: partners
// j > i) with the vectorised SwapRowMax; pass 2 scans, checking tabu
// status, the row holding the best swap and then only the rows whose best
// gain can still compete with the pick — usually one or two rows. O(n^2)
// vectorised plus O(n) per scanned row.
template <typename Admissible>
void ScanUnruled(const GroupState& state, const std::vector<std::int64_t>& tabu,
                 std::int64_t iteration, bool moves_possible,
                 const Admissible& admissible, std::vector<double>& leave,
                 std::vector<RowBest>& rows, BestNeighbour& pick,
                 SearchRng& rng) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const GroupProblem& problem = state.problem();
  const int n = state.elements();
  const int m = state.groups();
  const double* d = problem.affinity.data();
  const int* group = state.assignment().data();
  const double* own = state.own_data();
  rows.clear();
  for (int i = 0; i < n; ++i) {
    const int g = group[i];
    const double own_i = own[i];
    for (int h = 0; h < m; ++h) leave[Idx(h)] = state.sum(i, h) - own_i;
    leave[Idx(g)] = -kInf;
    if (moves_possible && state.size(g) > problem.groups[Idx(g)].min_size) {
      for (int h = 0; h < m; ++h) {
        if (h == g || state.size(h) >= problem.groups[Idx(h)].max_size) {
          continue;
        }
        const double gain = leave[Idx(h)];
        if (!pick.Competes(0, gain)) continue;
        const bool is_tabu = tabu[Idx(i) * Idx(m) + Idx(h)] > iteration;
        if (admissible(is_tabu, 0, gain)) pick.Offer(i, -1, h, 0, gain, rng);
      }
    }
    if (i + 1 < n) {
      const double best =
          SwapRowMax(leave.data(), group + i + 1, state.group_sums(g) + i + 1,
                     own + i + 1, d + Idx(i) * Idx(n) + Idx(i) + 1, n - i - 1);
      if (best > -kInf) rows.push_back({best, i});
    }
  }
  // The row holding the best swap first, then the others in order: the
  // pick's gain then prunes almost every row, without sorting them.
  std::size_t top = 0;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    if (rows[k].gain > rows[top].gain) top = k;
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const RowBest& r = rows[k == 0 ? top : (k <= top ? k - 1 : k)];
    if (!pick.Competes(0, r.gain)) continue;
    const int i = r.i;
    const int g = group[i];
    const double own_i = own[i];
    for (int h = 0; h < m; ++h) leave[Idx(h)] = state.sum(i, h) - own_i;
    const double* row = d + Idx(i) * Idx(n);
    const double* into_g = state.group_sums(g);
    for (int j = i + 1; j < n; ++j) {
      const int h = group[j];
      if (h == g) continue;
      const double gain = leave[Idx(h)] + into_g[j] - own[j] - 2.0 * row[j];
      if (!pick.Competes(0, gain)) continue;
      const bool is_tabu = tabu[Idx(i) * Idx(m) + Idx(h)] > iteration ||
                           tabu[Idx(j) * Idx(m) + Idx(g)] > iteration;
      if (admissible(is_tabu, 0, gain)) pick.Offer(i, j, h, 0, gain, rng);
    }
  }
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
  std::vector<RowBest> rows;
  rows.reserve(Idx(n));

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
    if constexpr (!kRules) {
      ScanUnruled(state, tabu, iteration, moves_possible, admissible, leave,
                  rows, pick, rng);
    } else {
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
          if (admissible(is_tabu, dv, gain))
            pick.Offer(i, -1, h, dv, gain, rng);
        }
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
  return state.has_rules() ? Run<true>(state, options, rng, stop, workspace)
                           : Run<false>(state, options, rng, stop, workspace);
}

}  // namespace sopu
