#include "service/handlers/group_partition.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <numeric>

#include "absl/strings/str_cat.h"

namespace sopu::service {
namespace {

std::size_t Idx(int k) { return static_cast<std::size_t>(k); }

std::string Members(int n) {
  return absl::StrCat(n, n == 1 ? " member" : " members");
}

// Where: " with town Vaasa", or "" without a key.
std::string Where(const GroupRulesSpec& spec, const std::string& value) {
  if (spec.key_attribute.empty()) return "";
  return absl::StrCat(" with ", spec.key_attribute, " ", value);
}

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

// GroupCountAndBounds: the part's number of groups and bounds, or an
// explanation when its members cannot fill them.
bool GroupCountAndBounds(int n, const GroupRulesSpec& spec, int& groups,
                         GroupBounds& bounds, std::string& why,
                         const std::string& where) {
  if (spec.group_count > 0) {
    groups = spec.group_count;
    if (spec.max_size == 0) {
      bounds = {n / groups, (n + groups - 1) / groups};
    } else {
      bounds = {spec.min_size, spec.max_size};
    }
  } else {
    bounds = {spec.min_size, spec.max_size};
    groups = std::max(1, (n + spec.max_size - 1) / spec.max_size);
  }
  const std::int64_t lo = static_cast<std::int64_t>(groups) * bounds.min_size;
  const std::int64_t hi = static_cast<std::int64_t>(groups) * bounds.max_size;
  if (lo <= n && n <= hi) return true;
  if (spec.group_count > 0) {
    why = absl::StrCat(Members(n), where, " cannot form ", groups,
                       groups == 1 ? " group" : " groups", " of ",
                       bounds.min_size, "-", bounds.max_size);
  } else {
    why = absl::StrCat(Members(n), where, " cannot form groups of ",
                       bounds.min_size, "-", bounds.max_size);
  }
  return false;
}

// CategoryBuilder collects one attribute's rule for one part.
struct CategoryBuilder {
  std::map<std::string, int> index;  // value -> index
  CategoryRule rule;
  std::vector<int> holders;  // per value index: members holding it
};

}  // namespace

std::string AttributeValue(const Participant& participant,
                           const std::string& attribute) {
  if (attribute == "municipality") return participant.municipality;
  if (attribute == "region") return participant.region;
  const auto it = participant.attributes.find(attribute);
  return it == participant.attributes.end() ? std::string() : it->second;
}

GroupPartition BuildGroupParts(const std::vector<const Participant*>& pool,
                               const std::vector<double>& affinity,
                               const std::vector<std::uint8_t>& allowed,
                               const GroupRulesSpec& spec) {
  GroupPartition out;
  const int n = static_cast<int>(pool.size());
  const auto cell = [n](int a, int b) { return Idx(a) * Idx(n) + Idx(b); };

  // Split by key value (one part without a key), in order of first member.
  std::map<std::string, std::size_t> part_of_value;
  std::vector<int> part_of(Idx(n), -1);
  for (int i = 0; i < n; ++i) {
    std::string value;
    if (!spec.key_attribute.empty()) {
      value = AttributeValue(*pool[Idx(i)], spec.key_attribute);
      if (value.empty()) {
        out.unassigned.emplace_back(
            i, absl::StrCat("no value for ", spec.key_attribute));
        continue;
      }
    }
    auto [it, added] = part_of_value.emplace(value, out.parts.size());
    if (added) out.parts.emplace_back().key_value = value;
    part_of[Idx(i)] = static_cast<int>(it->second);
    out.parts[it->second].members.push_back(i);
  }

  // Together-sets: the key must not split them, the policy must allow
  // their pairs, and each must fit in a group.
  UnionFind together(n);
  for (const auto& [a, b] : spec.together) {
    const std::string& va = out.parts.empty() || part_of[Idx(a)] < 0
                                ? std::string()
                                : out.parts[Idx(part_of[Idx(a)])].key_value;
    if (part_of[Idx(a)] != part_of[Idx(b)]) {
      out.infeasible.emplace_back(
          va, absl::StrCat(pool[Idx(a)]->id, " and ", pool[Idx(b)]->id,
                           " must be together but have different ",
                           spec.key_attribute, " values"));
    } else if (allowed[cell(a, b)] == 0) {
      out.infeasible.emplace_back(
          va, absl::StrCat(pool[Idx(a)]->id, " and ", pool[Idx(b)]->id,
                           " must be together but the policy forbids "
                           "pairing them"));
    }
    together.Unite(a, b);
  }
  std::map<int, int> set_size;
  for (int i = 0; i < n; ++i) ++set_size[together.Find(i)];

  for (GroupPart& part : out.parts) {
    const int size = static_cast<int>(part.members.size());
    const std::string where = Where(spec, part.key_value);
    int groups = 0;
    GroupBounds bounds;
    std::string why;
    if (!GroupCountAndBounds(size, spec, groups, bounds, why, where)) {
      out.infeasible.emplace_back(part.key_value, why);
      continue;
    }
    for (const int i : part.members) {
      const int s = set_size[together.Find(i)];
      if (together.Find(i) == i && s > bounds.max_size) {
        out.infeasible.emplace_back(part.key_value,
                                    absl::StrCat(s, " members", where,
                                                 " must be together, but a "
                                                 "group holds at most ",
                                                 bounds.max_size));
      }
    }
    GroupProblem& problem = part.problem;
    problem.elements = size;
    problem.groups.assign(Idx(groups), bounds);
    problem.affinity.resize(Idx(size) * Idx(size));
    for (int a = 0; a < size; ++a) {
      for (int b = 0; b < size; ++b) {
        const std::size_t c = cell(part.members[Idx(a)], part.members[Idx(b)]);
        problem.affinity[Idx(a) * Idx(size) + Idx(b)] =
            a == b ? 0.0 : affinity[c];
        if (b > a && allowed[c] == 0) problem.apart.emplace_back(a, b);
      }
    }
    std::vector<int> local(Idx(n), -1);
    for (int k = 0; k < size; ++k) local[Idx(part.members[Idx(k)])] = k;
    for (const auto& [a, b] : spec.together) {
      if (local[Idx(a)] >= 0 && local[Idx(b)] >= 0) {
        problem.together.emplace_back(local[Idx(a)], local[Idx(b)]);
      }
    }

    // Category rules, one per attribute.
    std::map<std::string, CategoryBuilder> categories;
    const auto rule_for =
        [&](const std::string& attribute) -> CategoryBuilder& {
      CategoryBuilder& c = categories[attribute];
      if (c.rule.value_of.empty()) {
        c.rule.value_of.assign(Idx(size), -1);
        for (int k = 0; k < size; ++k) {
          const std::string v =
              AttributeValue(*pool[Idx(part.members[Idx(k)])], attribute);
          if (v.empty()) continue;
          auto [it, added] =
              c.index.emplace(v, static_cast<int>(c.index.size()));
          if (added) {
            c.rule.max_per_group.push_back(CategoryRule::kNoCap);
            c.rule.no_isolated.push_back(0);
            c.holders.push_back(0);
          }
          c.rule.value_of[Idx(k)] = it->second;
          ++c.holders[Idx(it->second)];
        }
      }
      return c;
    };
    if (spec.max_per_organisation > 0) {
      CategoryBuilder& c = rule_for(spec.organisation_attribute);
      for (const auto& [value, v] : c.index) {
        int& cap = c.rule.max_per_group[Idx(v)];
        cap = std::min(cap, spec.max_per_organisation);
        const int count = c.holders[Idx(v)];
        if (count > cap * groups) {
          out.infeasible.emplace_back(
              part.key_value,
              absl::StrCat(Members(count), where, " share ",
                           spec.organisation_attribute, " ", value, ", but ",
                           groups,
                           groups == 1 ? " group takes" : " groups take",
                           " at most ", cap, " each"));
        }
      }
    }
    for (const BalanceSpec& balance : spec.balance) {
      CategoryBuilder& c = rule_for(balance.attribute);
      for (const auto& [value, v] : c.index) {
        const int count = c.holders[Idx(v)];
        if (balance.spread) {
          int& cap = c.rule.max_per_group[Idx(v)];
          cap = std::min(cap, (count + groups - 1) / groups);
        }
      }
      for (const std::string& value : balance.no_isolated_values) {
        const auto it = c.index.find(value);
        if (it == c.index.end()) continue;  // nobody holds it here
        const int v = it->second;
        c.rule.no_isolated[Idx(v)] = 1;
        const int count = c.holders[Idx(v)];
        if (count == 1) {
          out.infeasible.emplace_back(
              part.key_value, absl::StrCat("only 1 member", where, " has ",
                                           balance.attribute, " ", value,
                                           ", so their group would hold them "
                                           "alone"));
        } else if (c.rule.max_per_group[Idx(v)] < 2) {
          out.infeasible.emplace_back(
              part.key_value,
              absl::StrCat(Members(count), where, " have ", balance.attribute,
                           " ", value,
                           ": spread allows 1 per group and no "
                           "isolated minority needs 0 or at least 2"));
        }
      }
    }
    for (auto& [attribute, c] : categories) {
      if (!c.index.empty()) problem.category_rules.push_back(std::move(c.rule));
    }
  }
  return out;
}

}  // namespace sopu::service
