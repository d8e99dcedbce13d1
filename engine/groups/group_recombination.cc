#include "engine/groups/group_recombination.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <numeric>

#include "engine/common/index.h"

namespace sopu {
namespace {

// ChildBuilder: a partial grouping with, for every element, its affinity
// sum to each child group's members so far.
class ChildBuilder {
 public:
  explicit ChildBuilder(const GroupProblem& problem)
      : problem_(problem),
        n_(problem.elements),
        m_(problem.group_count()),
        group_of_(Idx(n_), -1),
        size_(Idx(m_), 0),
        sum_(Idx(n_) * Idx(m_), 0.0) {}

  [[nodiscard]] bool placed(int i) const { return group_of_[Idx(i)] >= 0; }
  [[nodiscard]] int size(int g) const { return size_[Idx(g)]; }
  [[nodiscard]] double sum(int i, int g) const {
    return sum_[Idx(i) * Idx(m_) + Idx(g)];
  }
  [[nodiscard]] bool has_room(int g) const {
    return size(g) < problem_.groups[Idx(g)].max_size;
  }

  void Place(int i, int g) {
    group_of_[Idx(i)] = g;
    ++size_[Idx(g)];
    const double* row = &problem_.affinity[Idx(i) * Idx(n_)];
    for (int k = 0; k < n_; ++k) {
      if (!placed(k)) sum_[Idx(k) * Idx(m_) + Idx(g)] += row[k];
    }
  }

  // PlaceRest: every unplaced element, in a random order, first into groups
  // below min_size, then into the group with room it adds most to.
  void PlaceRest(SearchRng& rng) {
    std::vector<int> rest;
    for (int i = 0; i < n_; ++i) {
      if (!placed(i)) rest.push_back(i);
    }
    Shuffle(rest, rng);
    std::size_t next = 0;
    for (int g = 0; g < m_; ++g) {
      while (size(g) < problem_.groups[Idx(g)].min_size) {
        // The unplaced element adding most to g.
        std::size_t best = next;
        for (std::size_t k = next + 1; k < rest.size(); ++k) {
          if (sum(rest[k], g) > sum(rest[best], g)) best = k;
        }
        std::swap(rest[next], rest[best]);
        Place(rest[next++], g);
      }
    }
    for (; next < rest.size(); ++next) {
      const int i = rest[next];
      int best = -1;
      for (int g = 0; g < m_; ++g) {
        if (has_room(g) && (best < 0 || sum(i, g) > sum(i, best))) best = g;
      }
      Place(i, best);
    }
  }

  static void Shuffle(std::vector<int>& v, SearchRng& rng) {
    for (std::size_t k = v.size(); k > 1; --k) {
      std::swap(v[k - 1], v[Idx(rng.Below(static_cast<int>(k)))]);
    }
  }

  [[nodiscard]] std::vector<int> Take() { return std::move(group_of_); }

