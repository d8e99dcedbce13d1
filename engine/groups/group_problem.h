// GroupProblem: partition n elements into m labelled groups with size bounds
// and hard rules, maximising the sum over groups of the pairwise affinity of
// the members (each unordered pair counted once). With no rules this is the
// maximally diverse grouping problem (MDGP) of the literature; affinities may
// have either sign.
//
// Hard rules, each counted as violations (0 = the grouping obeys the rule):
//   - apart: the two elements of a pair must not share a group
//     (1 violation per pair that does);
//   - together: the two elements must share a group (1 per pair that does
//     not);
//   - category rules over one attribute (each element has a value index or
//     none): at most max_per_group[v] holders of value v per group (an
//     organisation cap, or an even spread), and for values marked
//     no_isolated a group holds 0 or >= 2 of them ("no isolated minority").
//     A group's violations for value v are max(0, count - max) plus 1 if
//     no_isolated and count == 1.
// Size bounds are never violated by the solvers: they are part of the search
// space, not of the penalty.
//
// The solvers order groupings lexicographically: fewer violations first, then
// the larger objective.
#ifndef SOPU_ENGINE_GROUPS_GROUP_PROBLEM_H_
#define SOPU_ENGINE_GROUPS_GROUP_PROBLEM_H_

#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace sopu {

// GroupBounds: group g holds min_size..max_size elements (inclusive).
struct GroupBounds {
  int min_size = 0;
  int max_size = 0;
};

// CategoryRule: one attribute's rule. value_of[i] in 0..values-1, or -1 when
// element i has no value (it then never counts).
struct CategoryRule {
  std::vector<int> value_of;
  // Per value; kNoCap for no cap.
  std::vector<int> max_per_group;
  // Per value; 1 = a group holds 0 or >= 2 holders.
  std::vector<std::uint8_t> no_isolated;
  static constexpr int kNoCap = std::numeric_limits<int>::max();
};

struct GroupProblem {
  int elements = 0;
  // Row-major elements x elements, symmetric; the diagonal is ignored.
  std::vector<double> affinity;
  std::vector<GroupBounds> groups;
  std::vector<std::pair<int, int>> apart;
  std::vector<std::pair<int, int>> together;
  std::vector<CategoryRule> category_rules;

  [[nodiscard]] int group_count() const {
    return static_cast<int>(groups.size());
  }
  [[nodiscard]] bool has_rules() const {
    return !apart.empty() || !together.empty() || !category_rules.empty();
  }
  [[nodiscard]] double d(int i, int j) const {
    return affinity[static_cast<std::size_t>(i) *
                        static_cast<std::size_t>(elements) +
                    static_cast<std::size_t>(j)];
  }
};

// ValidateGroupProblem: InvalidArgument naming the field for a malformed
// problem: sizes that disagree, an affinity that is not finite or not
// symmetric, bounds with min > max or min < 0, bounds whose sums cannot hold
// the elements (sum of min > n or sum of max < n), an element id out of
// range, a rule vector of the wrong length. Rules that cannot all hold are
// not an error here: the solver reports their violations.
[[nodiscard]] absl::Status ValidateGroupProblem(const GroupProblem& problem);

// GroupingScore: a grouping's value under the lexicographic order.
struct GroupingScore {
  double objective = 0.0;
  int violations = 0;
};

// IsWithinBounds: group_of has one valid group per element and every group's
// size lies within its bounds.
[[nodiscard]] bool IsWithinBounds(const GroupProblem& problem,
                                  std::span<const int> group_of);

// EvaluateGrouping: objective and violations computed from scratch, O(n^2).
// Precondition: IsWithinBounds.
[[nodiscard]] GroupingScore EvaluateGrouping(const GroupProblem& problem,
                                             std::span<const int> group_of);

// GroupObjectiveUpperBound: a cheap bound on the objective of any grouping,
// O(n^2 log b): each element contributes at most half the sum of its
// (b_max - 1) largest positive affinities, b_max the largest max_size.
[[nodiscard]] double GroupObjectiveUpperBound(const GroupProblem& problem);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_GROUP_PROBLEM_H_
