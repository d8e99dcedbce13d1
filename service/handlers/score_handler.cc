#include "service/handlers/score_handler.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/scoring/scoring_model.h"
#include "engine/scoring/top_k.h"
#include "engine/version.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/pair_explanations.h"
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
  const ScoreMatrix matrix = model->ComputeMatrix({.cancel = context.cancel});
  if (context.cancelled()) {
    return absl::CancelledError("scoring was cancelled");
  }
  const int k = request.top_k() == 0 ? kDefaultTopK : request.top_k();
  const std::vector<std::vector<RankedColumn>> top = TopKPerRow(matrix, k);

  const Cohort& cohort = model->cohort();
  auto id_of = [&](int participant) -> const std::string& {
    return cohort.participants[static_cast<std::size_t>(participant)].id;
  };

  sopu::v1::ScoreResponse response;
  auto* summary = response.mutable_summary();
  summary->set_mentees(matrix.rows());
  summary->set_mentors(matrix.cols());
  std::int64_t allowed_pairs = 0;
  double best_sum = 0.0;
  for (int r = 0; r < matrix.rows(); ++r) {
    auto* mentee = response.add_mentees();
    mentee->set_mentee_id(id_of(model->mentees()[static_cast<std::size_t>(r)]));
    const int allowed = AllowedCount(matrix, r);
    allowed_pairs += allowed;
    mentee->set_allowed_mentors(allowed);
    const auto& ranked = top[static_cast<std::size_t>(r)];
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      const PairExplanation pair = model->Explain(r, ranked[i].col);
      auto* rec = mentee->add_mentors();
      rec->set_mentor_id(
          id_of(model->mentors()[static_cast<std::size_t>(ranked[i].col)]));
      rec->set_rank(static_cast<int>(i) + 1);
      rec->set_score(pair.score);
      AddTopReasons(*model, pair, *rec->mutable_top_reasons());
    }
    if (ranked.empty()) {
      summary->set_mentees_without_mentor(summary->mentees_without_mentor() +
                                          1);
      const Exclusion exclusion = ExplainExclusion(*model, r);
      mentee->set_exclusion(exclusion.sentence);
      for (const auto& [rule, count] : exclusion.rules) {
        auto* excluded = mentee->add_excluded_by();
        excluded->set_rule(rule);
        excluded->set_mentors_excluded(count);
      }
    } else {
      best_sum += mentee->mentors(0).score();
    }
  }
  const std::int64_t pairs =
      static_cast<std::int64_t>(matrix.rows()) * matrix.cols();
  summary->set_allowed_pairs(allowed_pairs);
  summary->set_forbidden_pairs(pairs - allowed_pairs);
  const int with_mentor = matrix.rows() - summary->mentees_without_mentor();
  summary->set_mean_best_score(with_mentor > 0 ? best_sum / with_mentor : 0.0);
  *response.mutable_policy() = ToProtoPolicy(inputs->policy);
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
