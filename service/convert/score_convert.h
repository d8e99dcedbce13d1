// ToProtoScoreResponse: the engine's mentor ranking (RankMentors) as the
// sopu.v1 ScoreResponse — ids, ranks, top reasons, and for a mentee without
// an allowed mentor the rules that exclude them, in words.
#ifndef SOPU_SERVICE_CONVERT_SCORE_CONVERT_H_
#define SOPU_SERVICE_CONVERT_SCORE_CONVERT_H_

#include "engine/scoring/mentor_ranking.h"
#include "engine/scoring/scoring_model.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] sopu::v1::ScoreResponse ToProtoScoreResponse(
    const MentorRanking& ranking, const ScoringModel& model);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_SCORE_CONVERT_H_
