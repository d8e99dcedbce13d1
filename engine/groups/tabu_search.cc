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

// Chooser: one iteration's choice among the neighbours the scan offers —
// the best admissible one: not tabu, or better than the run's best grouping
// (aspiration). A neighbour is offered as (violation change dv, gain).
class Chooser {
 public:
  // Chooser: tabu_until is the n x m tabu list; the current grouping has
  // (current_violations, current), the run's best (best_violations,
  // best_objective).
  Chooser(const std::vector<std::int64_t>& tabu_until, int m,
          std::int64_t iteration, int current_violations, double current,
          int best_violations, double best_objective, SearchRng& rng)
      : tabu_until_(tabu_until),
        m_(m),
        iteration_(iteration),
        current_violations_(current_violations),
        current_(current),
        best_violations_(best_violations),
        best_objective_(best_objective),
        rng_(rng) {}

  // Competes: could a neighbour with (dv, gain) be taken at all.
  [[nodiscard]] bool Competes(int dv, double gain) const {
    return pick_.Competes(dv, gain);
  }
  // OfferMove: i moving to group h.
  void OfferMove(int i, int h, int dv, double gain) {
    if (!pick_.Competes(dv, gain)) return;
    const bool is_tabu = Tabu(i, h);
    if (Admissible(is_tabu, dv, gain)) pick_.Offer(i, -1, h, dv, gain, rng_);
  }
  // OfferSwap: i (in group g) and j (in group h) trading groups.
  void OfferSwap(int i, int j, int g, int h, int dv, double gain) {
    if (!pick_.Competes(dv, gain)) return;
    const bool is_tabu = Tabu(i, h) || Tabu(j, g);
    if (Admissible(is_tabu, dv, gain)) pick_.Offer(i, j, h, dv, gain, rng_);
  }
  [[nodiscard]] const BestNeighbour& pick() const { return pick_; }

 private:
  [[nodiscard]] bool Tabu(int i, int h) const {
    return tabu_until_[At(i, h, m_)] > iteration_;
  }
  [[nodiscard]] bool Admissible(bool is_tabu, int dv, double gain) const {
    return !is_tabu || Better(current_violations_ + dv, current_ + gain,
                              best_violations_, best_objective_);
  }

  const std::vector<std::int64_t>& tabu_until_;
  int m_;
  std::int64_t iteration_;
  int current_violations_;
  double current_;
  int best_violations_;
  double best_objective_;
  SearchRng& rng_;
  BestNeighbour pick_;
};

// OfferMoves: every move of i (in group g) to a group with room; i's group
// must be above its min_size. leave[h] = sum(i, h) - own(i).
template <bool kRules>
void OfferMoves(const GroupState& state, int i, int g,
                const std::vector<double>& leave, Chooser& chooser) {
  const GroupProblem& problem = state.problem();
  const int m = state.groups();
  for (int h = 0; h < m; ++h) {
    if (h == g || state.size(h) >= problem.groups[Idx(h)].max_size) continue;
    const int dv = kRules ? state.MoveViolationDelta(i, h) : 0;
    chooser.OfferMove(i, h, dv, leave[Idx(h)]);
  }
}

// CanLeave: element i's group g is above its min_size (and some group's
// bounds leave room for moves at all).
bool CanLeave(const GroupState& state, int g, bool moves_possible) {
  return moves_possible &&
         state.size(g) > state.problem().groups[Idx(g)].min_size;
}

// RowBest: a row of the swap scan and its best gain.
struct RowBest {
  double gain;
  int i;
};

// ScanRuledRow: every swap of i (in group g) with a partner j > i, with its
// violation change. leave[h] = sum(i, h) - own(i).
void ScanRuledRow(const GroupState& state, int i, int g,
                  const std::vector<double>& leave, Chooser& chooser) {
  const int n = state.elements();
  const int* group = state.assignment().data();
  const double* row = state.problem().affinity.data() + Idx(i) * Idx(n);
  const double* into_g = state.group_sums(g);
  for (int j = i + 1; j < n; ++j) {
    const int h = group[j];
    if (h == g) continue;
    const double gain = leave[Idx(h)] + into_g[j] - state.own(j) - 2.0 * row[j];
    chooser.OfferSwap(i, j, g, h, state.SwapViolationDelta(i, j), gain);
  }
}

// ScanRuled: one iteration's neighbourhood scan for a problem with rules:
// for each element i its swaps with every j > i, then its moves. O(n^2 + n
// m) gains, each with its O(r) violation change.
void ScanRuled(const GroupState& state, bool moves_possible,
               std::vector<double>& leave, Chooser& chooser) {
  const int n = state.elements();
  const int m = state.groups();
  for (int i = 0; i < n; ++i) {
    const int g = state.group_of(i);
    const double own = state.own(i);
    for (int h = 0; h < m; ++h) leave[Idx(h)] = state.sum(i, h) - own;
    ScanRuledRow(state, i, g, leave, chooser);
    if (CanLeave(state, g, moves_possible)) {
      OfferMoves<true>(state, i, g, leave, chooser);
    }
  }
}

