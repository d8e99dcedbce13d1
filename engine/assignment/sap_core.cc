#include "engine/assignment/sap_core.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace sopu::assignment_internal {

template <typename S>
SapCore<S>::SapCore(int rows, int cols, const S* cost,
                    std::vector<int> capacity, bool dense)
    : rows_(rows),
      cols_(cols),
      cost_(cost),
      cap_(std::move(capacity)),
      load_(static_cast<std::size_t>(cols), 0),
      slot_begin_(static_cast<std::size_t>(cols) + 1, 0),
      slot_of_row_(static_cast<std::size_t>(rows), -1),
      col_of_row_(static_cast<std::size_t>(rows), -1),
      u_(static_cast<std::size_t>(rows), T{0}),
      v_(static_cast<std::size_t>(cols), T{0}),
      dense_(dense),
      vm_(static_cast<std::size_t>(cols), T{0}),
      dv_(static_cast<std::size_t>(cols), Traits::kUnset),
      d_settled_(static_cast<std::size_t>(cols), T{0}),
      pred_(static_cast<std::size_t>(cols), -1) {
  for (int j = 0; j < cols_; ++j) {
    // A column never holds more rows than there are.
    const int room = std::min(cap_[static_cast<std::size_t>(j)], rows_);
    slot_begin_[static_cast<std::size_t>(j) + 1] =
        slot_begin_[static_cast<std::size_t>(j)] + room;
    cap_[static_cast<std::size_t>(j)] = room;
  }
  members_.assign(
      static_cast<std::size_t>(slot_begin_[static_cast<std::size_t>(cols_)]),
      -1);
  dense_square_ =
      dense && rows_ == cols_ && cols_ >= 2 &&
      std::all_of(cap_.begin(), cap_.end(), [](int c) { return c == 1; });
}

template <typename S>
void SapCore<S>::Attach(int i, int j) {
  const auto sj = static_cast<std::size_t>(j);
  const int pos = slot_begin_[sj] + load_[sj]++;
  members_[static_cast<std::size_t>(pos)] = i;
  slot_of_row_[static_cast<std::size_t>(i)] = pos;
  col_of_row_[static_cast<std::size_t>(i)] = j;
}

template <typename S>
void SapCore<S>::Detach(int i) {
  const auto si = static_cast<std::size_t>(i);
  const auto sj = static_cast<std::size_t>(col_of_row_[si]);
  const int last = slot_begin_[sj] + --load_[sj];
  const int pos = slot_of_row_[si];
  const int moved = members_[static_cast<std::size_t>(last)];
  members_[static_cast<std::size_t>(pos)] = moved;
  slot_of_row_[static_cast<std::size_t>(moved)] = pos;
  col_of_row_[si] = -1;
  slot_of_row_[si] = -1;
}

template <typename S>
void SapCore<S>::Initialize() {
  // Row reduction with v = 0: u_i = min_j c_ij keeps every reduced cost
  // >= 0; a tight column with room takes the row at once.
  for (int i = 0; i < rows_; ++i) {
    const S* c = Row(i);
    const T m = RowMin(c, cols_);
    u_[static_cast<std::size_t>(i)] = m;
    for (int j = 0; j < cols_; ++j) {
      if (Traits::Widen(c[j]) == m && load_[static_cast<std::size_t>(j)] <
                                          cap_[static_cast<std::size_t>(j)]) {
        Attach(i, j);
        break;
      }
    }
  }
}

