#include "service/handlers/score_handler.h"

#include "absl/strings/str_cat.h"
#include "engine/scoring/mentor_ranking.h"
#include "engine/scoring/scoring_model.h"
#include "service/convert/score_convert.h"
#include "service/handlers/prepare_inputs.h"

namespace sopu::service {

absl::StatusOr<sopu::v1::ScoreResponse> HandleScore(
    const sopu::v1::ScoreRequest& request, const CallContext& context) {
  ViolationList violations;
  if (request.top_k() < 0 || request.top_k() > kMaxTopK) {
    violations.Add("top_k", absl::StrCat("must be in 1..", kMaxTopK,
                                         " (0 means ", kDefaultTopK, ")"));
  }
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/true, violations);
  if (!inputs.ok()) return inputs.status();
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs->cohort, inputs->policy);
  if (!model.ok()) return model.status();
  const int k = request.top_k() == 0 ? kDefaultTopK : request.top_k();
  absl::StatusOr<MentorRanking> ranking = RankMentors(*model, k, context);
  if (!ranking.ok()) return ranking.status();
  return ToProtoScoreResponse(*ranking, *model);
}

}  // namespace sopu::service
