// HandleGroups answers a GroupsRequest: the members of a cohort (one role)
// split into groups that obey the hard rules and have the largest total
// affinity, each group explained (score, per-criterion breakdown,
// facilitator), every rule checked, and infeasible rule sets explained in
// the program's terms instead of searched.
//
// Steps: validate the request's own fields here and the cohort and policy in
// PrepareInputs (INVALID_ARGUMENT with BadRequest field violations, nothing
// computed) -> convert (service/convert/groups_convert.h) -> PlanGroups, the
// whole workflow (engine/groups/planning/group_plan.h) -> convert back, with
// the policy and engine version.
//
// Cost: PlanGroups' (the P x P pool scores plus the search's time limit).
#ifndef SOPU_SERVICE_HANDLERS_GROUPS_HANDLER_H_
#define SOPU_SERVICE_HANDLERS_GROUPS_HANDLER_H_

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/groups/planning/part_search.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// kDefaultGroupsTimeLimit: seconds of search when the request sets none.
inline constexpr double kDefaultGroupsTimeLimit = kDefaultGroupTimeLimitSeconds;

// HandleGroups: the context's `progress` receives the search's progress,
// done / total in milliseconds of the whole time limit; its `improved` each
// improving grouping of the part being searched, as member ids (at most as
// often as progress).
[[nodiscard]] absl::StatusOr<sopu::v1::GroupsResponse> HandleGroups(
    const sopu::v1::GroupsRequest& request, const CallContext& context = {});

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_GROUPS_HANDLER_H_
