#include "service/history/bench_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "engine/assignment/stable_matching.h"
#include "engine/calibration/rank_correlation.h"
#include "engine/scoring/scoring_model.h"
#include "service/handlers/match_handler.h"
#include "service/handlers/prepare_inputs.h"
#include "service/history/calibration_data.h"
#include "service/status/bad_request.h"
#include "service/validation/violation_list.h"

namespace sopu::service {
namespace {

// kStrongCompetence: a mentor's level at which a goal theme counts covered.
constexpr double kStrongCompetence = 4.0;

void Summarise(const std::vector<double>& scores, sopu::v1::FitSummary& fit) {
  fit.set_pairs(static_cast<int>(scores.size()));
  if (scores.empty()) return;
  double total = 0.0;
  double worst = std::numeric_limits<double>::infinity();
  for (const double s : scores) {
    total += s;
    worst = std::min(worst, s);
  }
  const double mean = total / static_cast<double>(scores.size());
  double squares = 0.0;
  for (const double s : scores) squares += (s - mean) * (s - mean);
  fit.set_total(total);
  fit.set_mean(mean);
  fit.set_worst(worst);
  fit.set_spread(std::sqrt(squares / static_cast<double>(scores.size())));
}

std::string FirstProblem(const absl::Status& status) {
  const std::vector<FieldViolation> problems = ViolationsOf(status);
  if (problems.empty()) return std::string(status.message());
  return absl::StrCat(status.message(), "; first: ", problems[0].field(), ": ",
                      problems[0].description());
}

// Covered: goal importance of mentee `r` on themes where mentor `c` is
// strong (c < 0: none).
double Covered(const Participant& mentee, const Participant* mentor) {
  if (mentor == nullptr) return 0.0;
  double covered = 0.0;
  for (const auto& [theme, importance] : mentee.goals) {
    auto it = mentor->competences.find(theme);
    if (it != mentor->competences.end() && it->second >= kStrongCompetence) {
      covered += importance;
    }
  }
  return covered;
}

bool HasRole(const sopu::v1::Cohort& cohort, sopu::v1::Role role) {
  return std::any_of(cohort.participants().begin(), cohort.participants().end(),
                     [role](const sopu::v1::Participant& p) {
                       return std::any_of(p.roles().begin(), p.roles().end(),
                                          [role](int r) { return r == role; });
                     });
}

// SetGroupFigures scores the historical groups of `past` and sets the group
// figures of `run` from them.
absl::Status SetGroupFigures(const sopu::v1::PastCohort& past,
                             const PreparedInputs& inputs, BenchRun& run) {
  absl::StatusOr<std::vector<GroupFeatures>> groups =
      ScoreHistoricalGroups(inputs.cohort, inputs.policy, past.groups());
  if (!groups.ok()) return groups.status();
  for (int i = 0; i < past.groups_size(); ++i) {
    const GroupFeatures& g = (*groups)[static_cast<std::size_t>(i)];
    if (g.pairs == 0) continue;
    run.group_fits.push_back(g.fit);
    if (past.groups(i).has_rating()) {
      run.group_predicted.push_back(g.fit);
      run.group_ratings.push_back(past.groups(i).rating());
    }
  }
  return absl::OkStatus();
}

// SetGroupResult sets the BenchResult's group fields from run's vectors;
// `groups` is the number of historical groups.
void SetGroupResult(int groups, BenchRun& run) {
  sopu::v1::BenchResult& result = run.result;
  result.set_historical_groups(groups);
  result.set_fitted_groups(static_cast<int>(run.group_fits.size()));
  double sum = 0.0;
  for (const double f : run.group_fits) sum += f;
  result.set_group_mean_fit(
      run.group_fits.empty()
          ? 0.0
          : sum / static_cast<double>(run.group_fits.size()));
  result.set_rated_groups(static_cast<int>(run.group_ratings.size()));
  if (auto rho = SpearmanCorrelation(run.group_predicted, run.group_ratings)) {
    result.set_group_spearman(*rho);
  } else {
    result.clear_group_spearman();
  }
}

// GroupsOnly: a round with groups and no pairs whose cohort lacks mentees
// or mentors is scored on its groups and not matched.
bool GroupsOnly(const sopu::v1::PastCohort& past) {
  return past.pairs_size() == 0 && past.groups_size() > 0 &&
         !(HasRole(past.cohort(), sopu::v1::ROLE_MENTEE) &&
           HasRole(past.cohort(), sopu::v1::ROLE_MENTOR));
}

// TimedMatch runs the round's cohort under the policy through `match` (the
// embedded handler when empty) and records its run time in `result`.
absl::StatusOr<sopu::v1::MatchResponse> TimedMatch(
    const sopu::v1::PastCohort& past, const BenchPolicy& policy,
    sopu::v1::Objective objective, const MatchFunction& match,
    sopu::v1::BenchResult& result) {
  sopu::v1::MatchRequest request;
  *request.mutable_cohort() = past.cohort();
  *request.mutable_policy() = policy.policy;
  request.set_objective(objective);
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<sopu::v1::MatchResponse> response =
      match ? match(request) : HandleMatch(request);
  result.set_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return response;
}

const Participant& MenteeOf(const ScoringModel& model, int r) {
  return model.cohort().participants[static_cast<std::size_t>(
      model.mentees()[static_cast<std::size_t>(r)])];
}

// MentorOf: the mentor of column c, null for c < 0 (unmatched).
const Participant* MentorOf(const ScoringModel& model, int c) {
  return c < 0 ? nullptr
               : &model.cohort().participants[static_cast<std::size_t>(
                     model.mentors()[static_cast<std::size_t>(c)])];
}

// SideIndex: the row of each mentee id and the column of each mentor id.
struct SideIndex {
  std::unordered_map<std::string, int> row_of;
  std::unordered_map<std::string, int> col_of;
};

SideIndex IndexSides(const ScoringModel& model) {
  SideIndex index;
  const auto rows = static_cast<int>(model.mentees().size());
  const auto cols = static_cast<int>(model.mentors().size());
  for (int r = 0; r < rows; ++r) index.row_of.emplace(MenteeOf(model, r).id, r);
  for (int c = 0; c < cols; ++c) {
    index.col_of.emplace(MentorOf(model, c)->id, c);
  }
  return index;
}

// EnginePairs: each row's column in the engine's matching, or -1.
std::vector<int> EnginePairs(const sopu::v1::MatchResponse& response,
                             const SideIndex& index, int rows) {
  std::vector<int> engine(static_cast<std::size_t>(rows), -1);
  for (const auto& pair : response.pairs()) {
    engine[static_cast<std::size_t>(index.row_of.at(pair.mentee_id()))] =
        index.col_of.at(pair.mentor_id());
  }
  return engine;
}

// HistoricalPairs: each row's column in the staff's pairs (or -1) and the
// pair's rating (NaN when unrated or unpaired).
struct HistoricalPairs {
  std::vector<int> col_of_row;
  std::vector<double> rating;
};

HistoricalPairs ReadHistoricalPairs(const sopu::v1::PastCohort& past,
                                    const SideIndex& index, int rows) {
  HistoricalPairs h;
  h.col_of_row.assign(static_cast<std::size_t>(rows), -1);
  h.rating.assign(static_cast<std::size_t>(rows),
                  std::numeric_limits<double>::quiet_NaN());
  for (const auto& pair : past.pairs()) {
    auto r = index.row_of.find(pair.mentee_id());
    auto c = index.col_of.find(pair.mentor_id());
    if (r == index.row_of.end() || c == index.col_of.end()) continue;
    h.col_of_row[static_cast<std::size_t>(r->second)] = c->second;
    if (pair.has_rating()) {
      h.rating[static_cast<std::size_t>(r->second)] = pair.rating();
    }
  }
  return h;
}

// BlockingRankings: both sides' rankings derived from the scores (forbidden
// pairs excluded), for counting blocking pairs.
StableMatchingProblem BlockingRankings(const ScoringModel& model,
                                       const ScoreMatrix& matrix) {
  const int rows = matrix.rows();
  const int cols = matrix.cols();
  AssignmentProblem problem;
  problem.rows = rows;
  problem.cols = cols;
  problem.scores.resize(static_cast<std::size_t>(rows) * cols);
  problem.forbidden.resize(problem.scores.size());
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const std::size_t at = static_cast<std::size_t>(r) * cols + c;
      problem.scores[at] = matrix.scores(r, c);
      problem.forbidden[at] = matrix.allowed(r, c) ? 0 : 1;
    }
  }
  for (int c = 0; c < cols; ++c) {
    problem.capacity.push_back(MentorOf(model, c)->capacity);
  }
  return RankingsFromScores(problem);
}

