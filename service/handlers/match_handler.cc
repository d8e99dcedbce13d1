#include "service/handlers/match_handler.h"

#include <cstddef>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/match/solve_match.h"
#include "engine/scoring/scoring_model.h"
#include "service/convert/match_convert.h"
#include "service/convert/match_messages.h"
#include "service/handlers/pair_lists.h"
#include "service/handlers/prepare_inputs.h"
#include "service/validation/violation_list.h"

namespace sopu::service {
namespace {

using sopu::v1::MatchRequest;

// CheckMatchFields records the problems of the request's own fields.
void CheckMatchFields(const MatchRequest& request, ViolationList& violations) {
  if (!sopu::v1::Objective_IsValid(request.objective())) {
    violations.Add("objective", "unknown objective");
  }
  if (request.has_continuity_bonus() && !(request.continuity_bonus() >= 0.0 &&
                                          request.continuity_bonus() <= 1.0)) {
    violations.Add("continuity_bonus", "must be in 0..1");
  }
  if (request.has_min_score()) {
    if (!(request.min_score() >= 0.0 && request.min_score() <= 1.0)) {
      violations.Add("min_score", "must be in 0..1");
    } else if (request.objective() != sopu::v1::OBJECTIVE_MAX_SCORE) {
      violations.Add("min_score", "only applies to OBJECTIVE_MAX_SCORE");
    }
  }
  if (request.use_wishes() &&
      request.objective() != sopu::v1::OBJECTIVE_STABLE) {
    violations.Add("use_wishes", "only applies to OBJECTIVE_STABLE");
  }
}

// CheckMentorPlaces: mentors whose capacities are all 0 leave every mentee
// unmatched, which is a mistake in the file (an empty capacity column read
// as 0, say), not a result.
void CheckMentorPlaces(const Cohort& cohort, ViolationList& violations) {
  int first_mentor = -1;
  for (std::size_t i = 0; i < cohort.participants.size(); ++i) {
    const Participant& p = cohort.participants[i];
    if (!p.Has(kRoleMentor)) continue;
    if (p.capacity > 0) return;
    if (first_mentor < 0) first_mentor = static_cast<int>(i);
  }
  if (first_mentor < 0) return;
  violations.Add(
      absl::StrCat("cohort.participants[", first_mentor, "].capacity"),
      "every mentor has capacity 0, so no mentee can be matched; give each "
      "mentor the number of mentees they can take");
}

}  // namespace

absl::StatusOr<sopu::v1::MatchResponse> HandleMatch(
    const MatchRequest& request, const CallContext& context) {
  ViolationList violations;
  CheckMatchFields(request, violations);
  MatchPairs pairs = ResolveMatchPairs(request, violations);
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/true, violations);
  if (!inputs.ok()) return inputs.status();
  CheckMentorPlaces(inputs->cohort, violations);
  if (!violations.empty()) return violations.ToStatus();
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs->cohort, inputs->policy);
  if (!model.ok()) return model.status();

  absl::StatusOr<MatchResult> result =
      SolveMatch({.model = &*model, .pairs = std::move(pairs)},
                 ToEngineMatchOptions(request), context);
  if (!result.ok()) return result.status();
  if (!result->issues.empty()) {
    return PairIssuesStatus(result->issues, model->policy());
  }
  return ToProtoMatchResponse(*result, *model, request.objective());
}

}  // namespace sopu::service
