// SapCore: the shortest-augmenting-path kernel behind
// SolveCapacitatedAssignment (private to engine/assignment).
//
// Problem: a dense rows x cols cost matrix (row-major,
// `Traits::kStoredForbidden` marks a missing arc), column capacities >= 1, and
// the guarantee that some assignment matches every row. Finds a minimum-cost
// assignment that matches every row, each column j at most cap[j] times.
//
// Algorithm: rows are added one at a time; each runs Dijkstra on reduced
// costs c_ij - u_i - v_j >= 0 from the new row to the nearest column with
// room (Jonker & Volgenant, "A shortest augmenting path algorithm for dense
// and sparse linear assignment problems", Computing 38, 1987, without
// replicating capacitated columns: a full column, once reached, makes all
// its rows reachable at the same distance). Columns at the current minimum
// distance are settled as a batch; among them a column with room ends the
// search (the tie-break that prefers mentors with room). The batch's rows
// are then relaxed one after the other over the whole row (RelaxRow), each
// prefetching the next; per column the search keeps d_j + v_j, so a row
// scan reads the costs and that one array (sap_kernels.h). Before the
// searches, either (square, every capacity 1, nothing forbidden) Jonker and
// Volgenant's column reduction, reduction transfer and rounds of augmenting
// row reduction (two, then more while a round still settles >= 1/32 of the
// free rows, at most 16R + 64 steps in all), or a row reduction
// u_i = min_j c_ij that assigns each row to a tight column with room when
// there is one.
//
// Duals: u (rows), v (columns) with v_j <= 0, v_j = 0 while column j has
// room, reduced costs >= 0, and 0 on every assigned pair; at the end they
// certify optimality (LP duality for the transportation problem). After the
// Jonker–Volgenant start v is arbitrary until the end (every column ends
// full there, so no column with room needs v_j = 0), when all duals are
// shifted to make max v_j = 0.
//
// Cost storage S (sap_kernels.h): std::int16_t or std::int32_t, exact
// integer arithmetic in int32; the caller guarantees costs in [L, L + D]
// with (rows + cols + 2) * D < 2^24 and |L| <= 2^15 (int16: every cost
// within +-SapTraits<int16_t>::kMaxCost), which keeps every potential below
// 2^24 + 2^15 in magnitude (each step is invariant under adding a constant
// to every cost, and on costs in [0, D] potentials stay below 2^24).
// |u|, |v| < 2^25 (Traits::kLimit) is checked after the start and every
// augmentation, which keeps every distance below 2^27; kOverflow otherwise.
// Or double, for everything else.
//
// Complexity: O(R^2 C) time worst case, O(R C) memory for the matrix (owned
// by the caller) plus O(R + C) here. Deterministic: the same input gives
// the same assignment and duals, whichever instruction set runs the kernels.
#ifndef SOPU_ENGINE_ASSIGNMENT_SAP_CORE_H_
#define SOPU_ENGINE_ASSIGNMENT_SAP_CORE_H_

#include <cstdint>
#include <vector>

#include "engine/assignment/sap_kernels.h"
#include "engine/common/cancellation.h"

namespace sopu::assignment_internal {

enum class SapOutcome { kDone, kCancelled, kOverflow, kNoPath };

// SapCore owns its duals and matching; it reads `cost` (not owned, must
// outlive Run).
template <typename S>
class SapCore {
  using Traits = SapTraits<S>;
  using T = typename Traits::Value;

 public:
  // `dense`: the caller promises no entry of `cost` is
  // Traits::kStoredForbidden (the scans then skip that test); with
  // rows == cols, cols >= 2 and every capacity 1 it also enables the
  // Jonker–Volgenant initialisation (InitializeDense).
  SapCore(int rows, int cols, const S* cost, std::vector<int> capacity,
          bool dense = false);

  // Run matches every row; polls `cancel` and calls `progress` (either may
  // be null / empty) between augmentations.
  [[nodiscard]] SapOutcome Run(const CancellationToken* cancel,
                               const ProgressCallback& progress);

  [[nodiscard]] const std::vector<int>& col_of_row() const {
    return col_of_row_;
  }
  [[nodiscard]] const std::vector<T>& u() const { return u_; }
  [[nodiscard]] const std::vector<T>& v() const { return v_; }

 private:
  [[nodiscard]] const S* Row(int i) const {
    return cost_ + static_cast<std::size_t>(i) * cols_;
  }
  void Attach(int i, int j);
  void Detach(int i);
  void Initialize();
  [[nodiscard]] bool InitializeDense();
  void Normalize();
  [[nodiscard]] SapOutcome Augment(int start);

  int rows_;
  int cols_;
  const S* cost_;
  std::vector<int> cap_;
  std::vector<int> load_;
  std::vector<int> slot_begin_;  // column j's rows: members_[begin..+load)
  std::vector<int> members_;
  std::vector<int> slot_of_row_;  // position of row i in members_
  std::vector<int> col_of_row_;
  std::vector<T> u_;
  std::vector<T> v_;
  bool dense_ = false;         // no entry is Traits::kStoredForbidden
  bool dense_square_ = false;  // JV initialisation applies (see ctor)
  // Per search.
  std::vector<T> vm_;  // v, or Traits::kSettledV for settled columns
  std::vector<T> dv_;  // tentative distance + v (kSettledDv once settled)
  std::vector<T> d_settled_;
  std::vector<std::int32_t> pred_;
  std::vector<int> settled_cols_;
  std::vector<int> scanned_rows_;
  std::vector<int> batch_;
};

extern template class SapCore<std::int16_t>;
extern template class SapCore<std::int32_t>;
extern template class SapCore<double>;

}  // namespace sopu::assignment_internal

#endif  // SOPU_ENGINE_ASSIGNMENT_SAP_CORE_H_