double GoalImportance(const Participant& mentee) {
  double sum = 0.0;
  for (const auto& [theme, importance] : mentee.goals) sum += importance;
  return sum;
}

// HistoricalComparison: the historical pairs the engine may use (forbidden
// ones unpaired), how many were forbidden and how many the engine
// reproduced.
struct HistoricalComparison {
  std::vector<int> allowed;
  int forbidden = 0;
  int reproduced = 0;
};

// ComparePairs walks the mentees in row order: adds goal coverage, the
// scores of both matchings and the rated historical pairs to `run`.
HistoricalComparison ComparePairs(const ScoringModel& model,
                                  const ScoreMatrix& matrix,
                                  const std::vector<int>& engine,
                                  const HistoricalPairs& historical,
                                  BenchRun& run) {
  HistoricalComparison out;
  out.allowed = historical.col_of_row;
  for (int r = 0; r < matrix.rows(); ++r) {
    const int e = engine[static_cast<std::size_t>(r)];
    const int h = historical.col_of_row[static_cast<std::size_t>(r)];
    run.goal_importance += GoalImportance(MenteeOf(model, r));
    run.engine_covered += Covered(MenteeOf(model, r), MentorOf(model, e));
    run.historical_covered += Covered(MenteeOf(model, r), MentorOf(model, h));
    if (e >= 0) run.engine_scores.push_back(model.Explain(r, e).score);
    if (h < 0) continue;
    const double score = model.Explain(r, h).score;
    run.historical_scores.push_back(score);
    if (!matrix.allowed(r, h)) {
      ++out.forbidden;
      out.allowed[static_cast<std::size_t>(r)] = -1;
    }
    if (h == e) ++out.reproduced;
    const double rating = historical.rating[static_cast<std::size_t>(r)];
    if (!std::isnan(rating)) {
      run.predicted.push_back(score);
      run.ratings.push_back(rating);
    }
  }
  return out;
}

