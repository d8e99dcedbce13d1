#include "service/handlers/groups_handler.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/groups/group_solver.h"
#include "engine/scoring/scoring_model.h"
#include "engine/version.h"
#include "service/convert/cohort_convert.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/group_facilitators.h"
#include "service/handlers/group_partition.h"
#include "service/handlers/group_rule_checks.h"
#include "service/handlers/pool_scores.h"
#include "service/handlers/prepare_inputs.h"

namespace sopu::service {
namespace {

using sopu::v1::GroupsRequest;
using sopu::v1::GroupsResponse;

std::size_t Idx(int k) { return static_cast<std::size_t>(k); }

constexpr double kMaxTimeLimit = 3600.0;

// MemberRole: the role bit of the members to group; unspecified = peer.
std::uint8_t MemberRole(sopu::v1::Role role) {
  return ToRoleBit(GroupMemberRole(role));
}

// CheckRequest records the problems of the request's own fields (the
// cohort and policy are checked by PrepareInputs).
void CheckRequest(const GroupsRequest& r, ViolationList& violations) {
  const bool sizes_unset = r.min_size() == 0 && r.max_size() == 0;
  if (sizes_unset && r.group_count() <= 0) {
    violations.Add("max_size", "set the group size bounds or group_count");
  } else if (!sizes_unset &&
             (r.min_size() < 1 || r.max_size() < r.min_size())) {
    violations.Add("min_size", "needs 1 <= min_size <= max_size");
  }
  if (r.max_size() > 10000) violations.Add("max_size", "must be <= 10000");
  if (r.group_count() < 0) violations.Add("group_count", "must be >= 0");
  if (r.group_count() > 10000) {
    violations.Add("group_count", "must be <= 10000");
  }
  if (r.group_count() > 0 && !r.key_attribute().empty()) {
    violations.Add("group_count",
                   "cannot be combined with key_attribute (each key value "
                   "gets the groups its members need)");
  }
  if (r.max_per_organisation() < 0) {
    violations.Add("max_per_organisation", "must be >= 0");
  }
  if (r.has_time_limit_seconds() &&
      !(r.time_limit_seconds() > 0.0 &&
        r.time_limit_seconds() <= kMaxTimeLimit)) {
    violations.Add("time_limit_seconds", "must be in (0, 3600]");
  }
  if (r.has_max_rounds() && r.max_rounds() < 1) {
    violations.Add("max_rounds", "must be >= 1");
  }
  for (int b = 0; b < r.balance_size(); ++b) {
    if (r.balance(b).attribute().empty()) {
      violations.Add(absl::StrCat("balance[", b, "].attribute"),
                     "must name an attribute");
    }
  }
  const std::uint8_t member = MemberRole(r.member_role());
  std::map<std::string, bool> is_member;
  int members = 0;
  for (const auto& p : r.cohort().participants()) {
    bool has = false;
    for (const int role : p.roles()) {
      has = has || ToRoleBit(static_cast<sopu::v1::Role>(role)) == member;
    }
    is_member[p.id()] = has;
    members += has ? 1 : 0;
  }
  if (members == 0 && !r.cohort().participants().empty()) {
    violations.Add("member_role", "no participant has this role");
  }
  for (int k = 0; k < r.together_size(); ++k) {
    const sopu::v1::MemberPair& pair = r.together(k);
    const auto check = [&](const std::string& id, const char* field) {
      const auto it = is_member.find(id);
      if (it == is_member.end()) {
        violations.Add(absl::StrCat("together[", k, "].", field),
                       "no participant has this id");
      } else if (!it->second) {
        violations.Add(absl::StrCat("together[", k, "].", field),
                       "this participant is not a member to be grouped");
      }
    };
    check(pair.first_id(), "first_id");
    check(pair.second_id(), "second_id");
    if (pair.first_id() == pair.second_id()) {
      violations.Add(absl::StrCat("together[", k, "]"),
                     "needs two different participants");
    }
  }
}

GroupRulesSpec ToSpec(const GroupsRequest& r, const Policy& policy,
                      const std::map<std::string, int>& pool_index) {
  GroupRulesSpec spec;
  spec.min_size = r.min_size();
  spec.max_size = r.max_size();
  spec.group_count = r.group_count();
  spec.key_attribute = r.key_attribute();
  spec.max_per_organisation = r.max_per_organisation();
  spec.organisation_attribute = policy.organisation_attribute;
  for (const auto& b : r.balance()) {
    spec.balance.push_back(
        {b.attribute(),
         b.spread(),
         {b.no_isolated_values().begin(), b.no_isolated_values().end()}});
  }
  for (const auto& pair : r.together()) {
    spec.together.emplace_back(pool_index.at(pair.first_id()),
                               pool_index.at(pair.second_id()));
  }
  return spec;
}

const char* StopReasonName(GroupStopReason reason) {
  switch (reason) {
    case GroupStopReason::kRoundLimit:
      return "round limit";
    case GroupStopReason::kTargetReached:
      return "bound reached";
    case GroupStopReason::kCancelled:
      return "cancelled";
    case GroupStopReason::kTimeLimit:
      break;
  }
  return "time limit";
}

// AddBreakdown fills a group's score, mean and per-criterion breakdown from
// the pairs' explanations (both directions averaged).
void AddBreakdown(const ScoringModel& model, const std::vector<int>& members,
                  sopu::v1::FormedGroup& out) {
  const Policy& policy = model.policy();
  std::vector<double> value(policy.criteria.size(), 0.0);
  std::vector<double> contribution(policy.criteria.size(), 0.0);
  double score = 0.0;
  int pairs = 0;
  for (std::size_t a = 0; a < members.size(); ++a) {
    for (std::size_t b = a + 1; b < members.size(); ++b) {
      const PairExplanation pair =
          ExplainBothWays(model, members[a], members[b]);
      score += pair.score;
      ++pairs;
      for (std::size_t k = 0; k < pair.values.size(); ++k) {
        value[k] += pair.values[k].value;
        contribution[k] += pair.values[k].contribution;
      }
    }
  }
  out.set_score(score);
  out.set_mean_pair_score(pairs > 0 ? score / pairs : 0.0);
  std::vector<std::size_t> order(policy.criteria.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) {
                     return contribution[x] > contribution[y];
                   });
  for (const std::size_t k : order) {
    auto* c = out.add_breakdown();
    c->set_criterion(policy.criteria[k].name);
    c->set_value(pairs > 0 ? value[k] / pairs : 0.0);
    c->set_contribution(contribution[k]);
  }
}

// PartImprovement: a part's grouping (group of each element) as member
// ids, empty groups left out.
Improvement PartImprovement(const GroupPart& part,
                            const std::vector<const Participant*>& pool,
                            const std::vector<int>& group_of,
                            double objective) {
  Improvement out;
  out.part = part.key_value;
  out.objective = objective;
  std::vector<std::vector<int>> members(Idx(part.problem.group_count()));
  for (std::size_t k = 0; k < group_of.size() && k < part.members.size(); ++k) {
    members[Idx(group_of[k])].push_back(part.members[k]);
  }
  for (const std::vector<int>& g : members) {
    if (g.empty()) continue;
    std::vector<std::string>& group = out.groups.emplace_back();
    for (const int i : g) group.push_back(pool[Idx(i)]->id);
  }
  return out;
}

}  // namespace

