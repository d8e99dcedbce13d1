#include "service/convert/score_convert.h"

#include <string>

#include "engine/common/index.h"
#include "engine/version.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/pair_explanations.h"

namespace sopu::service {
namespace {

void AddExclusion(const ScoringModel& model, int row,
                  sopu::v1::MenteeRecommendations& mentee) {
  const Exclusion exclusion = ExplainExclusion(model, row);
  mentee.set_exclusion(exclusion.sentence);
  for (const auto& [rule, count] : exclusion.rules) {
    auto* excluded = mentee.add_excluded_by();
    excluded->set_rule(rule);
    excluded->set_mentors_excluded(count);
  }
}

}  // namespace

sopu::v1::ScoreResponse ToProtoScoreResponse(const MentorRanking& ranking,
                                             const ScoringModel& model) {
  const auto& people = model.cohort().participants;
  sopu::v1::ScoreResponse response;
  for (std::size_t r = 0; r < ranking.rows.size(); ++r) {
    const RankedMentors& row = ranking.rows[r];
    auto* mentee = response.add_mentees();
    mentee->set_mentee_id(people[Idx(model.mentees()[r])].id);
    mentee->set_allowed_mentors(row.allowed);
    int rank = 0;
    for (const RankedMentor& ranked : row.top) {
      auto* rec = mentee->add_mentors();
      rec->set_mentor_id(people[Idx(model.mentors()[Idx(ranked.col)])].id);
      rec->set_rank(++rank);
      rec->set_score(ranked.explanation.score);
      AddTopReasons(model, ranked.explanation, *rec->mutable_top_reasons());
    }
    if (row.top.empty()) AddExclusion(model, static_cast<int>(r), *mentee);
  }
  auto* summary = response.mutable_summary();
  summary->set_mentees(static_cast<int>(ranking.rows.size()));
  summary->set_mentors(ranking.mentors);
  summary->set_mentees_without_mentor(ranking.mentees_without_mentor);
  summary->set_allowed_pairs(ranking.allowed_pairs);
  summary->set_forbidden_pairs(static_cast<std::int64_t>(ranking.rows.size()) *
                                   ranking.mentors -
                               ranking.allowed_pairs);
  summary->set_mean_best_score(ranking.mean_best_score);
  *response.mutable_policy() = ToProtoPolicy(model.policy());
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