// SetFitFigures: each side's fit summary, goal coverage and blocking pairs
// (-1 when they cannot be counted).
void SetFitFigures(const StableMatchingProblem& rankings,
                   const std::vector<int>& engine,
                   const std::vector<int>& historical_allowed, BenchRun& run) {
  sopu::v1::BenchResult& result = run.result;
  Summarise(run.engine_scores, *result.mutable_engine());
  Summarise(run.historical_scores, *result.mutable_historical());
  const double coverage_denominator =
      run.goal_importance > 0.0 ? run.goal_importance : 1.0;
  result.mutable_engine()->set_goal_coverage_percent(
      100.0 * run.engine_covered / coverage_denominator);
  result.mutable_historical()->set_goal_coverage_percent(
      100.0 * run.historical_covered / coverage_denominator);
  absl::StatusOr<std::int64_t> engine_blocking =
      CountBlockingPairs(rankings, engine);
  result.mutable_engine()->set_blocking_pairs(
      engine_blocking.ok() ? *engine_blocking : -1);
  absl::StatusOr<std::int64_t> historical_blocking =
      CountBlockingPairs(rankings, historical_allowed);
  result.mutable_historical()->set_blocking_pairs(
      historical_blocking.ok() ? *historical_blocking : -1);
}

// SetCountFigures: matched and historical counts, agreement and the rank
// correlation of score and rating.
void SetCountFigures(int rows, const HistoricalComparison& comparison,
                     BenchRun& run) {
  sopu::v1::BenchResult& result = run.result;
  result.set_mentees(rows);
  result.set_matched(static_cast<int>(run.engine_scores.size()));
  result.set_matched_percent(
      rows > 0 ? 100.0 * static_cast<double>(result.matched()) / rows : 0.0);
  result.set_historical_pairs(static_cast<int>(run.historical_scores.size()));
  result.set_historical_forbidden(comparison.forbidden);
  result.set_reproduced(comparison.reproduced);
  result.set_agreement_percent(result.historical_pairs() > 0
                                   ? 100.0 * comparison.reproduced /
                                         result.historical_pairs()
                                   : 0.0);
  result.set_rated_pairs(static_cast<int>(run.ratings.size()));
  if (auto rho = SpearmanCorrelation(run.predicted, run.ratings)) {
    result.set_spearman(*rho);
  }
}

