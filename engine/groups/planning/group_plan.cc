#include "engine/groups/planning/group_plan.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/common/index.h"
#include "engine/common/limits.h"
#include "engine/groups/planning/group_facilitators.h"
#include "engine/groups/planning/rule_names.h"
#include "engine/groups/planning/shape_choice.h"
#include "engine/groups/planning/time_budget.h"
#include "engine/scoring/pool_scores.h"
#include "engine/scoring/scoring_model.h"

namespace sopu {
namespace {

using Pool = std::vector<const Participant*>;

absl::Status Invalid(const std::string& field, const std::string& why) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", why));
}

absl::Status ValidateSizes(const GroupPlanOptions& o) {
  const bool sizes_unset = o.min_size == 0 && o.max_size == 0;
  if (sizes_unset && o.group_count <= 0) {
    return Invalid("max_size", "set the group size bounds or group_count");
  }
  if (!sizes_unset && (o.min_size < 1 || o.max_size < o.min_size)) {
    return Invalid("min_size", "needs 1 <= min_size <= max_size");
  }
  if (o.max_size > kMaxGroupSize) {
    return Invalid("max_size", absl::StrCat("must be <= ", kMaxGroupSize));
  }
  if (o.group_count < 0 || o.group_count > kMaxGroupCount) {
    return Invalid("group_count",
                   absl::StrCat("must be in 0..", kMaxGroupCount));
  }
  if (o.group_count > 0 && !o.key_attribute.empty()) {
    return Invalid("group_count", "cannot be combined with key_attribute");
  }
  return absl::OkStatus();
}

absl::Status ValidateRulesAndSearch(const GroupPlanOptions& o) {
  if (o.max_per_organisation < 0) {
    return Invalid("max_per_organisation", "must be >= 0");
  }
  for (std::size_t b = 0; b < o.balance.size(); ++b) {
    if (o.balance[b].attribute.empty()) {
      return Invalid(absl::StrCat("balance[", b, "].attribute"),
                     "must name an attribute");
    }
  }
  for (std::size_t k = 0; k < o.together.size(); ++k) {
    if (o.together[k].first == o.together[k].second) {
      return Invalid(absl::StrCat("together[", k, "]"),
                     "needs two different members");
    }
  }
  const double t = o.search.time_limit_seconds;
  if (!(t > 0.0 && t <= kMaxTimeLimitSeconds)) {
    return Invalid("search.time_limit_seconds",
                   absl::StrCat("must be in (0, ", kMaxTimeLimitSeconds, "]"));
  }
  if (o.search.max_rounds < 0) {
    return Invalid("search.max_rounds", "must be >= 0");
  }
  return absl::OkStatus();
}

// ResolveRules: the options' rules over `pool`, together ids as pool
// indices, the organisation attribute from the policy.
absl::StatusOr<GroupRules> ResolveRules(const GroupPlanOptions& o,
                                        const Policy& policy,
                                        const Pool& pool) {
  GroupRules rules{.min_size = o.min_size,
                   .max_size = o.max_size,
                   .group_count = o.group_count,
                   .even_sizes = o.even_sizes,
                   .extra_groups = 0,
                   .key_attribute = o.key_attribute,
                   .max_per_organisation = o.max_per_organisation,
                   .organisation_attribute = policy.organisation_attribute,
                   .balance = o.balance,
                   .together = {}};
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    index.emplace(pool[i]->id, static_cast<int>(i));
  }
  for (std::size_t k = 0; k < o.together.size(); ++k) {
    const auto a = index.find(o.together[k].first);
    const auto b = index.find(o.together[k].second);
    if (a == index.end() || b == index.end()) {
      return Invalid(absl::StrCat("together[", k, "]"), "names no member");
    }
    rules.together.emplace_back(a->second, b->second);
  }
  return rules;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

void AddSearchSummary(const PartSearchResult& search, GroupPlanSummary& s) {
  s.rounds = search.rounds;
  s.seconds = search.seconds;
  s.seconds_to_best = search.seconds_to_best;
  s.upper_bound = search.upper_bound;
  s.stop_reason = search.stop_reason;
}

// AddGroups appends the parts' groups to the plan (part order, then label
// order, empty groups left out), explained, and returns them as pool
// indices.
std::vector<std::vector<int>> AddGroups(const std::vector<GroupPart>& parts,
                                        const PartSearchResult& search,
                                        const Pool& pool,
                                        const ScoringModel& model,
                                        GroupPlan& plan) {
  std::vector<std::vector<int>> pool_groups;
  GroupPlanSummary& summary = plan.summary;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const GroupPart& part = parts[p];
    std::vector<std::vector<int>> members(Idx(part.problem.group_count()));
    for (std::size_t k = 0; k < part.members.size(); ++k) {
      members[Idx(search.group_of[p][k])].push_back(part.members[k]);
    }
    for (std::vector<int>& g : members) {
      if (g.empty()) continue;
      PlannedGroup& out = plan.groups.emplace_back();
      out.key_value = part.key_value;
      for (const int i : g) out.member_ids.push_back(pool[Idx(i)]->id);
      out.explanation = ExplainGroupMembers(model, g);
      const double mean = out.explanation.mean_pair_score;
      summary.worst_mean_pair_score =
          plan.groups.size() == 1
              ? mean
              : std::min(summary.worst_mean_pair_score, mean);
      summary.total += out.explanation.score;
      summary.assigned += static_cast<int>(g.size());
      pool_groups.push_back(std::move(g));
    }
  }
  return pool_groups;
}

