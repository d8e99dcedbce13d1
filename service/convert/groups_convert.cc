#include "service/convert/groups_convert.h"

#include <cstddef>
#include <string>

#include "service/convert/cohort_convert.h"

namespace sopu::service {
namespace {

void AddProtoGroup(const PlannedGroup& group, int number,
                   sopu::v1::FormedGroup& out) {
  out.set_number(number);
  out.set_key_value(group.key_value);
  for (const std::string& id : group.member_ids) out.add_member_ids(id);
  out.set_score(group.explanation.score);
  out.set_mean_pair_score(group.explanation.mean_pair_score);
  AddProtoBreakdown(group.explanation, *out.mutable_breakdown());
  out.set_facilitator_id(group.facilitator_id);
  out.set_facilitator_fit(group.facilitator_fit);
  out.set_facilitator_note(group.facilitator_note);
}

void SetProtoSummary(const GroupPlan& plan, sopu::v1::GroupsSummary& out) {
  const GroupPlanSummary& s = plan.summary;
  out.set_members(s.members);
  out.set_assigned(s.assigned);
  out.set_groups(static_cast<int>(plan.groups.size()));
  out.set_total(s.total);
  out.set_worst_mean_pair_score(s.worst_mean_pair_score);
  out.set_upper_bound(s.upper_bound);
  out.set_facilitated_groups(s.facilitated_groups);
  out.set_rounds(s.rounds);
  out.set_seconds(s.seconds);
  out.set_seconds_to_best(s.seconds_to_best);
  out.set_seed(s.seed);
  if (s.stop_reason.has_value()) {
    out.set_stop_reason(StopReasonName(*s.stop_reason));
  }
}

}  // namespace

GroupPlanOptions ToGroupPlanOptions(const sopu::v1::GroupsRequest& request) {
  GroupPlanOptions o;
  o.member_role =
      static_cast<RoleBit>(ToRoleBit(GroupMemberRole(request.member_role())));
  if (request.facilitator_role() != sopu::v1::ROLE_UNSPECIFIED) {
    o.facilitator_role =
        static_cast<RoleBit>(ToRoleBit(request.facilitator_role()));
  }
  o.min_size = request.min_size();
  o.max_size = request.max_size();
  o.group_count = request.group_count();
  o.even_sizes = !request.uneven_sizes();
  o.key_attribute = request.key_attribute();
  o.max_per_organisation = request.max_per_organisation();
  for (const sopu::v1::GroupBalanceRule& b : request.balance()) {
    o.balance.push_back(
        {b.attribute(),
         b.spread(),
         {b.no_isolated_values().begin(), b.no_isolated_values().end()}});
  }
  for (const sopu::v1::MemberPair& pair : request.together()) {
    o.together.emplace_back(pair.first_id(), pair.second_id());
  }
  if (request.has_time_limit_seconds()) {
    o.search.time_limit_seconds = request.time_limit_seconds();
  }
  if (request.has_max_rounds()) o.search.max_rounds = request.max_rounds();
  if (request.has_seed()) o.search.seed = request.seed();
  return o;
}

sopu::v1::GroupsResponse ToProtoGroupsResponse(const GroupPlan& plan) {
  sopu::v1::GroupsResponse response;
  response.set_status(ToProtoGroupsStatus(plan.status));
  for (std::size_t g = 0; g < plan.groups.size(); ++g) {
    AddProtoGroup(plan.groups[g], static_cast<int>(g) + 1,
                  *response.add_groups());
  }
  for (const UnassignedMember& u : plan.unassigned) {
    auto* out = response.add_unassigned();
    out->set_id(u.id);
    out->set_reason(u.reason);
  }
  AddProtoRuleChecks(plan.rules, *response.mutable_rules());
  for (const PartInfeasibility& f : plan.infeasible) {
    auto* out = response.add_infeasible();
    out->set_key_value(f.key_value);
    out->set_explanation(f.explanation);
  }
  for (const std::string& note : plan.notes) response.add_notes(note);
  SetProtoSummary(plan, *response.mutable_summary());
  return response;
}

sopu::v1::GroupsStatus ToProtoGroupsStatus(GroupPlanStatus status) {
  switch (status) {
    case GroupPlanStatus::kRulesNotMet:
      return sopu::v1::GROUPS_STATUS_RULES_NOT_MET;
    case GroupPlanStatus::kInfeasible:
      return sopu::v1::GROUPS_STATUS_INFEASIBLE;
    case GroupPlanStatus::kCancelled:
      return sopu::v1::GROUPS_STATUS_CANCELLED;
    case GroupPlanStatus::kFeasible:
      break;
  }
  return sopu::v1::GROUPS_STATUS_FEASIBLE;
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

void AddProtoBreakdown(
    const GroupExplanation& explanation,
    google::protobuf::RepeatedPtrField<sopu::v1::CriterionContribution>& out) {
  for (const CriterionShare& share : explanation.breakdown) {
    auto* c = out.Add();
    c->set_criterion(share.name);
    c->set_value(share.value);
    c->set_contribution(share.contribution);
  }
}

void AddProtoRuleChecks(
    const std::vector<RuleCheckResult>& checks,
    google::protobuf::RepeatedPtrField<sopu::v1::GroupRuleCheck>& out) {
  for (const RuleCheckResult& check : checks) {
    auto* r = out.Add();
    r->set_rule(check.rule);
    r->set_violations(check.violations);
    r->set_holds(check.violations == 0);
  }
}

}  // namespace sopu::service
