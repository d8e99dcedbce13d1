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

}  // namespace

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
                    std::vector<int> capacity)
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
    for (int j = 0; j < cols_; ++j) {
      if (d_[static_cast<std::size_t>(j)] != m) continue;
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
  Initialize();
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
  return SapOutcome::kDone;
}

template class SapCore<std::int32_t>;
template class SapCore<double>;

}  // namespace sopu::assignment_internal