absl::StatusOr<GroupsResponse> HandleGroups(const GroupsRequest& request,
                                            const CallContext& context) {
  const ProgressCallback& progress = context.progress;
  const ImprovementCallback& improved = context.improved;
  ViolationList violations;
  CheckRequest(request, violations);
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/false, violations);
  if (!inputs.ok()) return inputs.status();

  const auto member_role =
      static_cast<RoleBit>(MemberRole(request.member_role()));
  const sopu::Cohort pool_cohort = PoolCohort(inputs->cohort, member_role);
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(pool_cohort, inputs->policy);
  if (!model.ok()) return model.status();
  const PoolAffinity affinity = MakePoolAffinity(model->ComputeMatrix());
  const auto& people = pool_cohort.participants;
  std::vector<const Participant*> pool;
  std::map<std::string, int> pool_index;
  for (const Participant& p : people) {
    pool_index.emplace(p.id, static_cast<int>(pool.size()));
    pool.push_back(&p);
  }
  const GroupRulesSpec spec = ToSpec(request, inputs->policy, pool_index);
  const GroupPartition partition =
      BuildGroupParts(pool, affinity.score, affinity.allowed, spec);

  GroupsResponse response;
  *response.mutable_policy() = ToProtoPolicy(inputs->policy);
  response.set_engine_version(std::string(kVersion));
  auto* summary = response.mutable_summary();
  summary->set_members(static_cast<int>(pool.size()));
  const std::uint64_t seed = request.has_seed() ? request.seed() : 1;
  summary->set_seed(seed);
  for (const auto& [i, reason] : partition.unassigned) {
    auto* u = response.add_unassigned();
    u->set_id(pool[Idx(i)]->id);
    u->set_reason(reason);
  }
  if (!partition.infeasible.empty()) {
    response.set_status(sopu::v1::GROUPS_STATUS_INFEASIBLE);
    for (const auto& [key, why] : partition.infeasible) {
      auto* f = response.add_infeasible();
      f->set_key_value(key);
      f->set_explanation(why);
    }
    return response;
  }

  // Search each part; the time limit is shared in proportion to n^2, the
  // cost of one pass over a part's neighbourhood.
  const double time_limit = request.has_time_limit_seconds()
                                ? request.time_limit_seconds()
                                : kDefaultGroupsTimeLimit;
  double weight_total = 0.0;
  for (const GroupPart& part : partition.parts) {
    weight_total += std::pow(static_cast<double>(part.members.size()), 2.0);
  }
  std::vector<std::vector<int>> group_of(partition.parts.size());
  bool cancelled = false;
  int violations_left = 0;
  double elapsed = 0.0;
  for (std::size_t p = 0; p < partition.parts.size(); ++p) {
    const GroupPart& part = partition.parts[p];
    GroupSolverOptions options;
    options.time_limit_seconds =
        std::max(0.05, time_limit * std::pow(part.members.size(), 2.0) /
                           std::max(weight_total, 1.0));
    if (request.has_max_rounds()) options.max_rounds = request.max_rounds();
    options.seed = seed;
    const double before = elapsed;
    CallContext part_context{.cancel = context.cancel};
    if (progress || improved) {
      part_context.progress = [&, before](const Progress& inner) {
        if (improved && inner.improved_group_of != nullptr) {
          improved(PartImprovement(part, pool, *inner.improved_group_of,
                                   inner.best_objective));
        }
        if (!progress) return;
        Progress outer = inner;
        outer.done = static_cast<std::int64_t>(1000.0 * before) + inner.done;
        outer.total = static_cast<std::int64_t>(1000.0 * time_limit);
        outer.improved_group_of = nullptr;  // element indices of one part
        progress(outer);
      };
    }
    absl::StatusOr<GroupSolveResult> result =
        SolveGroups(part.problem, options, part_context);
    if (!result.ok()) return result.status();
    elapsed += result->seconds;
    group_of[p] = std::move(result->group_of);
    violations_left += result->violations;
    cancelled = cancelled || result->stop_reason == GroupStopReason::kCancelled;
    summary->set_rounds(summary->rounds() + result->rounds);
    summary->set_seconds_to_best(
        std::max(summary->seconds_to_best(), before + result->seconds_to_best));
    summary->set_upper_bound(summary->upper_bound() + result->upper_bound);
    summary->set_stop_reason(StopReasonName(result->stop_reason));
  }
  summary->set_seconds(elapsed);

  // The groups, in part order then label order; empty groups are left out.
  std::vector<FacilitatedGroup> facilitated;
  std::vector<std::vector<int>> pool_groups;
  std::map<std::string, int> cohort_index;
  for (std::size_t i = 0; i < inputs->cohort.participants.size(); ++i) {
    cohort_index.emplace(inputs->cohort.participants[i].id,
                         static_cast<int>(i));
  }
  double worst = 0.0;
  for (std::size_t p = 0; p < partition.parts.size(); ++p) {
    const GroupPart& part = partition.parts[p];
    const int m = part.problem.group_count();
    std::vector<std::vector<int>> members(Idx(m));
    for (std::size_t k = 0; k < part.members.size(); ++k) {
      members[Idx(group_of[p][k])].push_back(part.members[k]);
    }
    for (std::vector<int>& g : members) {
      if (g.empty()) continue;
      auto* out = response.add_groups();
      out->set_number(response.groups_size());
      out->set_key_value(part.key_value);
      FacilitatedGroup& f = facilitated.emplace_back();
      f.key_value = part.key_value;
      for (const int i : g) {
        out->add_member_ids(pool[Idx(i)]->id);
        f.members.push_back(cohort_index.at(pool[Idx(i)]->id));
      }
      AddBreakdown(*model, g, *out);
      worst = response.groups_size() == 1
                  ? out->mean_pair_score()
                  : std::min(worst, out->mean_pair_score());
      summary->set_total(summary->total() + out->score());
      summary->set_assigned(summary->assigned() + static_cast<int>(g.size()));
      pool_groups.push_back(std::move(g));
    }
  }
  summary->set_groups(response.groups_size());
  summary->set_worst_mean_pair_score(worst);

  if (request.facilitator_role() != sopu::v1::ROLE_UNSPECIFIED) {
    absl::StatusOr<std::vector<FacilitatorChoice>> choices = AssignFacilitators(
        inputs->cohort, inputs->policy,
        static_cast<RoleBit>(ToRoleBit(request.facilitator_role())),
        spec.key_attribute, facilitated);
    if (!choices.ok()) return choices.status();
    for (std::size_t g = 0; g < choices->size(); ++g) {
      const FacilitatorChoice& c = (*choices)[g];
      auto* out = response.mutable_groups(static_cast<int>(g));
      if (c.facilitator >= 0) {
        out->set_facilitator_id(
            inputs->cohort.participants[Idx(c.facilitator)].id);
        out->set_facilitator_fit(c.fit);
        summary->set_facilitated_groups(summary->facilitated_groups() + 1);
      } else {
        out->set_facilitator_note(c.note);
      }
    }
  }

  for (const RuleCheckResult& check :
       CheckGroupRules(pool, affinity.allowed, spec, pool_groups)) {
    auto* r = response.add_rules();
    r->set_rule(check.rule);
    r->set_violations(check.violations);
    r->set_holds(check.violations == 0);
  }
  if (cancelled) {
    response.set_status(sopu::v1::GROUPS_STATUS_CANCELLED);
  } else if (violations_left > 0) {
    response.set_status(sopu::v1::GROUPS_STATUS_RULES_NOT_MET);
  } else {
    response.set_status(sopu::v1::GROUPS_STATUS_FEASIBLE);
  }
  return response;
}

}  // namespace sopu::service