 private:
  const GroupProblem& problem_;
  int n_;
  int m_;
  std::vector<int> group_of_;
  std::vector<int> size_;
  std::vector<double> sum_;
};

std::vector<std::vector<int>> MembersOf(std::span<const int> group_of,
                                        int groups) {
  std::vector<std::vector<int>> members(Idx(groups));
  for (std::size_t i = 0; i < group_of.size(); ++i) {
    members[Idx(group_of[i])].push_back(static_cast<int>(i));
  }
  return members;
}

// DensestUnusedGroup: among the labels not yet used, the group of `members`
// whose members not yet in the child have the largest mean affinity to each
// other (the first on ties); -1 when every label is used. `unplaced` is
// scratch.
int DensestUnusedGroup(const GroupProblem& problem,
                       const std::vector<std::vector<int>>& members,
                       const ChildBuilder& child,
                       const std::vector<std::uint8_t>& label_used,
                       std::vector<int>& unplaced) {
  const int m = problem.group_count();
  int best_label = -1;
  double best_mean = -std::numeric_limits<double>::infinity();
  for (int g = 0; g < m; ++g) {
    if (label_used[Idx(g)] != 0) continue;
    unplaced.clear();
    for (const int i : members[Idx(g)]) {
      if (!child.placed(i)) unplaced.push_back(i);
    }
    double internal = 0.0;
    for (std::size_t a = 0; a < unplaced.size(); ++a) {
      for (std::size_t b = a + 1; b < unplaced.size(); ++b) {
        internal += problem.d(unplaced[a], unplaced[b]);
      }
    }
    const double mean = unplaced.empty()
                            ? 0.0
                            : internal / static_cast<double>(unplaced.size());
    if (best_label < 0 || mean > best_mean) {
      best_label = g;
      best_mean = mean;
    }
  }
  return best_label;
}

// MissingElsewhere: the elements the groups other than `label` still lack
// to reach their min_size.
int MissingElsewhere(const GroupProblem& problem, const ChildBuilder& child,
                     int label) {
  int missing = 0;
  for (int h = 0; h < problem.group_count(); ++h) {
    if (h != label) {
      missing += std::max(0, problem.groups[Idx(h)].min_size - child.size(h));
    }
  }
  return missing;
}

// ShapedSizes: raises `size` (every group at its min_size) by `extra`
// elements to the profile with the most pairs (sign = 1) or the fewest
// (sign = -1): a knapsack over the extra elements, dp[k][e] = best sum of
// sign * C(s, 2) over the first k groups (in a random order, so that ties
// break differently) holding e extra elements. O(m E R) for E extra
// elements and R the widest room.
void ShapedSizes(const GroupProblem& problem, double sign, int extra,
                 std::vector<int>& size, SearchRng& rng) {
  const int m = problem.group_count();
  const auto room = [&](int g) {
    return problem.groups[Idx(g)].max_size - size[Idx(g)];
  };
  std::vector<int> order(Idx(m));
  std::iota(order.begin(), order.end(), 0);
  ChildBuilder::Shuffle(order, rng);
  const auto pairs = [](int k) { return 0.5 * k * (k - 1.0); };
  const double kNone = -std::numeric_limits<double>::infinity();
  const std::size_t width = Idx(extra) + 1;
  std::vector<double> dp((Idx(m) + 1) * width, kNone);
  dp[0] = 0.0;
  for (int k = 0; k < m; ++k) {
    const int g = order[Idx(k)];
    for (std::size_t e = 0; e < width; ++e) {
      const double base = dp[Idx(k) * width + e];
      if (base == kNone) continue;
      for (int add = 0; add <= room(g) && e + Idx(add) < width; ++add) {
        double& cell = dp[(Idx(k) + 1) * width + e + Idx(add)];
        cell = std::max(cell, base + sign * pairs(size[Idx(g)] + add));
      }
    }
  }
  // Walk back from dp[m][extra], taking the first add that attains it.
  std::size_t e = Idx(extra);
  for (int k = m; k > 0; --k) {
    const int g = order[Idx(k - 1)];
    for (int add = 0; add <= room(g) && Idx(add) <= e; ++add) {
      const double prev = dp[Idx(k - 1) * width + e - Idx(add)];
      if (prev != kNone &&
          prev + sign * pairs(size[Idx(g)] + add) == dp[Idx(k) * width + e]) {
        size[Idx(g)] += add;
        e -= Idx(add);
        break;
      }
    }
  }
}

// RandomSizes: raises `size` (every group at its min_size) by `extra`
// elements, one by one into random groups with room.
void RandomSizes(const GroupProblem& problem, int extra, std::vector<int>& size,
                 SearchRng& rng) {
  const int m = problem.group_count();
  std::vector<int> open;
  for (; extra > 0; --extra) {
    open.clear();
    for (int g = 0; g < m; ++g) {
      if (size[Idx(g)] < problem.groups[Idx(g)].max_size) open.push_back(g);
    }
    ++size[Idx(open[Idx(rng.Below(static_cast<int>(open.size())))])];
  }
}

}  // namespace

std::vector<int> GroupSizes(const GroupProblem& problem, bool shaped,
                            SearchRng& rng) {
  const int m = problem.group_count();
  std::vector<int> size(Idx(m));
  int extra = problem.elements;
  for (int g = 0; g < m; ++g) {
    size[Idx(g)] = problem.groups[Idx(g)].min_size;
    extra -= size[Idx(g)];
  }
  if (shaped) {
    // The sizes with the most pairs when affinities sum to >= 0 (more pairs
    // tend to score more), otherwise the fewest.
    double total = 0.0;
    for (const double a : problem.affinity) total += a;
    ShapedSizes(problem, total >= 0.0 ? 1.0 : -1.0, extra, size, rng);
  } else {
    RandomSizes(problem, extra, size, rng);
  }
  return size;
}

std::vector<int> RandomGrouping(const GroupProblem& problem, bool shaped,
                                SearchRng& rng) {
  const int n = problem.elements;
  const int m = problem.group_count();
  const std::vector<int> size = GroupSizes(problem, shaped, rng);
  std::vector<int> order(Idx(n));
  std::iota(order.begin(), order.end(), 0);
  ChildBuilder::Shuffle(order, rng);
  std::vector<int> group_of(Idx(n));
  std::size_t next = 0;
  for (int g = 0; g < m; ++g) {
    for (int k = 0; k < size[Idx(g)]; ++k) group_of[Idx(order[next++])] = g;
  }
  return group_of;
}

std::vector<int> GroupCrossover(const GroupProblem& problem,
                                std::span<const int> parent_a,
                                std::span<const int> parent_b, SearchRng& rng) {
  const int m = problem.group_count();
  const std::array<std::vector<std::vector<int>>, 2> members = {
      MembersOf(parent_a, m), MembersOf(parent_b, m)};
  ChildBuilder child(problem);
  std::vector<std::uint8_t> label_used(Idx(m), 0);
  std::vector<int> unplaced;
  int unplaced_count = problem.elements;
  int turn = rng.Below(2);
  for (int step = 0; step < m; ++step, turn ^= 1) {
    const std::vector<std::vector<int>>& offered = members[Idx(turn)];
    const int label =
        DensestUnusedGroup(problem, offered, child, label_used, unplaced);
    if (label < 0) break;  // every label used
    label_used[Idx(label)] = 1;
    // Leave enough unplaced elements to bring every other group to its
    // min_size, so that PlaceRest can always finish within the bounds.
    const int reserve = MissingElsewhere(problem, child, label);
    for (const int i : offered[Idx(label)]) {
      if (unplaced_count <= reserve) break;
      if (!child.placed(i) && child.has_room(label)) {
        child.Place(i, label);
        --unplaced_count;
      }
    }
  }
  child.PlaceRest(rng);
  return child.Take();
}

void Perturb(GroupState& state, int steps, SearchRng& rng) {
  const int n = state.elements();
  const int m = state.groups();
  if (m < 2) return;
  for (int s = 0; s < steps; ++s) {
    const int i = rng.Below(n);
    if (rng.Below(2) == 0) {
      // A random move, when i's group can shrink and the target can grow.
      const int h = rng.Below(m);
      if (state.CanMove(i, h)) {
        state.Move(i, h);
        continue;
      }
    }
    int j = rng.Below(n);
    for (int tries = 0; tries < 8 && state.group_of(j) == state.group_of(i);
         ++tries) {
      j = rng.Below(n);
    }
    if (state.group_of(j) != state.group_of(i)) state.Swap(i, j);
  }
}

}  // namespace sopu