template <typename S>
// InitializeDense stays one function: the augmenting row reduction below is
// an O(R C) scan per step with an in-place free-row list (a strict step
// re-queues the evicted row at free_rows[--k]); its budget, cursor and
// eviction logic are one loop that helpers would only thread state through.
// NOLINTNEXTLINE(readability-function-cognitive-complexity): hot JV loop.
bool SapCore<S>::InitializeDense() {
  // Jonker & Volgenant's initialisation (column reduction, reduction
  // transfer, two rounds of augmenting row reduction) for the square,
  // unit-capacity, forbidden-free case. Columns end full, so v need not be
  // <= 0 meanwhile; Normalize restores it at the end. Invariant after every
  // step: each assigned row's column minimises c_ij - v_j over j.
  std::vector<T> colmin(static_cast<std::size_t>(cols_), Traits::kUnset);
  std::vector<std::int32_t> arg(static_cast<std::size_t>(cols_), -1);
  for (int i = 0; i < rows_; ++i) {
    ColumnMinUpdate(Row(i), colmin.data(), arg.data(), cols_, i);
  }
  std::vector<int> matches(static_cast<std::size_t>(rows_), 0);
  for (int j = cols_ - 1; j >= 0; --j) {
    const auto sj = static_cast<std::size_t>(j);
    const int i = arg[sj];
    v_[sj] = colmin[sj];
    if (matches[static_cast<std::size_t>(i)]++ == 0) Attach(i, j);
  }
  std::vector<int> free_rows;
  for (int i = 0; i < rows_; ++i) {
    const auto si = static_cast<std::size_t>(i);
    if (matches[si] == 0) {
      free_rows.push_back(i);
    } else if (matches[si] == 1) {
      // Reduction transfer: the row's column becomes as expensive as its
      // second best.
      const int j1 = col_of_row_[si];
      const S* c = Row(i);
      const T left = ReducedMin(c, v_.data(), 0, j1);
      const T right = ReducedMin(c, v_.data(), j1 + 1, cols_);
      v_[static_cast<std::size_t>(j1)] -= left <= right ? left : right;
    }
  }
  // Augmenting row reduction in rounds of at most 4R + 16 steps (a step is
  // one pass over a row). Jonker and Volgenant run two rounds; more pay off
  // while a round still settles >= 1/32 of the free rows (low-rank
  // instances), up to 16R + 64 steps in all. The bounds only decide how much
  // is left to the shortest-path searches.
  const std::int64_t rows64 = rows_;
  const std::int64_t round_budget = 4 * rows64 + 16;
  std::int64_t total_budget = 16 * rows64 + 64;
  for (int round = 0; !free_rows.empty() && total_budget > 0; ++round) {
    const std::int64_t budget = std::min(round_budget, total_budget);
    const std::size_t before = free_rows.size();
    std::vector<int> next;
    std::int64_t steps = 0;
    std::size_t k = 0;
    while (k < free_rows.size()) {
      if (++steps > budget) {
        next.insert(next.end(),
                    free_rows.begin() + static_cast<std::ptrdiff_t>(k),
                    free_rows.end());
        break;
      }
      const int i = free_rows[k++];
      // The smallest reduced value c_ij - v_j (first index) and the
      // smallest over the other columns (first index), in one pass.
      const TwoMinResult<T> two = TwoMin(Row(i), v_.data(), cols_);
      int j1 = two.j1;
      const int j2 = two.j2;
      const T u1 = two.m1;
      const T u2 = two.m2;
      const auto sj1 = static_cast<std::size_t>(j1);
      int evicted = load_[sj1] > 0
                        ? members_[static_cast<std::size_t>(slot_begin_[sj1])]
                        : -1;
      const bool strict = u1 < u2;
      if (strict) {
        v_[sj1] -= u2 - u1;
        if (!(-v_[sj1] < Traits::kLimit)) return false;
      } else if (evicted >= 0) {
        j1 = j2;
        const auto sj2 = static_cast<std::size_t>(j2);
        evicted = load_[sj2] > 0
                      ? members_[static_cast<std::size_t>(slot_begin_[sj2])]
                      : -1;
      }
      if (evicted >= 0) Detach(evicted);
      Attach(i, j1);
      if (evicted >= 0) {
        if (strict) {
          free_rows[--k] = evicted;
        } else {
          next.push_back(evicted);
        }
      }
    }
    free_rows.swap(next);
    total_budget -= steps;
    if (round >= 1 && (before - free_rows.size()) * 32 < before) break;
  }
  // Row duals: the reduced minimum (tight on the assigned column).
  for (int i = 0; i < rows_; ++i) {
    const auto si = static_cast<std::size_t>(i);
    const int j = col_of_row_[si];
    u_[si] = j >= 0 ? Traits::Widen(Row(i)[j]) - v_[static_cast<std::size_t>(j)]
                    : ReducedMin(Row(i), v_.data(), 0, cols_);
    if (!(u_[si] < Traits::kLimit && -u_[si] < Traits::kLimit)) return false;
  }
  for (const T vj : v_) {
    if (!(vj < Traits::kLimit && -vj < Traits::kLimit)) return false;
  }
  vm_ = v_;
  return true;
}

template <typename S>
void SapCore<S>::Normalize() {
  // Every column is full: shifting all v down and all u up by the same
  // amount keeps every reduced cost, and makes v <= 0.
  if (v_.empty()) return;
  const T top = *std::max_element(v_.begin(), v_.end());
  for (T& vj : v_) vj -= top;
  for (T& ui : u_) ui += top;
}

