// GroupState: a grouping of a GroupProblem with the bookkeeping that makes
// local search cheap — the n x m matrix of element-to-group affinity sums
// (sum(i, g) = sum of d(i, k) over members k != i of group g), the same
// matrix for the signed pair rules, and per-group category counts.
//
// With it the gain of moving one element, or of swapping two, is O(1)
// (plus O(r) for r category rules), and applying a move costs O(n + deg),
// deg the element's number of apart/together partners:
//   move i: g -> h    gain = sum(i, h) - sum(i, g)
//   swap i (in g), j (in h)
//                     gain = sum(i, h) - sum(i, g) + sum(j, g) - sum(j, h)
//                            - 2 d(i, j)
// Violations follow the same algebra: an apart pair weighs +1 and a together
// pair -1 in a signed pair matrix, and violations = together pairs +
// sum over same-group pairs of their weight.
//
// Invariants (group_state_test checks them against EvaluateGrouping):
// objective() and violations() equal a from-scratch evaluation (objective up to
// floating rounding of the incremental sums), sizes match the assignment. Moves
// that break a size bound are the caller's to avoid (CanMove).
//
// Memory: 8 n (m + 1) bytes for the sums, 4 n m more when the problem has pair
// rules. Owns its data; holds a pointer to the problem, which must outlive
// it. Not thread-safe; copyable (a copy is an independent state).
#ifndef SOPU_ENGINE_GROUPS_GROUP_STATE_H_
#define SOPU_ENGINE_GROUPS_GROUP_STATE_H_

#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include "engine/common/index.h"
#include "engine/groups/group_problem.h"

namespace sopu {

class GroupState {
 public:
  // GroupState: the problem must be valid (ValidateGroupProblem) and outlive
  // the state. Call Reset before any query.
  explicit GroupState(const GroupProblem& problem);

  // Reset: adopt a grouping, O(n^2 + n m). Precondition: IsWithinBounds.
  void Reset(std::span<const int> group_of);

  [[nodiscard]] const GroupProblem& problem() const { return *problem_; }
  [[nodiscard]] int elements() const { return n_; }
  [[nodiscard]] int groups() const { return m_; }
  [[nodiscard]] int group_of(int i) const { return group_of_[Idx(i)]; }
  [[nodiscard]] std::span<const int> assignment() const { return group_of_; }
  [[nodiscard]] int size(int g) const { return size_[Idx(g)]; }
  [[nodiscard]] double objective() const { return objective_; }
  [[nodiscard]] int violations() const { return violations_; }
  [[nodiscard]] bool has_rules() const { return has_rules_; }
  [[nodiscard]] double sum(int i, int g) const { return sum_[SumCell(i, g)]; }
  // own(i) = sum(i, group_of(i)).
  [[nodiscard]] double own(int i) const { return own_[Idx(i)]; }
  // own_data(): own(.) for every element, contiguous.
  [[nodiscard]] const double* own_data() const { return own_.data(); }
  // group_sums(g): sum(., g) for every element, contiguous.
  [[nodiscard]] const double* group_sums(int g) const {
    return &sum_[SumCell(0, g)];
  }

  // CanMove: moving i to group h keeps both groups within their bounds.
  [[nodiscard]] bool CanMove(int i, int h) const {
    const int g = group_of(i);
    return g != h && size(g) > problem_->groups[Idx(g)].min_size &&
           size(h) < problem_->groups[Idx(h)].max_size;
  }
  [[nodiscard]] double MoveGain(int i, int h) const {
    return sum(i, h) - own(i);
  }
  // SwapGain: i and j in different groups.
  [[nodiscard]] double SwapGain(int i, int j) const {
    const int g = group_of(i);
    const int h = group_of(j);
    return sum(i, h) - own(i) + sum(j, g) - own(j) - 2.0 * problem_->d(i, j);
  }
  // MoveViolationDelta / SwapViolationDelta: change in violations, O(r).
  // 0 when the problem has no rules.
  [[nodiscard]] int MoveViolationDelta(int i, int h) const;
  [[nodiscard]] int SwapViolationDelta(int i, int j) const;

  // Move / Swap: apply, O(n + deg + r). Move needs CanMove; Swap needs i and
  // j in different groups.
  void Move(int i, int h);
  void Swap(int i, int j);

 private:
  struct CategoryCounts {
    const CategoryRule* rule = nullptr;
    int values = 0;
    std::vector<int> count;  // m x values
  };

  [[nodiscard]] std::size_t Cell(int i, int g) const { return At(i, g, m_); }
  // The sums are stored group-major, so that a move updates two contiguous
  // rows and a scan reads one.
  [[nodiscard]] std::size_t SumCell(int i, int g) const { return At(g, i, n_); }
  [[nodiscard]] int PairSum(int i, int g) const {
    return pair_sum_[Cell(i, g)];
  }
  [[nodiscard]] int PairWeight(int i, int j) const;
  [[nodiscard]] static int Penalty(const CategoryRule& rule, int value,
                                   int count);
  // CategoryMoveDelta: violations change when one holder of `value` leaves
  // g for h.
  [[nodiscard]] static int CategoryMoveDelta(const CategoryCounts& c, int value,
                                             int g, int h);
  void ApplyMove(int i, int h);

  const GroupProblem* problem_;
  int n_;
  int m_;
  bool has_rules_;
  std::vector<int> group_of_;
  std::vector<int> size_;
  std::vector<double> sum_;  // m x n
  std::vector<double> own_;  // n
  double objective_ = 0.0;
  int violations_ = 0;
  // Pair rules: partners with weight +1 (apart) or -1 (together).
  std::vector<std::vector<std::pair<int, int>>> pair_partners_;
  std::vector<int> pair_sum_;  // n x m, empty without pair rules
  int together_pairs_ = 0;
  std::vector<CategoryCounts> categories_;
};

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_GROUP_STATE_H_