// SetPairFigures compares the engine's matching with the round's historical
// pairs and sets the pair figures of `run`.
void SetPairFigures(const sopu::v1::PastCohort& past, const ScoringModel& model,
                    const sopu::v1::MatchResponse& response, BenchRun& run) {
  const ScoreMatrix matrix = model.ComputeMatrix({.threads = 1});
  const int rows = matrix.rows();
  const SideIndex index = IndexSides(model);
  const std::vector<int> engine = EnginePairs(response, index, rows);
  const HistoricalPairs historical = ReadHistoricalPairs(past, index, rows);
  const StableMatchingProblem rankings = BlockingRankings(model, matrix);
  const HistoricalComparison comparison =
      ComparePairs(model, matrix, engine, historical, run);
  SetFitFigures(rankings, engine, comparison.allowed, run);
  SetCountFigures(rows, comparison, run);
}

}  // namespace

BenchRun RunOne(const sopu::v1::PastCohort& past, const BenchPolicy& policy,
                sopu::v1::Objective objective, const MatchFunction& match) {
  BenchRun run;
  sopu::v1::BenchResult& result = run.result;
  result.set_cohort(past.name());
  result.set_policy(policy.label);
  const bool groups_only = GroupsOnly(past);
  ViolationList violations;
  absl::StatusOr<PreparedInputs> inputs =
      PrepareInputs(past.cohort(), &policy.policy,
                    /*need_both_sides=*/!groups_only, violations);
  if (!inputs.ok()) {
    result.set_error(absl::StrCat("the policy does not fit this round: ",
                                  FirstProblem(inputs.status())));
    return run;
  }
  if (const absl::Status groups = SetGroupFigures(past, *inputs, run);
      !groups.ok()) {
    run.group_fits.clear();
    run.group_predicted.clear();
    run.group_ratings.clear();
    result.set_error(std::string(groups.message()));
    return run;
  }
  if (groups_only) {
    SetGroupResult(past.groups_size(), run);
    return run;
  }
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs->cohort, inputs->policy);
  if (!model.ok()) {
    result.set_error(std::string(model.status().message()));
    return run;
  }
  absl::StatusOr<sopu::v1::MatchResponse> response =
      TimedMatch(past, policy, objective, match, result);
  if (!response.ok()) {
    result.set_error(FirstProblem(response.status()));
    return run;
  }
  SetPairFigures(past, *model, *response, run);
  SetGroupResult(past.groups_size(), run);
  return run;
}

