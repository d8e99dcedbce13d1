// HandleScore answers a ScoreRequest: for every mentee, the top-K allowed
// mentors with their scores and the criteria that contribute most; for a
// mentee with no allowed mentor, the rule(s) that exclude them all.
//
// Validates first (PrepareInputs): INVALID_ARGUMENT with BadRequest details on
// bad input, nothing computed. Cost: one full score matrix, O(R·C·(T+K)),
// plus O(R·k·(T+K)) for the explanations.
#ifndef SOPU_SERVICE_HANDLERS_SCORE_HANDLER_H_
#define SOPU_SERVICE_HANDLERS_SCORE_HANDLER_H_

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/common/limits.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// kDefaultTopK is used when the request's top_k is 0; kMaxTopK
// (engine/common/limits.h) bounds it.
inline constexpr int kDefaultTopK = 5;

// HandleScore: with the context cancelled, stops scoring within a tile of
// work per thread and returns CANCELLED.
[[nodiscard]] absl::StatusOr<sopu::v1::ScoreResponse> HandleScore(
    const sopu::v1::ScoreRequest& request, const CallContext& context = {});

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_SCORE_HANDLER_H_
