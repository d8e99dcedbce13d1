#include "engine/groups/planning/group_partition.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <numeric>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/common/index.h"
#include "engine/groups/planning/explanation_words.h"
#include "engine/groups/planning/part_category_rules.h"

namespace sopu {
namespace {

// UnionFind over pool indices, for together-sets.
class UnionFind {
 public:
  explicit UnionFind(int n) : parent_(Idx(n)) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  int Find(int x) {
    while (parent_[Idx(x)] != x) {
      parent_[Idx(x)] = parent_[Idx(parent_[Idx(x)])];
      x = parent_[Idx(x)];
    }
    return x;
  }
  void Unite(int a, int b) { parent_[Idx(Find(a))] = Find(b); }

 private:
  std::vector<int> parent_;
};

// PartShape: a part's number of groups and their bounds.
struct PartShape {
  int groups = 0;
  GroupBounds bounds;
};

// ShapePart: the shape of a part of n members, or false and why its members
// cannot fill it.
bool ShapePart(int n, const GroupRules& rules, const std::string& where,
               PartShape& shape, std::string& why) {
  int& groups = shape.groups;
  GroupBounds& bounds = shape.bounds;
  if (rules.group_count > 0) {
    groups = rules.group_count;
    if (rules.max_size == 0) {
      bounds = {n / groups, (n + groups - 1) / groups};
    } else {
      bounds = {rules.min_size, rules.max_size};
    }
  } else {
    bounds = {rules.min_size, rules.max_size};
    groups = std::max(1, (n + rules.max_size - 1) / rules.max_size) +
             rules.extra_groups;
  }
  const bool fits = static_cast<std::int64_t>(groups) * bounds.min_size <= n &&
                    n <= static_cast<std::int64_t>(groups) * bounds.max_size;
  if (fits && rules.even_sizes && n > 0) {
    // Within the bounds because n / groups lies between them.
    bounds = {std::max(bounds.min_size, n / groups),
              std::min(bounds.max_size, (n + groups - 1) / groups)};
  }
  const std::int64_t lo = static_cast<std::int64_t>(groups) * bounds.min_size;
  const std::int64_t hi = static_cast<std::int64_t>(groups) * bounds.max_size;
  if (lo <= n && n <= hi) return true;
  if (rules.group_count > 0) {
    why = absl::StrCat(MembersPhrase(n), where, " cannot form ", groups,
                       groups == 1 ? " group" : " groups", " of ",
                       bounds.min_size, "-", bounds.max_size);
  } else {
    why = absl::StrCat(MembersPhrase(n), where, " cannot form groups of ",
                       bounds.min_size, "-", bounds.max_size);
  }
  return false;
}

// PartitionBuilder runs the steps of BuildGroupParts over one pool.
class PartitionBuilder {
 public:
  PartitionBuilder(const std::vector<const Participant*>& pool,
                   const std::vector<double>& affinity,
                   const std::vector<std::uint8_t>& allowed,
                   const GroupRules& rules)
      : pool_(pool),
        affinity_(affinity),
        allowed_(allowed),
        rules_(rules),
        n_(static_cast<int>(pool.size())) {}

  [[nodiscard]] GroupPartition Build() {
    SplitByKey();
    CheckTogetherPairs();
    for (GroupPart& part : out_.parts) BuildPart(part);
    return std::move(out_);
  }

 private:
  void SplitByKey();
  void CheckTogetherPairs();
  void BuildPart(GroupPart& part);
  void CheckTogetherSetSizes(const GroupPart& part, int max_size,
                             const std::string& where);
  void FillAffinity(GroupPart& part) const;
  void AddTogetherPairs(GroupPart& part) const;

