#include "engine/groups/group_state.h"

#include <algorithm>

namespace sopu {

GroupState::GroupState(const GroupProblem& problem)
    : problem_(&problem),
      n_(problem.elements),
      m_(problem.group_count()),
      has_rules_(problem.has_rules()),
      group_of_(Idx(n_), 0),
      size_(Idx(m_), 0),
      sum_(Idx(n_) * Idx(m_), 0.0),
      own_(Idx(n_), 0.0) {
  if (!problem.apart.empty() || !problem.together.empty()) {
    pair_partners_.resize(Idx(n_));
    for (const auto& [a, b] : problem.apart) {
      pair_partners_[Idx(a)].emplace_back(b, 1);
      pair_partners_[Idx(b)].emplace_back(a, 1);
    }
    for (const auto& [a, b] : problem.together) {
      pair_partners_[Idx(a)].emplace_back(b, -1);
      pair_partners_[Idx(b)].emplace_back(a, -1);
    }
    pair_sum_.assign(Idx(n_) * Idx(m_), 0);
    together_pairs_ = static_cast<int>(problem.together.size());
  }
  categories_.reserve(problem.category_rules.size());
  for (const CategoryRule& rule : problem.category_rules) {
    CategoryCounts c;
    c.rule = &rule;
    c.values = static_cast<int>(rule.max_per_group.size());
    c.count.assign(Idx(m_) * Idx(c.values), 0);
    categories_.push_back(std::move(c));
  }
}

void GroupState::Reset(std::span<const int> group_of) {
  std::copy(group_of.begin(), group_of.end(), group_of_.begin());
  std::fill(size_.begin(), size_.end(), 0);
  std::fill(sum_.begin(), sum_.end(), 0.0);
  for (int i = 0; i < n_; ++i) ++size_[Idx(group_of_[Idx(i)])];
  objective_ = 0.0;
  for (int k = 0; k < n_; ++k) {
    const double* row = &problem_->affinity[Idx(k) * Idx(n_)];
    double* out = &sum_[SumCell(0, group_of_[Idx(k)])];
    for (int i = 0; i < n_; ++i) out[i] += row[i];
  }
  for (int i = 0; i < n_; ++i) {
    // The loop above added d(i, i) to i's own group; the sums leave it out.
    const double diagonal = problem_->affinity[Idx(i) * Idx(n_) + Idx(i)];
    sum_[SumCell(i, group_of_[Idx(i)])] -= diagonal;
    own_[Idx(i)] = sum_[SumCell(i, group_of_[Idx(i)])];
    objective_ += 0.5 * own_[Idx(i)];
  }
  violations_ = together_pairs_;
  if (!pair_sum_.empty()) {
    std::fill(pair_sum_.begin(), pair_sum_.end(), 0);
    for (int i = 0; i < n_; ++i) {
      for (const auto& [k, w] : pair_partners_[Idx(i)]) {
        pair_sum_[Cell(i, group_of_[Idx(k)])] += w;
      }
    }
    int twice = 0;
    for (int i = 0; i < n_; ++i) twice += PairSum(i, group_of_[Idx(i)]);
    violations_ += twice / 2;
  }
  for (CategoryCounts& c : categories_) {
    std::fill(c.count.begin(), c.count.end(), 0);
    for (int i = 0; i < n_; ++i) {
      const int v = c.rule->value_of[Idx(i)];
      if (v >= 0) ++c.count[Idx(group_of_[Idx(i)]) * Idx(c.values) + Idx(v)];
    }
    for (int g = 0; g < m_; ++g) {
      for (int v = 0; v < c.values; ++v) {
        violations_ +=
            Penalty(*c.rule, v, c.count[Idx(g) * Idx(c.values) + Idx(v)]);
      }
    }
  }
}

int GroupState::PairWeight(int i, int j) const {
  int w = 0;
  for (const auto& [k, weight] : pair_partners_[Idx(i)]) {
    if (k == j) w += weight;
  }
  return w;
}

int GroupState::Penalty(const CategoryRule& rule, int value, int count) {
  const int over = std::max(0, count - rule.max_per_group[Idx(value)]);
  const int isolated = rule.no_isolated[Idx(value)] != 0 && count == 1 ? 1 : 0;
  return over + isolated;
}

int GroupState::CategoryMoveDelta(const CategoryCounts& c, int value, int g,
                                  int h) {
  const int cg = c.count[Idx(g) * Idx(c.values) + Idx(value)];
  const int ch = c.count[Idx(h) * Idx(c.values) + Idx(value)];
  const CategoryRule& rule = *c.rule;
  return Penalty(rule, value, cg - 1) + Penalty(rule, value, ch + 1) -
         Penalty(rule, value, cg) - Penalty(rule, value, ch);
}

int GroupState::MoveViolationDelta(int i, int h) const {
  if (!has_rules_) return 0;
  const int g = group_of(i);
  int delta = 0;
  if (!pair_sum_.empty()) delta += PairSum(i, h) - PairSum(i, g);
  for (const CategoryCounts& c : categories_) {
    const int v = c.rule->value_of[Idx(i)];
    if (v >= 0) delta += CategoryMoveDelta(c, v, g, h);
  }
  return delta;
}

int GroupState::SwapViolationDelta(int i, int j) const {
  if (!has_rules_) return 0;
  const int g = group_of(i);
  const int h = group_of(j);
  int delta = 0;
  if (!pair_sum_.empty()) {
    delta += PairSum(i, h) - PairSum(i, g) + PairSum(j, g) - PairSum(j, h) -
             2 * PairWeight(i, j);
  }
  for (const CategoryCounts& c : categories_) {
    const int vi = c.rule->value_of[Idx(i)];
    const int vj = c.rule->value_of[Idx(j)];
    if (vi == vj) continue;  // the counts do not change
    // Different values: their counts move independently.
    if (vi >= 0) delta += CategoryMoveDelta(c, vi, g, h);
    if (vj >= 0) delta += CategoryMoveDelta(c, vj, h, g);
  }
  return delta;
}

void GroupState::ApplyMove(int i, int h) {
  const int g = group_of(i);
  const double* row = &problem_->affinity[Idx(i) * Idx(n_)];
  double* from = &sum_[SumCell(0, g)];
  double* to = &sum_[SumCell(0, h)];
  const int* group = group_of_.data();
  double* own = own_.data();
  for (int k = 0; k < n_; ++k) {
    from[k] -= row[k];
    to[k] += row[k];
    own[k] += (group[k] == h ? row[k] : 0.0) - (group[k] == g ? row[k] : 0.0);
  }
  // The loop also changed i's own sums by d(i, i); undo that.
  from[i] += row[i];
  to[i] -= row[i];
  own[i] = to[i];
  if (!pair_sum_.empty()) {
    for (const auto& [k, w] : pair_partners_[Idx(i)]) {
      pair_sum_[Cell(k, g)] -= w;
      pair_sum_[Cell(k, h)] += w;
    }
  }
  for (CategoryCounts& c : categories_) {
    const int v = c.rule->value_of[Idx(i)];
    if (v < 0) continue;
    --c.count[Idx(g) * Idx(c.values) + Idx(v)];
    ++c.count[Idx(h) * Idx(c.values) + Idx(v)];
  }
  --size_[Idx(g)];
  ++size_[Idx(h)];
  group_of_[Idx(i)] = h;
}

void GroupState::Move(int i, int h) {
  objective_ += MoveGain(i, h);
  violations_ += MoveViolationDelta(i, h);
  ApplyMove(i, h);
}

void GroupState::Swap(int i, int j) {
  const int g = group_of(i);
  const int h = group_of(j);
  objective_ += SwapGain(i, j);
  violations_ += SwapViolationDelta(i, j);
  ApplyMove(i, h);
  ApplyMove(j, g);
}

}  // namespace sopu