BenchRun Pool(const std::vector<const BenchRun*>& runs,
              const std::string& policy_label) {
  BenchRun pooled;
  sopu::v1::BenchResult& result = pooled.result;
  result.set_cohort("(all)");
  result.set_policy(policy_label);
  std::int64_t engine_blocking = 0;
  std::int64_t historical_blocking = 0;
  bool historical_blocking_known = true;
  int errors = 0;
  int groups = 0;
  for (const BenchRun* run : runs) {
    const sopu::v1::BenchResult& r = run->result;
    if (!r.error().empty()) {
      ++errors;
      continue;
    }
    auto append = [](std::vector<double>& to, const std::vector<double>& from) {
      to.insert(to.end(), from.begin(), from.end());
    };
    append(pooled.engine_scores, run->engine_scores);
    append(pooled.historical_scores, run->historical_scores);
    append(pooled.predicted, run->predicted);
    append(pooled.ratings, run->ratings);
    append(pooled.group_fits, run->group_fits);
    append(pooled.group_predicted, run->group_predicted);
    append(pooled.group_ratings, run->group_ratings);
    groups += r.historical_groups();
    pooled.engine_covered += run->engine_covered;
    pooled.historical_covered += run->historical_covered;
    pooled.goal_importance += run->goal_importance;
    result.set_mentees(result.mentees() + r.mentees());
    result.set_matched(result.matched() + r.matched());
    result.set_historical_pairs(result.historical_pairs() +
                                r.historical_pairs());
    result.set_historical_forbidden(result.historical_forbidden() +
                                    r.historical_forbidden());
    result.set_reproduced(result.reproduced() + r.reproduced());
    result.set_seconds(result.seconds() + r.seconds());
    engine_blocking += std::max<std::int64_t>(0, r.engine().blocking_pairs());
    if (r.historical().blocking_pairs() < 0) {
      historical_blocking_known = false;
    } else {
      historical_blocking += r.historical().blocking_pairs();
    }
  }
  Summarise(pooled.engine_scores, *result.mutable_engine());
  Summarise(pooled.historical_scores, *result.mutable_historical());
  const double coverage_denominator =
      pooled.goal_importance > 0.0 ? pooled.goal_importance : 1.0;
  result.mutable_engine()->set_goal_coverage_percent(
      100.0 * pooled.engine_covered / coverage_denominator);
  result.mutable_historical()->set_goal_coverage_percent(
      100.0 * pooled.historical_covered / coverage_denominator);
  result.mutable_engine()->set_blocking_pairs(engine_blocking);
  result.mutable_historical()->set_blocking_pairs(
      historical_blocking_known ? historical_blocking : -1);
  result.set_matched_percent(
      result.mentees() > 0 ? 100.0 * result.matched() / result.mentees() : 0.0);
  result.set_agreement_percent(result.historical_pairs() > 0
                                   ? 100.0 * result.reproduced() /
                                         result.historical_pairs()
                                   : 0.0);
  result.set_rated_pairs(static_cast<int>(pooled.ratings.size()));
  if (auto rho = SpearmanCorrelation(pooled.predicted, pooled.ratings)) {
    result.set_spearman(*rho);
  }
  SetGroupResult(groups, pooled);
  if (errors > 0) {
    result.set_error(absl::StrCat(errors, errors == 1 ? " round" : " rounds",
                                  " could not be run"));
  }
  return pooled;
}

BenchOutput RunBench(const std::vector<sopu::v1::PastCohort>& rounds,
                     const std::vector<BenchPolicy>& policies,
                     const BenchOptions& options) {
  BenchOutput out;
  const std::size_t p = policies.size();
  out.runs.resize(rounds.size() * p);
  const auto start = std::chrono::steady_clock::now();
  std::atomic<std::size_t> next{0};
  std::atomic<std::int64_t> done{0};
  std::mutex progress_mutex;
  auto worker = [&] {
    for (std::size_t i = next++; i < rounds.size(); i = next++) {
      for (std::size_t k = 0; k < p; ++k) {
        out.runs[i * p + k] =
            RunOne(rounds[i], policies[k], options.objective, options.match);
      }
      const std::int64_t finished = ++done;
      if (options.progress) {
        const std::lock_guard<std::mutex> lock(progress_mutex);
        options.progress(
            Progress{.done = finished,
                     .total = static_cast<std::int64_t>(rounds.size())});
      }
    }
  };
  const int jobs = std::clamp(options.jobs, 1, 256);
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs && static_cast<std::size_t>(j) < rounds.size();
       ++j) {
    threads.emplace_back(worker);
  }
  worker();
  for (std::thread& t : threads) t.join();

  sopu::v1::BenchReport& report = out.report;
  switch (options.objective) {
    case sopu::v1::OBJECTIVE_FAIR:
      report.set_objective("fair");
      break;
    case sopu::v1::OBJECTIVE_STABLE:
      report.set_objective("stable");
      break;
    case sopu::v1::OBJECTIVE_MAX_SCORE:
      report.set_objective("max-score");
      break;
    default:
      report.set_objective("optimal");
  }
  for (const BenchPolicy& policy : policies) report.add_policies(policy.label);
  for (const BenchRun& run : out.runs) *report.add_results() = run.result;
  for (std::size_t k = 0; k < p; ++k) {
    std::vector<const BenchRun*> of_policy;
    for (std::size_t i = 0; i < rounds.size(); ++i) {
      of_policy.push_back(&out.runs[i * p + k]);
    }
    out.overall.push_back(Pool(of_policy, policies[k].label));
    *report.add_overall() = out.overall.back().result;
  }
  report.set_rounds(static_cast<int>(rounds.size()));
  report.set_jobs(jobs);
  report.set_wall_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return out;
}

}  // namespace sopu::service
