// HandleMatch answers a MatchRequest: a whole-cohort mentee→mentor
// assignment under the chosen objective, with locked, forbidden and previous
// pairs, every pair explained and every unmatched mentee given a reason.
//
// Steps: validate everything (INVALID_ARGUMENT with BadRequest details,
// nothing computed); score all pairs; remove locked pairs from the problem
// (their mentors lose that much capacity); add the continuity bonus to the
// previous pairs; solve; report.
#ifndef SOPU_SERVICE_HANDLERS_MATCH_HANDLER_H_
#define SOPU_SERVICE_HANDLERS_MATCH_HANDLER_H_

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// kDefaultContinuityBonus applies when `previous` is given without a bonus.
inline constexpr double kDefaultContinuityBonus = 0.1;

[[nodiscard]] absl::StatusOr<sopu::v1::MatchResponse> HandleMatch(
    const sopu::v1::MatchRequest& request, const CallContext& context = {});

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_MATCH_HANDLER_H_
