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
#include "service/handlers/prepare_inputs.h"

namespace sopu::service {
namespace {

constexpr int kMaxReasons = 3;

void FillReasons(const ScoringModel& model, const PairExplanation& pair,
                 sopu::v1::Recommendation& out) {
  std::vector<const CriterionValue*> parts;
  for (const CriterionValue& v : pair.values) {
    if (v.contribution > 0.0) parts.push_back(&v);
  }
  std::stable_sort(parts.begin(), parts.end(),
                   [](const CriterionValue* a, const CriterionValue* b) {
                     return a->contribution > b->contribution;
                   });
  if (parts.size() > kMaxReasons) parts.resize(kMaxReasons);
  for (const CriterionValue* v : parts) {
    auto* reason = out.add_top_reasons();
    reason->set_criterion(
        model.policy().criteria[static_cast<std::size_t>(v->criterion)].name);
    reason->set_value(v->value);
    reason->set_contribution(v->contribution);
  }
}

// ExplainExclusion counts, for a mentee with no allowed mentor, how many
// mentors each rule forbids (a mentor may fail several rules) and names the
// rule that forbids them all, if one does.
void ExplainExclusion(const ScoringModel& model, int row,
                      sopu::v1::MenteeRecommendations& out) {
  const Policy& policy = model.policy();
  const int cols = static_cast<int>(model.mentors().size());
  std::vector<std::string> rules;
  std::vector<int> counts;
  auto count = [&](const std::string& rule) {
    auto it = std::find(rules.begin(), rules.end(), rule);
    if (it == rules.end()) {
      rules.push_back(rule);
      counts.push_back(1);
    } else {
      ++counts[static_cast<std::size_t>(it - rules.begin())];
    }
  };
  int others = 0;  // mentors other than the mentee themself
  for (int c = 0; c < cols; ++c) {
    const PairExplanation pair = model.Explain(row, c);
    if (pair.self) continue;
    ++others;
    if (pair.avoided) count("avoid-list");
    if (pair.same_organisation) count("same-organisation");
    for (const CriterionValue& v : pair.values) {
      const Criterion& criterion =
          policy.criteria[static_cast<std::size_t>(v.criterion)];
      if (criterion.hard && !v.holds) count(criterion.name);
    }
  }
  std::vector<std::size_t> order(rules.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(
      order.begin(), order.end(),
      [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
  std::vector<std::string> parts;
  for (std::size_t i : order) {
    auto* rule = out.add_excluded_by();
    rule->set_rule(rules[i]);
    rule->set_mentors_excluded(counts[i]);
    parts.push_back(absl::StrCat(rules[i], " (", counts[i], ")"));
  }
  if (others == 0) {
    out.set_exclusion("there is no mentor other than this participant");
  } else if (!order.empty() && counts[order.front()] == others) {
    out.set_exclusion(absl::StrCat("rule ", rules[order.front()],
                                   " excludes all ", others,
                                   others == 1 ? " mentor" : " mentors"));
  } else {
    out.set_exclusion(absl::StrCat(
        "each of the ", others,
        " mentors is excluded by one of: ", absl::StrJoin(parts, ", ")));
  }
}

}  // namespace

absl::StatusOr<sopu::v1::ScoreResponse> HandleScore(
    const sopu::v1::ScoreRequest& request) {
  ViolationList violations;
  if (request.top_k() < 0 || request.top_k() > kMaxTopK) {
    violations.Add("top_k", "must be in 1..1000 (0 means 5)");
  }
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/true, violations);
  if (!inputs.ok()) return inputs.status();

  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs->cohort, inputs->policy);
  if (!model.ok()) return model.status();
  const ScoreMatrix matrix = model->ComputeMatrix();
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
      FillReasons(*model, pair, *rec);
    }
    if (ranked.empty()) {
      summary->set_mentees_without_mentor(summary->mentees_without_mentor() +
                                          1);
      ExplainExclusion(*model, r, *mentee);
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
