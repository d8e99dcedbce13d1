#include "service/convert/match_convert.h"

#include <string>

#include "engine/common/index.h"
#include "engine/version.h"
#include "service/convert/match_messages.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/pair_explanations.h"

namespace sopu::service {
namespace {

MatchObjective ToEngineObjective(sopu::v1::Objective objective) {
  switch (objective) {
    case sopu::v1::OBJECTIVE_MAX_SCORE:
      return MatchObjective::kMaxScore;
    case sopu::v1::OBJECTIVE_FAIR:
      return MatchObjective::kFair;
    case sopu::v1::OBJECTIVE_STABLE:
      return MatchObjective::kStable;
    default:
      return MatchObjective::kOptimal;
  }
}

sopu::v1::SolverStatus ToProtoStatus(MatchStatus status) {
  switch (status) {
    case MatchStatus::kOptimal:
      return sopu::v1::SOLVER_STATUS_OPTIMAL;
    case MatchStatus::kStable:
      return sopu::v1::SOLVER_STATUS_STABLE;
    case MatchStatus::kCancelled:
      return sopu::v1::SOLVER_STATUS_CANCELLED;
  }
  return sopu::v1::SOLVER_STATUS_UNSPECIFIED;
}

sopu::v1::PairChange::Kind ToProtoKind(PairChangeKind kind) {
  switch (kind) {
    case PairChangeKind::kKept:
      return sopu::v1::PairChange::KIND_KEPT;
    case PairChangeKind::kChanged:
      return sopu::v1::PairChange::KIND_CHANGED;
    case PairChangeKind::kNew:
      return sopu::v1::PairChange::KIND_NEW;
    case PairChangeKind::kDropped:
      return sopu::v1::PairChange::KIND_DROPPED;
  }
  return sopu::v1::PairChange::KIND_UNSPECIFIED;
}

const std::string& IdOf(const ScoringModel& model, const std::vector<int>& side,
                        int index) {
  return model.cohort().participants[Idx(side[Idx(index)])].id;
}

void AddPairs(const MatchResult& result, const ScoringModel& model,
              sopu::v1::MatchResponse& response) {
  for (const MatchedPair& pair : result.pairs) {
    auto* out = response.add_pairs();
    out->set_mentee_id(IdOf(model, model.mentees(), pair.row));
    out->set_mentor_id(IdOf(model, model.mentors(), pair.col));
    out->set_score(pair.explanation.score);
    AddTopReasons(model, pair.explanation, *out->mutable_reasons());
    out->set_locked(pair.locked);
    out->set_rank_for_mentee(pair.rank_for_mentee);
  }
  for (const UnmatchedMentee& mentee : result.unmatched) {
    auto* out = response.add_unmatched();
    out->set_mentee_id(IdOf(model, model.mentees(), mentee.row));
    out->set_reason(UnmatchedReasonText(mentee.reason, model, mentee.row));
  }
}

void SetSummary(const MatchResult& result, sopu::v1::MatchSummary& summary) {
  summary.set_mentees(result.summary.mentees);
  summary.set_matched(result.summary.matched);
  summary.set_total(result.summary.total);
  summary.set_mean(result.summary.mean);
  summary.set_worst(result.summary.worst);
  summary.set_top3_percent(result.summary.top3_percent);
  if (result.fairness_cost) summary.set_fairness_cost(*result.fairness_cost);
  if (result.blocking_pairs) {
    summary.set_blocking_pairs(static_cast<int>(*result.blocking_pairs));
  }
  if (result.gap_to_optimal) summary.set_gap_to_optimal(*result.gap_to_optimal);
  summary.set_kept(result.diff.kept);
  summary.set_changed(result.diff.changed);
  summary.set_added(result.diff.added);
  summary.set_dropped(result.diff.dropped);
}

void AddChanges(const AssignmentDiff& diff, sopu::v1::MatchResponse& response) {
  for (const PairChange& change : diff.changes) {
    auto* out = response.add_changes();
    out->set_mentee_id(change.mentee_id);
    out->set_previous_mentor_id(change.previous_mentor_id);
    out->set_mentor_id(change.mentor_id);
    out->set_kind(ToProtoKind(change.kind));
  }
}

}  // namespace

MatchOptions ToEngineMatchOptions(const sopu::v1::MatchRequest& request) {
  MatchOptions options;
  options.objective = ToEngineObjective(request.objective());
  if (request.has_continuity_bonus()) {
    options.continuity_bonus = request.continuity_bonus();
  }
  if (request.has_min_score()) options.min_score = request.min_score();
  options.use_wishes = request.use_wishes();
  return options;
}

sopu::v1::MatchResponse ToProtoMatchResponse(const MatchResult& result,
                                             const ScoringModel& model,
                                             sopu::v1::Objective objective) {
  sopu::v1::MatchResponse response;
  response.set_status(ToProtoStatus(result.status));
  AddPairs(result, model, response);
  SetSummary(result, *response.mutable_summary());
  AddChanges(result.diff, response);
  *response.mutable_policy() = ToProtoPolicy(model.policy());
  response.set_objective(objective);
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
