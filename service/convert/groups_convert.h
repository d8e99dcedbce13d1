// Conversion between the groups contract (GroupsRequest, GroupsResponse, and
// the group parts of ExplainGroupResponse) and the engine's group plan
// (engine/groups/planning/group_plan.h). No validation here: requests are
// converted after HandleGroups checked them, and every engine value has a
// place in the contract.
#ifndef SOPU_SERVICE_CONVERT_GROUPS_CONVERT_H_
#define SOPU_SERVICE_CONVERT_GROUPS_CONVERT_H_

#include <vector>

#include "engine/groups/group_solver.h"
#include "engine/groups/planning/group_explanation.h"
#include "engine/groups/planning/group_plan.h"
#include "engine/groups/planning/group_rule_checks.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// ToGroupPlanOptions: the request's members, rules and search budget
// (unset: time limit kDefaultGroupTimeLimitSeconds, no round limit, seed 1;
// member_role unspecified: peers; facilitator_role unspecified: none).
[[nodiscard]] GroupPlanOptions ToGroupPlanOptions(
    const sopu::v1::GroupsRequest& request);

// ToProtoGroupsResponse: everything of the plan; the caller adds the policy,
// engine version and input hash.
[[nodiscard]] sopu::v1::GroupsResponse ToProtoGroupsResponse(
    const GroupPlan& plan);

// ToProtoGroupsStatus: the contract's name of a plan status.
[[nodiscard]] sopu::v1::GroupsStatus ToProtoGroupsStatus(
    GroupPlanStatus status);

// StopReasonName: GroupsSummary.stop_reason, e.g. "round limit".
[[nodiscard]] const char* StopReasonName(GroupStopReason reason);

// AddProtoBreakdown appends a group's per-criterion breakdown (FormedGroup,
// ExplainGroupResponse), largest contribution first.
void AddProtoBreakdown(
    const GroupExplanation& explanation,
    google::protobuf::RepeatedPtrField<sopu::v1::CriterionContribution>& out);

// AddProtoRuleChecks appends one GroupRuleCheck per checked rule.
void AddProtoRuleChecks(
    const std::vector<RuleCheckResult>& checks,
    google::protobuf::RepeatedPtrField<sopu::v1::GroupRuleCheck>& out);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_GROUPS_CONVERT_H_