// OfferMovesAndRowMaxima: pass 1 of ScanUnruled — offers every move and
// lists each swap row's best gain (row i: partners j > i), computed by the
// vectorised SwapRowMax.
void OfferMovesAndRowMaxima(const GroupState& state, bool moves_possible,
                            std::vector<double>& leave,
                            std::vector<RowBest>& rows, Chooser& chooser) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const int n = state.elements();
  const int m = state.groups();
  const double* d = state.problem().affinity.data();
  const int* group = state.assignment().data();
  const double* own = state.own_data();
  rows.clear();
  for (int i = 0; i < n; ++i) {
    const int g = group[i];
    const double own_i = own[i];
    for (int h = 0; h < m; ++h) leave[Idx(h)] = state.sum(i, h) - own_i;
    leave[Idx(g)] = -kInf;
    if (CanLeave(state, g, moves_possible)) {
      OfferMoves<false>(state, i, g, leave, chooser);
    }
    if (i + 1 < n) {
      const double best =
          SwapRowMax(leave.data(), group + i + 1, state.group_sums(g) + i + 1,
                     own + i + 1, d + Idx(i) * Idx(n) + Idx(i) + 1, n - i - 1);
      if (best > -kInf) rows.push_back({best, i});
    }
  }
}

// ScanCompetingRows: pass 2 of ScanUnruled — the row holding the best swap
// first, then the others in order, each only when its best gain can still
// compete with the pick: the pick's gain then prunes almost every row,
// without sorting them.
void ScanCompetingRows(const GroupState& state,
                       const std::vector<RowBest>& rows,
                       std::vector<double>& leave, Chooser& chooser) {
  const int n = state.elements();
  const int m = state.groups();
  const double* d = state.problem().affinity.data();
  const int* group = state.assignment().data();
  const double* own = state.own_data();
  std::size_t top = 0;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    if (rows[k].gain > rows[top].gain) top = k;
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const RowBest& r = rows[k == 0 ? top : (k <= top ? k - 1 : k)];
    if (!chooser.Competes(0, r.gain)) continue;
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
      chooser.OfferSwap(i, j, g, h, 0, gain);
    }
  }
}

// ScanUnruled: one iteration's neighbourhood scan for a problem without
// rules; it picks like ScanRuled would, only faster. Pass 1 offers every
// move and computes each swap row's best gain with the vectorised
// SwapRowMax; pass 2 scans, checking tabu status, only the rows whose best
// gain can still compete with the pick — usually one or two rows. O(n^2)
// vectorised plus O(n) per scanned row.
void ScanUnruled(const GroupState& state, bool moves_possible,
                 std::vector<double>& leave, std::vector<RowBest>& rows,
                 Chooser& chooser) {
  OfferMovesAndRowMaxima(state, moves_possible, leave, rows, chooser);
  ScanCompetingRows(state, rows, leave, chooser);
}

// Apply: applies the pick to the state and makes the reverse step tabu for
// a tenure drawn in [tenure_min, tenure_max]: the moved element may not
// return to the group it left.
void Apply(const BestNeighbour& pick, const TabuSearchOptions& options,
           std::int64_t iteration, GroupState& state,
           std::vector<std::int64_t>& tabu, SearchRng& rng) {
  const int m = state.groups();
  const int g = state.group_of(pick.i);
  tabu[At(pick.i, g, m)] =
      iteration + rng.Between(options.tenure_min, options.tenure_max);
  if (pick.j < 0) {
    state.Move(pick.i, pick.h);
  } else {
    tabu[At(pick.j, pick.h, m)] =
        iteration + rng.Between(options.tenure_min, options.tenure_max);
    state.Swap(pick.i, pick.j);
  }
}

bool MovesPossible(const GroupProblem& problem) {
  bool moves_possible = false;
  for (const GroupBounds& b : problem.groups) {
    moves_possible = moves_possible || b.min_size < b.max_size;
  }
  return moves_possible;
}

template <bool kRules>
std::int64_t Run(GroupState& state, const TabuSearchOptions& options,
                 SearchRng& rng, const StopSignal& stop,
                 TabuSearchWorkspace& workspace) {
  const int n = state.elements();
  const int m = state.groups();
  std::vector<std::int64_t>& tabu = workspace.tabu_until;
  tabu.assign(Idx(n) * Idx(m), 0);
  std::vector<int>& best = workspace.best;
  best.assign(state.assignment().begin(), state.assignment().end());
  double best_objective = state.objective();
  int best_violations = state.violations();
  bool current_is_best = true;

  const bool moves_possible = MovesPossible(state.problem());
  // leave[h] = sum(i, h) - own(i): the gain of i joining h, for the i in hand.
  std::vector<double> leave(Idx(m));
  std::vector<RowBest> rows;
  rows.reserve(Idx(n));

  std::int64_t iteration = 0;
  int stall = 0;
  while (stall < options.max_stall && !stop.Expired()) {
    ++iteration;
    Chooser chooser(tabu, m, iteration, state.violations(), state.objective(),
                    best_violations, best_objective, rng);
    if constexpr (kRules) {
      ScanRuled(state, moves_possible, leave, chooser);
    } else {
      ScanUnruled(state, moves_possible, leave, rows, chooser);
    }
    const BestNeighbour& pick = chooser.pick();
    if (pick.i < 0) break;  // no neighbour at all (one group, or all tabu)
    Apply(pick, options, iteration, state, tabu, rng);
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
