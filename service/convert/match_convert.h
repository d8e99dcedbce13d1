// Conversion between the v1 match messages and the engine's match workflow
// (engine/match/solve_match.h): a MatchRequest's objective and options to
// MatchOptions, and a MatchResult back to the MatchResponse, with every pair
// explained and every unmatched reason worded (match_messages.h). Call only
// on a request whose fields were validated.
#ifndef SOPU_SERVICE_CONVERT_MATCH_CONVERT_H_
#define SOPU_SERVICE_CONVERT_MATCH_CONVERT_H_

#include "engine/match/solve_match.h"
#include "engine/scoring/scoring_model.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// ToEngineMatchOptions: objective, continuity_bonus (unset:
// kDefaultContinuityBonus), min_score and use_wishes.
[[nodiscard]] MatchOptions ToEngineMatchOptions(
    const sopu::v1::MatchRequest& request);

// ToProtoMatchResponse: `result` of SolveMatch on `model` (not rejected),
// for a request asking for `objective`; the response names the policy the
// model applied and the engine version (not the input hash: sopud sets it).
[[nodiscard]] sopu::v1::MatchResponse ToProtoMatchResponse(
    const MatchResult& result, const ScoringModel& model,
    sopu::v1::Objective objective);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_MATCH_CONVERT_H_