// AddFacilitators gives the plan's groups their facilitators (or notes).
absl::Status AddFacilitators(const Cohort& cohort, const Policy& policy,
                             RoleBit role, const std::string& key_attribute,
                             GroupPlan& plan) {
  std::map<std::string, int> cohort_index;
  for (std::size_t i = 0; i < cohort.participants.size(); ++i) {
    cohort_index.emplace(cohort.participants[i].id, static_cast<int>(i));
  }
  std::vector<FacilitatedGroup> groups;
  for (const PlannedGroup& g : plan.groups) {
    FacilitatedGroup& f = groups.emplace_back();
    f.key_value = g.key_value;
    for (const std::string& id : g.member_ids) {
      f.members.push_back(cohort_index.at(id));
    }
  }
  absl::StatusOr<std::vector<FacilitatorChoice>> choices =
      AssignFacilitators(cohort, policy, role, key_attribute, groups);
  if (!choices.ok()) return choices.status();
  for (std::size_t g = 0; g < choices->size(); ++g) {
    FacilitatorChoice& c = (*choices)[g];
    PlannedGroup& out = plan.groups[g];
    if (c.facilitator >= 0) {
      out.facilitator_id = cohort.participants[Idx(c.facilitator)].id;
      out.facilitator_fit = c.fit;
      ++plan.summary.facilitated_groups;
    } else {
      out.facilitator_note = std::move(c.note);
    }
  }
  return absl::OkStatus();
}

GroupPlanStatus SearchStatus(const PartSearchResult& search) {
  if (search.cancelled) return GroupPlanStatus::kCancelled;
  if (search.violations > 0) return GroupPlanStatus::kRulesNotMet;
  return GroupPlanStatus::kFeasible;
}

}  // namespace

absl::Status ValidateGroupPlanOptions(const GroupPlanOptions& options) {
  if (absl::Status s = ValidateSizes(options); !s.ok()) return s;
  return ValidateRulesAndSearch(options);
}

absl::StatusOr<GroupPlan> PlanGroups(const Cohort& cohort, const Policy& policy,
                                     const GroupPlanOptions& options,
                                     const CallContext& context) {
  const auto start = std::chrono::steady_clock::now();
  if (absl::Status s = ValidateGroupPlanOptions(options); !s.ok()) return s;
  if (const std::vector<RuleNameProblem> names = CheckRuleNames(
          cohort, options.member_role, options.key_attribute, options.balance);
      !names.empty()) {
    return Invalid(names.front().field,
                   absl::StrCat("names `", names.front().name,
                                "`, which the members do not have"));
  }
  const Cohort pool_cohort = PoolCohort(cohort, options.member_role);
  Pool pool;
  pool.reserve(pool_cohort.participants.size());
  for (const Participant& p : pool_cohort.participants) pool.push_back(&p);
  absl::StatusOr<GroupRules> rules = ResolveRules(options, policy, pool);
  if (!rules.ok()) return rules.status();
  GroupPlan plan;
  plan.summary.members = static_cast<int>(pool.size());
  plan.summary.seed = options.search.seed;
  if (pool.empty()) {  // nothing to score, split or search
    plan.rules = CheckGroupRules(pool, {}, *rules, {});
    return plan;
  }

  absl::StatusOr<ScoringModel> model = ScoringModel::Build(pool_cohort, policy);
  if (!model.ok()) return model.status();
  const PoolAffinity affinity = MakePoolAffinity(model->ComputeMatrix());
  absl::StatusOr<ShapeChoice> shape = ChooseGroupShape(
      pool, affinity.score, affinity.allowed, *rules, options.search, context);
  if (!shape.ok()) return shape.status();
  GroupPartition& partition = shape->partition;
  plan.unassigned = std::move(partition.unassigned);
  plan.notes = std::move(shape->notes);
  if (!partition.infeasible.empty()) {
    plan.status = GroupPlanStatus::kInfeasible;
    plan.infeasible = std::move(partition.infeasible);
    return plan;
  }
  // The time limit holds for the whole plan: scoring, shaping and probing
  // count against it.
  PartSearchOptions search_options = options.search;
  search_options.time_limit_seconds = std::max(
      kMinPartSeconds, options.search.time_limit_seconds - SecondsSince(start));
  absl::StatusOr<PartSearchResult> search =
      SearchParts(partition.parts, pool, search_options, context);
  if (!search.ok()) return search.status();
  AddSearchSummary(*search, plan.summary);
  const std::vector<std::vector<int>> groups =
      AddGroups(partition.parts, *search, pool, *model, plan);
  if (options.facilitator_role.has_value()) {
    absl::Status s = AddFacilitators(cohort, policy, *options.facilitator_role,
                                     shape->rules.key_attribute, plan);
    if (!s.ok()) return s;
  }
  plan.rules = CheckGroupRules(pool, affinity.allowed, shape->rules, groups);
  plan.status = SearchStatus(*search);
  return plan;
}

}  // namespace sopu
