#include "engine/assignment/sap_core.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <utility>

// SOPU_SAP_KERNEL: the relaxation loops are compiled for AVX2 and for the
// baseline and picked at load time (GCC/Clang target_clones); both compute
// the same exact values (integer or IEEE min/compare, no contraction).
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define SOPU_SAP_KERNEL __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef SOPU_SAP_KERNEL
#define SOPU_SAP_KERNEL
#endif

namespace sopu::assignment_internal {
namespace {

template <typename T>
inline T RelaxRowImpl(const T* __restrict c, const T* __restrict vw,
                      T* __restrict d, std::int32_t* __restrict pred, int n,
                      T h, std::int32_t row) {
  T best = SapTraits<T>::kUnset;
  for (int j = 0; j < n; ++j) {
    const T r = h + c[j] - vw[j];
    const T old = d[j];
    const bool better = r < old;
    const T now = better ? r : old;
    d[j] = now;
    pred[j] = better ? row : pred[j];
    best = now < best ? now : best;
  }
  return best;
}

template <typename T>
inline T RowMinImpl(const T* __restrict c, int n) {
  T best = SapTraits<T>::kUnset;
  for (int j = 0; j < n; ++j) best = c[j] < best ? c[j] : best;
  return best;
}

template <typename T>
inline int FindEqualImpl(const T* __restrict d, int begin, int n, T m) {
  constexpr int kBlock = 32;
  int j = begin;
  while (j < n) {
    const int end = std::min(j + kBlock, n);
    if (end - j == kBlock) {
      int hit = 0;
      for (int k = 0; k < kBlock; ++k) hit |= d[j + k] == m ? 1 : 0;
      if (hit == 0) {
        j = end;
        continue;
      }
    }
    for (; j < end; ++j) {
      if (d[j] == m) return j;
    }
  }
  return n;
}

template <typename T>
inline T ReducedMinImpl(const T* __restrict c, const T* __restrict v, int begin,
                        int end) {
  T best = SapTraits<T>::kUnset;
  for (int j = begin; j < end; ++j) {
    const T r = c[j] - v[j];
    best = r < best ? r : best;
  }
  return best;
}

template <typename T>
inline void ColumnMinUpdateImpl(const T* __restrict c, T* __restrict colmin,
                                std::int32_t* __restrict arg, int n,
                                std::int32_t row) {
  for (int j = 0; j < n; ++j) {
    const bool better = c[j] < colmin[j];
    colmin[j] = better ? c[j] : colmin[j];
    arg[j] = better ? row : arg[j];
  }
}

}  // namespace

SOPU_SAP_KERNEL int FindEqual(const std::int32_t* d, int begin, int n,
                              std::int32_t m) {
  return FindEqualImpl(d, begin, n, m);
}

SOPU_SAP_KERNEL int FindEqual(const double* d, int begin, int n, double m) {
  return FindEqualImpl(d, begin, n, m);
}

SOPU_SAP_KERNEL std::int32_t ReducedMin(const std::int32_t* c,
                                        const std::int32_t* v, int begin,
                                        int end) {
  return ReducedMinImpl(c, v, begin, end);
}

SOPU_SAP_KERNEL double ReducedMin(const double* c, const double* v, int begin,
                                  int end) {
  return ReducedMinImpl(c, v, begin, end);
}

SOPU_SAP_KERNEL void ColumnMinUpdate(const std::int32_t* c,
                                     std::int32_t* colmin, std::int32_t* arg,
                                     int n, std::int32_t row) {
  ColumnMinUpdateImpl(c, colmin, arg, n, row);
}

SOPU_SAP_KERNEL void ColumnMinUpdate(const double* c, double* colmin,
                                     std::int32_t* arg, int n,
                                     std::int32_t row) {
  ColumnMinUpdateImpl(c, colmin, arg, n, row);
}

SOPU_SAP_KERNEL std::int32_t RelaxRow(const std::int32_t* c,
                                      const std::int32_t* vw, std::int32_t* d,
                                      std::int32_t* pred, int n, std::int32_t h,
                                      std::int32_t row) {
  return RelaxRowImpl(c, vw, d, pred, n, h, row);
}

SOPU_SAP_KERNEL double RelaxRow(const double* c, const double* vw, double* d,
                                std::int32_t* pred, int n, double h,
                                std::int32_t row) {
  return RelaxRowImpl(c, vw, d, pred, n, h, row);
}

SOPU_SAP_KERNEL std::int32_t RowMin(const std::int32_t* c, int n) {
  return RowMinImpl(c, n);
}

SOPU_SAP_KERNEL double RowMin(const double* c, int n) {
  return RowMinImpl(c, n);
}

template <typename T>
SapCore<T>::SapCore(int rows, int cols, const T* cost,
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
      vw_(static_cast<std::size_t>(cols), T{0}),
      d_(static_cast<std::size_t>(cols), Traits::kUnset),
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

template <typename T>
void SapCore<T>::Attach(int i, int j) {
  const auto sj = static_cast<std::size_t>(j);
  const int pos = slot_begin_[sj] + load_[sj]++;
  members_[static_cast<std::size_t>(pos)] = i;
  slot_of_row_[static_cast<std::size_t>(i)] = pos;
  col_of_row_[static_cast<std::size_t>(i)] = j;
}

template <typename T>
void SapCore<T>::Detach(int i) {
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

template <typename T>
void SapCore<T>::Initialize() {
  // Row reduction with v = 0: u_i = min_j c_ij keeps every reduced cost
  // >= 0; a tight column with room takes the row at once.
  for (int i = 0; i < rows_; ++i) {
    const T* c = Row(i);
    const T m = RowMin(c, cols_);
    u_[static_cast<std::size_t>(i)] = m;
    for (int j = 0; j < cols_; ++j) {
      if (c[j] == m && load_[static_cast<std::size_t>(j)] <
                           cap_[static_cast<std::size_t>(j)]) {
        Attach(i, j);
        break;
      }
    }
  }
}

template <typename T>
void SapCore<T>::TwoMin(int i, int* j1, T* u1, int* j2, T* u2) const {
  // The smallest reduced value c_ij - v_j (first index) and the smallest
  // over the other columns (first index), in vectorised passes.
  const T* c = Row(i);
  const T* v = v_.data();
  const T m1 = ReducedMin(c, v, 0, cols_);
  int a = 0;
  while (c[a] - v[a] != m1) ++a;
  const T left = ReducedMin(c, v, 0, a);
  const T right = ReducedMin(c, v, a + 1, cols_);
  const T m2 = left <= right ? left : right;
  int b = left <= right ? 0 : a + 1;
  while (c[b] - v[b] != m2) ++b;
  *j1 = a;
  *u1 = m1;
  *j2 = b;
  *u2 = m2;
}

template <typename T>
bool SapCore<T>::InitializeDense() {
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
      const T* c = Row(i);
      const T left = ReducedMin(c, v_.data(), 0, j1);
      const T right = ReducedMin(c, v_.data(), j1 + 1, cols_);
      v_[static_cast<std::size_t>(j1)] -= left <= right ? left : right;
    }
  }
  // Augmenting row reduction, bounded (the bound only decides how much is
  // left to the shortest-path searches).
  const std::int64_t budget = 4 * static_cast<std::int64_t>(rows_) + 16;
  for (int round = 0; round < 2 && !free_rows.empty(); ++round) {
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
      int j1 = 0;
      int j2 = 0;
      T u1{};
      T u2{};
      TwoMin(i, &j1, &u1, &j2, &u2);
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
  }
  // Row duals: the reduced minimum (tight on the assigned column).
  for (int i = 0; i < rows_; ++i) {
    const auto si = static_cast<std::size_t>(i);
    const int j = col_of_row_[si];
    u_[si] = j >= 0 ? Row(i)[j] - v_[static_cast<std::size_t>(j)]
                    : ReducedMin(Row(i), v_.data(), 0, cols_);
    if (!(u_[si] < Traits::kLimit && -u_[si] < Traits::kLimit)) return false;
  }
  for (const T vj : v_) {
    if (!(vj < Traits::kLimit && -vj < Traits::kLimit)) return false;
  }
  vw_ = v_;
  return true;
}

template <typename T>
void SapCore<T>::Normalize() {
  // Every column is full: shifting all v down and all u up by the same
  // amount keeps every reduced cost, and makes v <= 0.
  if (v_.empty()) return;
  const T top = *std::max_element(v_.begin(), v_.end());
  for (T& vj : v_) vj -= top;
  for (T& ui : u_) ui += top;
}

template <typename T>
SapOutcome SapCore<T>::Augment(int start) {
  std::fill(d_.begin(), d_.end(), Traits::kUnset);
  settled_cols_.clear();
  scanned_rows_.clear();
  const auto s_start = static_cast<std::size_t>(start);
  T m = RelaxRow(Row(start), vw_.data(), d_.data(), pred_.data(), cols_,
                 -u_[s_start], start);
  scanned_rows_.push_back(start);
  int sink = -1;
  while (true) {
    if (!(m < Traits::kUnreachable)) return SapOutcome::kNoPath;
    batch_.clear();
    for (int j = FindEqual(d_.data(), 0, cols_, m); j < cols_;
         j = FindEqual(d_.data(), j + 1, cols_, m)) {
      if (load_[static_cast<std::size_t>(j)] <
          cap_[static_cast<std::size_t>(j)]) {
        sink = j;
        break;
      }
      batch_.push_back(j);
    }
    if (sink >= 0) break;
    for (const int j : batch_) {
      const auto sj = static_cast<std::size_t>(j);
      settled_cols_.push_back(j);
      d_settled_[sj] = m;
      vw_[sj] = Traits::Shift(v_[sj]);
      d_[sj] = Traits::kSettled;
    }
    T next = Traits::kUnset;
    bool relaxed = false;
    for (const int j : batch_) {
      const auto sj = static_cast<std::size_t>(j);
      for (int p = slot_begin_[sj]; p < slot_begin_[sj] + load_[sj]; ++p) {
        const int i = members_[static_cast<std::size_t>(p)];
        next = RelaxRow(Row(i), vw_.data(), d_.data(), pred_.data(), cols_,
                        m - u_[static_cast<std::size_t>(i)], i);
        relaxed = true;
        scanned_rows_.push_back(i);
      }
    }
    m = relaxed ? next : RowMin(d_.data(), cols_);
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
    vw_[sj] = v_[sj];
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

template <typename T>
SapOutcome SapCore<T>::Run(const CancellationToken* cancel,
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

template class SapCore<std::int32_t>;
template class SapCore<double>;

}  // namespace sopu::assignment_internal
