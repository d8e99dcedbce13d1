#include "engine/groups/planning/part_category_rules.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/common/index.h"
#include "engine/groups/planning/explanation_words.h"

namespace sopu {
namespace {

// AttributeRule: one attribute's rule under construction.
struct AttributeRule {
  std::map<std::string, int> index;  // value -> value index
  CategoryRule rule;
  std::vector<int> holders;  // per value index: members holding it
};

// CategoryRulesBuilder collects the attribute rules of one part.
class CategoryRulesBuilder {
 public:
  CategoryRulesBuilder(const std::vector<const Participant*>& pool,
                       const std::vector<int>& members, int groups,
                       const std::string& where)
      : pool_(pool), members_(members), groups_(groups), where_(where) {}

  void AddOrganisationCap(const std::string& attribute, int cap);
  void AddBalance(const BalanceRule& balance);
  [[nodiscard]] PartCategoryRules Take();

 private:
  AttributeRule& For(const std::string& attribute);
  void AddNoIsolated(const BalanceRule& balance, AttributeRule& c);

  const std::vector<const Participant*>& pool_;
  const std::vector<int>& members_;
  int groups_;
  const std::string& where_;
  std::map<std::string, AttributeRule> attributes_;
  std::vector<std::string> infeasible_;
};

// For: the attribute's rule, its values indexed on first use.
AttributeRule& CategoryRulesBuilder::For(const std::string& attribute) {
  AttributeRule& c = attributes_[attribute];
  if (!c.rule.value_of.empty()) return c;
  const int size = static_cast<int>(members_.size());
  c.rule.value_of.assign(Idx(size), -1);
  for (int k = 0; k < size; ++k) {
    const std::string v =
        AttributeValue(*pool_[Idx(members_[Idx(k)])], attribute);
    if (v.empty()) continue;
    auto [it, added] = c.index.emplace(v, static_cast<int>(c.index.size()));
    if (added) {
      c.rule.max_per_group.push_back(CategoryRule::kNoCap);
      c.rule.no_isolated.push_back(0);
      c.holders.push_back(0);
    }
    c.rule.value_of[Idx(k)] = it->second;
    ++c.holders[Idx(it->second)];
  }
  return c;
}

void CategoryRulesBuilder::AddOrganisationCap(const std::string& attribute,
                                              int cap) {
  AttributeRule& c = For(attribute);
  for (const auto& [value, v] : c.index) {
    int& max = c.rule.max_per_group[Idx(v)];
    max = std::min(max, cap);
    const int count = c.holders[Idx(v)];
    if (count > static_cast<std::int64_t>(max) * groups_) {
      infeasible_.push_back(absl::StrCat(
          MembersPhrase(count), where_, " share ", attribute, " ", value,
          ", but ", groups_, groups_ == 1 ? " group takes" : " groups take",
          " at most ", max, " each"));
    }
  }
}

void CategoryRulesBuilder::AddBalance(const BalanceRule& balance) {
  AttributeRule& c = For(balance.attribute);
  if (balance.spread) {
    for (const auto& [value, v] : c.index) {
      const int count = c.holders[Idx(v)];
      int& max = c.rule.max_per_group[Idx(v)];
      max = std::min(max, (count + groups_ - 1) / groups_);
    }
  }
  AddNoIsolated(balance, c);
}

void CategoryRulesBuilder::AddNoIsolated(const BalanceRule& balance,
                                         AttributeRule& c) {
  for (const std::string& value : balance.no_isolated_values) {
    const auto it = c.index.find(value);
    if (it == c.index.end()) continue;  // nobody holds it here
    const int v = it->second;
    c.rule.no_isolated[Idx(v)] = 1;
    const int count = c.holders[Idx(v)];
    if (count == 1) {
      infeasible_.push_back(absl::StrCat("only 1 member", where_, " has ",
                                         balance.attribute, " ", value,
                                         ", so their group would hold them "
                                         "alone"));
    } else if (c.rule.max_per_group[Idx(v)] < 2) {
      infeasible_.push_back(absl::StrCat(
          MembersPhrase(count), where_, " have ", balance.attribute, " ", value,
          ": spread allows 1 per group and no isolated minority needs 0 or at "
          "least 2"));
    }
  }
}

PartCategoryRules CategoryRulesBuilder::Take() {
  PartCategoryRules out;
  for (auto& [attribute, c] : attributes_) {
    if (!c.index.empty()) out.rules.push_back(std::move(c.rule));
  }
  out.infeasible = std::move(infeasible_);
  return out;
}

}  // namespace

PartCategoryRules BuildPartCategoryRules(
    const std::vector<const Participant*>& pool,
    const std::vector<int>& members, int groups, const GroupRules& rules,
    const std::string& where) {
  CategoryRulesBuilder builder(pool, members, groups, where);
  if (rules.max_per_organisation > 0) {
    builder.AddOrganisationCap(rules.organisation_attribute,
                               rules.max_per_organisation);
  }
  for (const BalanceRule& balance : rules.balance) builder.AddBalance(balance);
  return builder.Take();
}

}  // namespace sopu
