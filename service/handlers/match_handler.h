// HandleMatch answers a MatchRequest: a whole-cohort mentee→mentor
// assignment under the chosen objective, with locked, forbidden and previous
// pairs, every pair explained and every unmatched mentee given a reason.
//
// Steps: validate the request (its fields, pair-list ids, cohort and policy:
// INVALID_ARGUMENT with BadRequest details, nothing computed); convert it;
// run the engine's match workflow (SolveMatch, engine/match/solve_match.h),
// whose pair-list problems become field violations too; convert the result.
#ifndef SOPU_SERVICE_HANDLERS_MATCH_HANDLER_H_
#define SOPU_SERVICE_HANDLERS_MATCH_HANDLER_H_

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] absl::StatusOr<sopu::v1::MatchResponse> HandleMatch(
    const sopu::v1::MatchRequest& request, const CallContext& context = {});

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_MATCH_HANDLER_H_