template <typename S>
// Augment stays one function: it is the shortest-path search run once per
// row; the Dijkstra batches, the dual update and the path flip share the
// scanned-row and settled-column lists and the final distance m.
// NOLINTNEXTLINE(readability-function-cognitive-complexity): Dijkstra loop.
SapOutcome SapCore<S>::Augment(int start) {
  std::fill(dv_.begin(), dv_.end(), Traits::kUnset);
  settled_cols_.clear();
  scanned_rows_.clear();
  const auto s_start = static_cast<std::size_t>(start);
  RelaxRow(Row(start), dv_.data(), pred_.data(), cols_, -u_[s_start], start,
           nullptr, !dense_);
  scanned_rows_.push_back(start);
  int sink = -1;
  T m{};
  while (true) {
    // The distance of column j is dv_j - vm_j (kSettled once settled).
    m = NearestColumns(dv_.data(), vm_.data(), cols_, &batch_);
    if (!(m < Traits::kUnreachable)) return SapOutcome::kNoPath;
    for (const int j : batch_) {
      if (load_[static_cast<std::size_t>(j)] <
          cap_[static_cast<std::size_t>(j)]) {
        sink = j;
        break;
      }
    }
    if (sink >= 0) break;
    // Settle the batch; its rows are scanned in order, each prefetching
    // the next.
    const std::size_t first = scanned_rows_.size();
    for (const int j : batch_) {
      const auto sj = static_cast<std::size_t>(j);
      settled_cols_.push_back(j);
      d_settled_[sj] = m;
      dv_[sj] = Traits::kSettledDv;
      vm_[sj] = Traits::kSettledV;
      for (int p = slot_begin_[sj]; p < slot_begin_[sj] + load_[sj]; ++p) {
        scanned_rows_.push_back(members_[static_cast<std::size_t>(p)]);
      }
    }
    const std::size_t last = scanned_rows_.size();
    for (std::size_t k = first; k < last; ++k) {
      const int i = scanned_rows_[k];
      RelaxRow(Row(i), dv_.data(), pred_.data(), cols_,
               m - u_[static_cast<std::size_t>(i)], i,
               k + 1 < last ? Row(scanned_rows_[k + 1]) : nullptr, !dense_);
    }
  }

  // Dual update: settled columns and their rows move by (m - distance).
  u_[s_start] += m;
  for (std::size_t k = 1; k < scanned_rows_.size(); ++k) {
    const auto si = static_cast<std::size_t>(scanned_rows_[k]);
    u_[si] += m - d_settled_[static_cast<std::size_t>(col_of_row_[si])];
    if (!(u_[si] < Traits::kLimit && -u_[si] < Traits::kLimit)) {
      return SapOutcome::kOverflow;
    }
  }
  for (const int j : settled_cols_) {
    const auto sj = static_cast<std::size_t>(j);
    v_[sj] -= m - d_settled_[sj];
    vm_[sj] = v_[sj];
    if (!(-v_[sj] < Traits::kLimit)) return SapOutcome::kOverflow;
  }
  if (!(u_[s_start] < Traits::kLimit && -u_[s_start] < Traits::kLimit)) {
    return SapOutcome::kOverflow;
  }

  // Augment along the predecessor chain back to the start row.
  int j = sink;
  while (true) {
    const int i = pred_[static_cast<std::size_t>(j)];
    const int previous = col_of_row_[static_cast<std::size_t>(i)];
    if (previous >= 0) Detach(i);
    Attach(i, j);
    if (i == start) break;
    j = previous;
  }
  return SapOutcome::kDone;
}

template <typename S>
// Run stays one function: it is the loop over every row's augmentation, with
// the cancellation poll and progress throttle inlined so that the per-row
// cost is one counter increment.
// NOLINTNEXTLINE(readability-function-cognitive-complexity): per-row loop.
SapOutcome SapCore<S>::Run(const CancellationToken* cancel,
                           const ProgressCallback& progress) {
  if (dense_square_) {
    if (!InitializeDense()) return SapOutcome::kOverflow;
  } else {
    Initialize();
  }
  std::int64_t done = 0;
  for (int i = 0; i < rows_; ++i) {
    if (col_of_row_[static_cast<std::size_t>(i)] >= 0) ++done;
  }
  auto last_report = std::chrono::steady_clock::now();
  int since_poll = 0;
  for (int i = 0; i < rows_; ++i) {
    if (col_of_row_[static_cast<std::size_t>(i)] >= 0) continue;
    if (++since_poll == 16) {
      since_poll = 0;
      if (cancel != nullptr && cancel->cancelled()) {
        return SapOutcome::kCancelled;
      }
      if (progress) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last_report > std::chrono::milliseconds(250)) {
          last_report = now;
          progress(Progress{done, rows_, 0.0});
        }
      }
    }
    const SapOutcome outcome = Augment(i);
    if (outcome != SapOutcome::kDone) return outcome;
    ++done;
  }
  if (cancel != nullptr && cancel->cancelled()) return SapOutcome::kCancelled;
  if (dense_square_) Normalize();
  return SapOutcome::kDone;
}

template class SapCore<std::int16_t>;
template class SapCore<std::int32_t>;
template class SapCore<double>;

}  // namespace sopu::assignment_internal
