// SapCore: the shortest-augmenting-path kernel behind
// SolveCapacitatedAssignment (private to engine/assignment).
//
// Problem: a dense rows x cols cost matrix (row-major, `Traits::kForbidden`
// marks a missing arc), column capacities >= 1, and the guarantee that some
// assignment matches every row. Finds a minimum-cost assignment that matches
// every row, each column j at most cap[j] times.
//
// Algorithm: rows are added one at a time; each runs Dijkstra on reduced
// costs c_ij - u_i - v_j >= 0 from the new row to the nearest column with
// room (Jonker & Volgenant, "A shortest augmenting path algorithm for dense
// and sparse linear assignment problems", Computing 38, 1987, without
// replicating capacitated columns: a full column, once reached, makes all
// its rows reachable at the same distance). Columns at the current minimum
// distance are settled as a batch; among them a column with room ends the
// search (the tie-break that prefers mentors with room). Before the
// searches, either (square, every capacity 1, nothing forbidden) Jonker and
// Volgenant's column reduction, reduction transfer and augmenting row
// reduction, or a row reduction u_i = min_j c_ij that assigns each row to a
// tight column with room when there is one.
//
// Duals: u (rows), v (columns) with v_j <= 0, v_j = 0 while column j has
// room, reduced costs >= 0, and 0 on every assigned pair; at the end they
// certify optimality (LP duality for the transportation problem). After the
// Jonker–Volgenant start v is arbitrary until the end (every column ends
// full there, so no column with room needs v_j = 0), when all duals are
// shifted to make max v_j = 0.
//
// Cost type T: std::int32_t (exact integer arithmetic; the caller
// guarantees (rows + cols + 2) * (max cost) < 2^24, which keeps every
// potential below 2^24; |u|, |v| < 2^25 (Traits::kLimit) is checked after the
// start and every augmentation, which keeps every distance below 2^27;
// kOverflow otherwise) or double.
//
// Complexity: O(R^2 C) time worst case, O(R C) memory for the matrix (owned
// by the caller) plus O(R + C) here.
#ifndef SOPU_ENGINE_ASSIGNMENT_SAP_CORE_H_
#define SOPU_ENGINE_ASSIGNMENT_SAP_CORE_H_

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/common/cancellation.h"

namespace sopu::assignment_internal {

template <typename T>
struct SapTraits;

// Integer costs in [0, 2^24); potentials stay in (-2^25, 2^25) (checked),
// distances below 2^27, and every sentinel below keeps h + c - v inside
// int32.
template <>
struct SapTraits<std::int32_t> {
  static constexpr std::int32_t kForbidden = 1 << 28;
  static constexpr std::int32_t kUnset = 1 << 29;
  // A settled column's distance: above every legitimate one, below every
  // relaxation through its shifted potential (>= 2^28).
  static constexpr std::int32_t kSettled = 1 << 27;
  static constexpr std::int32_t kUnreachable = 1 << 27;
  static constexpr std::int32_t kLimit = 1 << 25;
  static std::int32_t Shift(std::int32_t v) { return v - (1 << 28); }
};

template <>
struct SapTraits<double> {
  static constexpr double kForbidden = std::numeric_limits<double>::infinity();
  static constexpr double kUnset = std::numeric_limits<double>::infinity();
  static constexpr double kSettled = std::numeric_limits<double>::infinity();
  static constexpr double kUnreachable =
      std::numeric_limits<double>::infinity();
  static constexpr double kLimit = std::numeric_limits<double>::infinity();
  static double Shift(double /*v*/) {
    return -std::numeric_limits<double>::infinity();
  }
};

// RelaxRow: d[j] = min(d[j], h + c[j] - vw[j]) (pred[j] = row where it
// improves) for j < n; returns min_j d[j]. Vectorised per ISA.
std::int32_t RelaxRow(const std::int32_t* c, const std::int32_t* vw,
                      std::int32_t* d, std::int32_t* pred, int n,
                      std::int32_t h, std::int32_t row);
double RelaxRow(const double* c, const double* vw, double* d,
                std::int32_t* pred, int n, double h, std::int32_t row);
// RowMin: min_j c[j] for j < n.
std::int32_t RowMin(const std::int32_t* c, int n);
double RowMin(const double* c, int n);
// FindEqual: the first j in [begin, n) with d[j] == m, or n. Tests blocks
// of columns at once (vectorised), so skipping costs little.
int FindEqual(const std::int32_t* d, int begin, int n, std::int32_t m);
int FindEqual(const double* d, int begin, int n, double m);
// ReducedMin: min_j (c[j] - v[j]) for j in [begin, end).
std::int32_t ReducedMin(const std::int32_t* c, const std::int32_t* v, int begin,
                        int end);
double ReducedMin(const double* c, const double* v, int begin, int end);
// ColumnMinUpdate: for j < n, where c[j] < colmin[j]: colmin[j] = c[j],
// arg[j] = row.
void ColumnMinUpdate(const std::int32_t* c, std::int32_t* colmin,
                     std::int32_t* arg, int n, std::int32_t row);
void ColumnMinUpdate(const double* c, double* colmin, std::int32_t* arg, int n,
                     std::int32_t row);

enum class SapOutcome { kDone, kCancelled, kOverflow, kNoPath };

// SapCore owns its duals and matching; it reads `cost` (not owned, must
// outlive Run).
template <typename T>
class SapCore {
 public:
  // `dense`: the caller promises no entry of `cost` is Traits::kForbidden;
  // with rows == cols, cols >= 2 and every capacity 1 this enables the
  // Jonker–Volgenant initialisation (InitializeDense).
  SapCore(int rows, int cols, const T* cost, std::vector<int> capacity,
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
  using Traits = SapTraits<T>;
  [[nodiscard]] const T* Row(int i) const {
    return cost_ + static_cast<std::size_t>(i) * cols_;
  }
  void Attach(int i, int j);
  void Detach(int i);
  void Initialize();
  [[nodiscard]] bool InitializeDense();
  void TwoMin(int i, int* j1, T* u1, int* j2, T* u2) const;
  void Normalize();
  [[nodiscard]] SapOutcome Augment(int start);

  int rows_;
  int cols_;
  const T* cost_;
  std::vector<int> cap_;
  std::vector<int> load_;
  std::vector<int> slot_begin_;  // column j's rows: members_[begin..+load)
  std::vector<int> members_;
  std::vector<int> slot_of_row_;  // position of row i in members_
  std::vector<int> col_of_row_;
  std::vector<T> u_;
  std::vector<T> v_;
  bool dense_square_ = false;  // JV initialisation applies (see ctor)
  // Per search.
  std::vector<T> vw_;  // v, or Traits::Shift(v) for settled columns
  std::vector<T> d_;
  std::vector<T> d_settled_;
  std::vector<std::int32_t> pred_;
  std::vector<int> settled_cols_;
  std::vector<int> scanned_rows_;
  std::vector<int> batch_;
};

extern template class SapCore<std::int32_t>;
extern template class SapCore<double>;

}  // namespace sopu::assignment_internal

#endif  // SOPU_ENGINE_ASSIGNMENT_SAP_CORE_H_