  const std::vector<const Participant*>& pool_;
  const std::vector<double>& affinity_;
  const std::vector<std::uint8_t>& allowed_;
  const GroupRules& rules_;
  const int n_;
  GroupPartition out_;
  std::vector<int> part_of_;  // per pool index: part index, or -1
  // Per pool index: the size of its together-set when it is the set's
  // representative, else 0.
  std::vector<int> set_size_;
};

// SplitByKey: the parts in order of their first member.
void PartitionBuilder::SplitByKey() {
  const std::string& key = rules_.key_attribute;
  std::map<std::string, std::size_t> part_of_value;
  part_of_.assign(Idx(n_), -1);
  for (int i = 0; i < n_; ++i) {
    std::string value;
    if (!key.empty()) {
      value = AttributeValue(*pool_[Idx(i)], key);
      if (value.empty()) {
        out_.unassigned.push_back(
            {pool_[Idx(i)]->id, absl::StrCat("no value for ", key)});
        continue;
      }
    }
    auto [it, added] = part_of_value.emplace(value, out_.parts.size());
    if (added) out_.parts.emplace_back().key_value = value;
    part_of_[Idx(i)] = static_cast<int>(it->second);
    out_.parts[it->second].members.push_back(i);
  }
}

// CheckTogetherPairs: the key must not split a together pair, and the policy
// must allow it; then the together-sets and their sizes.
void PartitionBuilder::CheckTogetherPairs() {
  UnionFind together(n_);
  for (const auto& [a, b] : rules_.together) {
    const int part = part_of_[Idx(a)];
    const std::string key_value =
        part < 0 ? std::string() : out_.parts[Idx(part)].key_value;
    const std::string pair =
        absl::StrCat(pool_[Idx(a)]->id, " and ", pool_[Idx(b)]->id);
    if (part != part_of_[Idx(b)]) {
      out_.infeasible.push_back(
          {key_value,
           absl::StrCat(pair, " must be together but have different ",
                        rules_.key_attribute, " values")});
    } else if (allowed_[At(a, b, n_)] == 0) {
      out_.infeasible.push_back(
          {key_value, absl::StrCat(pair,
                                   " must be together but the policy forbids "
                                   "pairing them")});
    }
    together.Unite(a, b);
  }
  set_size_.assign(Idx(n_), 0);
  for (int i = 0; i < n_; ++i) ++set_size_[Idx(together.Find(i))];
}

void PartitionBuilder::BuildPart(GroupPart& part) {
  const int size = static_cast<int>(part.members.size());
  const std::string where = WherePhrase(rules_.key_attribute, part.key_value);
  PartShape shape;
  std::string why;
  if (!ShapePart(size, rules_, where, shape, why)) {
    out_.infeasible.push_back({part.key_value, why});
    return;
  }
  CheckTogetherSetSizes(part, shape.bounds.max_size, where);
  GroupProblem& problem = part.problem;
  problem.elements = size;
  problem.groups.assign(Idx(shape.groups), shape.bounds);
  FillAffinity(part);
  AddTogetherPairs(part);
  PartCategoryRules categories =
      BuildPartCategoryRules(pool_, part.members, shape.groups, rules_, where);
  for (std::string& explanation : categories.infeasible) {
    out_.infeasible.push_back({part.key_value, std::move(explanation)});
  }
  problem.category_rules = std::move(categories.rules);
}

void PartitionBuilder::CheckTogetherSetSizes(const GroupPart& part,
                                             int max_size,
                                             const std::string& where) {
  for (const int i : part.members) {
    const int s = set_size_[Idx(i)];
    if (s > max_size) {
      out_.infeasible.push_back(
          {part.key_value,
           absl::StrCat(s, " members", where,
                        " must be together, but a group holds at most ",
                        max_size)});
    }
  }
}

// FillAffinity: the part's affinities, and its pairs the policy forbids as
// apart pairs.
void PartitionBuilder::FillAffinity(GroupPart& part) const {
  GroupProblem& problem = part.problem;
  const int size = problem.elements;
  problem.affinity.resize(Idx(size) * Idx(size));
  for (int a = 0; a < size; ++a) {
    for (int b = 0; b < size; ++b) {
      const std::size_t c = At(part.members[Idx(a)], part.members[Idx(b)], n_);
      problem.affinity[At(a, b, size)] = a == b ? 0.0 : affinity_[c];
      if (b > a && allowed_[c] == 0) problem.apart.emplace_back(a, b);
    }
  }
}

void PartitionBuilder::AddTogetherPairs(GroupPart& part) const {
  std::vector<int> local(Idx(n_), -1);
  for (std::size_t k = 0; k < part.members.size(); ++k) {
    local[Idx(part.members[k])] = static_cast<int>(k);
  }
  for (const auto& [a, b] : rules_.together) {
    if (local[Idx(a)] >= 0 && local[Idx(b)] >= 0) {
      part.problem.together.emplace_back(local[Idx(a)], local[Idx(b)]);
    }
  }
}

}  // namespace

GroupPartition BuildGroupParts(const std::vector<const Participant*>& pool,
                               const std::vector<double>& affinity,
                               const std::vector<std::uint8_t>& allowed,
                               const GroupRules& rules) {
  return PartitionBuilder(pool, affinity, allowed, rules).Build();
}

}  // namespace sopu
