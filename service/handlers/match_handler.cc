#include "service/handlers/match_handler.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/assignment/capacitated_assignment.h"
#include "engine/assignment/fair_assignment.h"
#include "engine/assignment/stable_matching.h"
#include "engine/scoring/scoring_model.h"
#include "engine/version.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/assignment_diff.h"
#include "service/handlers/pair_explanations.h"
#include "service/handlers/pair_lists.h"
#include "service/handlers/prepare_inputs.h"
#include "service/handlers/unmatched_reasons.h"
#include "service/status/bad_request.h"

namespace sopu::service {
namespace {

using sopu::v1::MatchRequest;

// Problem is the assignment instance plus what the report needs.
struct Problem {
  AssignmentProblem assignment;        // locked rows removed, bonus added
  std::vector<std::uint8_t> excluded;  // request-forbidden pairs
  std::vector<int> locked_col;         // per row, -1 = not locked
  std::vector<int> capacity;           // per column, before locks
};

// kSingleThreadPairs: score matrices with fewer mentee x mentor pairs than
// this are computed on one thread.
constexpr std::size_t kSingleThreadPairs = 100000;

[[nodiscard]] std::size_t At(int r, int c, int cols) {
  return static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) +
         static_cast<std::size_t>(c);
}

// Wishes maps each mentee's wish-list to mentor columns (wishes naming
// someone who is not a mentor are left out).
std::vector<std::vector<int>> Wishes(const ScoringModel& model) {
  const auto& people = model.cohort().participants;
  std::unordered_map<std::string, int> col_of;
  for (std::size_t c = 0; c < model.mentors().size(); ++c) {
    col_of.emplace(people[static_cast<std::size_t>(model.mentors()[c])].id,
                   static_cast<int>(c));
  }
  std::vector<std::vector<int>> wishes(model.mentees().size());
  for (std::size_t r = 0; r < model.mentees().size(); ++r) {
    for (const std::string& id :
         people[static_cast<std::size_t>(model.mentees()[r])].wishes) {
      if (auto it = col_of.find(id); it != col_of.end()) {
        wishes[r].push_back(it->second);
      }
    }
  }
  return wishes;
}

// Solve runs the request's objective on `problem` and returns each row's
// column (-1 unmatched); sets the status and the objective's own figures
// (fairness cost, blocking pairs, gap) in `response`.
absl::StatusOr<std::vector<int>> Solve(const MatchRequest& request,
                                       const ScoringModel& model,
                                       const ScoreMatrix& matrix,
                                       const AssignmentProblem& problem,
                                       const AssignmentOptions& options,
                                       const CallContext& context,
                                       sopu::v1::MatchResponse& response) {
  auto* summary = response.mutable_summary();
  // PolicyTotal: a solution's total in policy scores (no continuity bonus).
  auto policy_total = [&](const std::vector<int>& mentor_of) {
    double total = 0.0;
    for (std::size_t r = 0; r < mentor_of.size(); ++r) {
      if (mentor_of[r] >= 0)
        total += matrix.scores(static_cast<int>(r), mentor_of[r]);
    }
    return total;
  };
  // OptimalPolicyTotal: the exact optimum's total, for the price of fairness
  // and the stable gap; nullopt when cancelled.
  auto optimal_policy_total = [&]() -> absl::StatusOr<std::optional<double>> {
    absl::StatusOr<AssignmentResult> optimal =
        SolveCapacitatedAssignment(problem, {}, {.cancel = context.cancel});
    if (!optimal.ok()) return optimal.status();
    if (optimal->status != AssignmentStatus::kOptimal) return std::nullopt;
    return policy_total(optimal->solution.mentor_of);
  };
  switch (request.objective()) {
    case sopu::v1::OBJECTIVE_FAIR: {
      FairAssignmentOptions fair;
      fair.compute_price_of_fairness =
          false;  // computed below, in policy scores
      absl::StatusOr<FairAssignmentResult> result =
          SolveFairAssignment(problem, fair, context);
      if (!result.ok()) return result.status();
      const bool cancelled = result->status == FairAssignmentStatus::kCancelled;
      response.set_status(cancelled ? sopu::v1::SOLVER_STATUS_CANCELLED
                                    : sopu::v1::SOLVER_STATUS_OPTIMAL);
      if (!cancelled) {
        absl::StatusOr<std::optional<double>> optimal = optimal_policy_total();
        if (!optimal.ok()) return optimal.status();
        if (optimal->has_value()) {
          summary->set_fairness_cost(std::max(
              0.0, **optimal - policy_total(result->solution.mentor_of)));
        }
      }
      return result->solution.mentor_of;
    }
    case sopu::v1::OBJECTIVE_STABLE: {
      absl::StatusOr<StableMatchingProblem> rankings =
          RankingsFromScores(problem);
      if (request.use_wishes()) {
        rankings = RankingsFromScoresAndWishes(problem, Wishes(model));
        if (!rankings.ok()) return rankings.status();
      }
      absl::StatusOr<StableMatchingResult> result =
          SolveStableMatching(*rankings, context);
      if (!result.ok()) return result.status();
      if (result->status == StableMatchingStatus::kCancelled) {
        response.set_status(sopu::v1::SOLVER_STATUS_CANCELLED);
        return std::vector<int>();
      }
      if (result->blocking_pairs != 0) {
        return absl::InternalError("the stable matching has a blocking pair");
      }
      response.set_status(sopu::v1::SOLVER_STATUS_STABLE);
      summary->set_blocking_pairs(static_cast<int>(result->blocking_pairs));
      absl::StatusOr<std::optional<double>> optimal = optimal_policy_total();
      if (!optimal.ok()) return optimal.status();
      if (optimal->has_value()) {
        summary->set_gap_to_optimal(**optimal -
                                    policy_total(result->mentor_of));
      }
      return result->mentor_of;
    }
    default: {
      absl::StatusOr<AssignmentResult> result =
          SolveCapacitatedAssignment(problem, options, context);
      if (!result.ok()) return result.status();
      if (result->status == AssignmentStatus::kCancelled) {
        response.set_status(sopu::v1::SOLVER_STATUS_CANCELLED);
      } else if (!CheckAssignmentCertificate(problem, options, *result)) {
        return absl::InternalError(
            "the assignment solver's optimality certificate did not check");
      } else {
        response.set_status(sopu::v1::SOLVER_STATUS_OPTIMAL);
      }
      return result->solution.mentor_of;
    }
  }
}

}  // namespace

absl::StatusOr<sopu::v1::MatchResponse> HandleMatch(
    const MatchRequest& request, const CallContext& context) {
  ViolationList violations;
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
  const Sides sides = IndexSides(request.cohort());
  const std::vector<ResolvedPair> locked =
      ResolvePairs(request.locked(), "locked", sides, request.cohort(),
                   /*one_per_mentee=*/true, /*departed_ok=*/false, violations);
  const std::vector<ResolvedPair> forbidden =
      ResolvePairs(request.forbidden(), "forbidden", sides, request.cohort(),
                   /*one_per_mentee=*/false, /*departed_ok=*/false, violations);
  const std::vector<ResolvedPair> previous =
      ResolvePairs(request.previous(), "previous", sides, request.cohort(),
                   /*one_per_mentee=*/true, /*departed_ok=*/true, violations);
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/true, violations);
  if (!inputs.ok()) return inputs.status();

  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs->cohort, inputs->policy);
  if (!model.ok()) return model.status();

  // Small matrices are scored on one thread: an OpenMP team costs more
  // than it saves there, and it takes cores from callers that run several
  // matches at once (`sopu bench --jobs`). The scores do not depend on the
  // thread count.
  const std::size_t pairs = model->mentees().size() * model->mentors().size();
  const ScoreMatrix matrix =
      model->ComputeMatrix({.threads = pairs < kSingleThreadPairs ? 1 : 0,
                            .cancel = context.cancel});
  if (context.cancel != nullptr && context.cancel->cancelled()) {
    return absl::CancelledError("matching was cancelled");
  }
  const int rows = matrix.rows();
  const int cols = matrix.cols();
  const auto& people = model->cohort().participants;

  Problem problem;
  problem.excluded.assign(static_cast<std::size_t>(rows) * cols, 0);
  for (const ResolvedPair& p : forbidden) {
    problem.excluded[At(p.row, p.col, cols)] = 1;
  }
  problem.capacity.resize(static_cast<std::size_t>(cols));
  for (int c = 0; c < cols; ++c) {
    problem.capacity[static_cast<std::size_t>(c)] =
        people[static_cast<std::size_t>(
                   model->mentors()[static_cast<std::size_t>(c)])]
            .capacity;
  }
  problem.locked_col.assign(static_cast<std::size_t>(rows), -1);
  std::vector<int> room = problem.capacity;
  for (int k = 0; k < static_cast<int>(locked.size()); ++k) {
    const ResolvedPair& p = locked[static_cast<std::size_t>(k)];
    const std::string base = absl::StrCat("locked[", k, "]");
    if (!matrix.allowed(p.row, p.col)) {
      violations.Add(
          base, absl::StrCat("the pair is forbidden by rule ",
                             VerdictRuleName(model->policy(),
                                             matrix.verdicts(p.row, p.col))));
    } else if (problem.excluded[At(p.row, p.col, cols)] != 0) {
      violations.Add(base, "the pair is also in forbidden");
    } else if (--room[static_cast<std::size_t>(p.col)] < 0) {
      violations.Add(base + ".mentor_id",
                     "more locked pairs than the mentor's capacity");
    }
    problem.locked_col[static_cast<std::size_t>(p.row)] = p.col;
  }
  if (!violations.empty()) {
    return violations.ToStatus();
  }

  AssignmentProblem& a = problem.assignment;
  a.rows = rows;
  a.cols = cols;
  a.capacity = room;
  a.scores.resize(static_cast<std::size_t>(rows) * cols);
  a.forbidden.resize(a.scores.size());
  const bool min_filter =
      request.objective() == sopu::v1::OBJECTIVE_MAX_SCORE &&
      request.has_min_score();
  for (int r = 0; r < rows; ++r) {
    const bool row_locked =
        problem.locked_col[static_cast<std::size_t>(r)] >= 0;
    for (int c = 0; c < cols; ++c) {
      const std::size_t i = At(r, c, cols);
      a.scores[i] = matrix.scores(r, c);
      a.forbidden[i] = static_cast<std::uint8_t>(
          row_locked || !matrix.allowed(r, c) || problem.excluded[i] != 0 ||
          (min_filter && matrix.scores(r, c) < request.min_score()));
    }
  }
  const double bonus = request.has_continuity_bonus()
                           ? request.continuity_bonus()
                           : kDefaultContinuityBonus;
  for (const ResolvedPair& p : previous) {
    if (p.row >= 0 && p.col >= 0) a.scores[At(p.row, p.col, cols)] += bonus;
  }

  AssignmentOptions options;
  options.objective = request.objective() == sopu::v1::OBJECTIVE_MAX_SCORE
                          ? AssignmentObjective::kMaxScore
                          : AssignmentObjective::kMaxCardinalityThenScore;
  sopu::v1::MatchResponse response;
  absl::StatusOr<std::vector<int>> solved =
      Solve(request, *model, matrix, a, options, context, response);
  if (!solved.ok()) return solved.status();
  std::vector<int> mentor_of = *std::move(solved);
  if (mentor_of.empty()) mentor_of.assign(static_cast<std::size_t>(rows), -1);
  for (int r = 0; r < rows; ++r) {
    const int c = problem.locked_col[static_cast<std::size_t>(r)];
    if (c >= 0) mentor_of[static_cast<std::size_t>(r)] = c;
  }

  // Report.
  auto id_of_row = [&](int r) -> const std::string& {
    return people[static_cast<std::size_t>(
                      model->mentees()[static_cast<std::size_t>(r)])]
        .id;
  };
  auto id_of_col = [&](int c) -> const std::string& {
    return people[static_cast<std::size_t>(
                      model->mentors()[static_cast<std::size_t>(c)])]
        .id;
  };
  auto* summary = response.mutable_summary();
  summary->set_mentees(rows);
  double total = 0.0;
  double worst = 0.0;
  int top3 = 0;
  const UnmatchedReasons reasons(*model, matrix, problem.excluded,
                                 problem.capacity, mentor_of, request);
  for (int r = 0; r < rows; ++r) {
    const int c = mentor_of[static_cast<std::size_t>(r)];
    if (c < 0) {
      auto* unmatched = response.add_unmatched();
      unmatched->set_mentee_id(id_of_row(r));
      unmatched->set_reason(reasons.For(r));
      continue;
    }
    const PairExplanation pair = model->Explain(r, c);
    auto* out = response.add_pairs();
    out->set_mentee_id(id_of_row(r));
    out->set_mentor_id(id_of_col(c));
    out->set_score(pair.score);
    AddTopReasons(*model, pair, *out->mutable_reasons());
    out->set_locked(problem.locked_col[static_cast<std::size_t>(r)] == c);
    int rank = 1;
    for (int other = 0; other < cols; ++other) {
      if (matrix.allowed(r, other) &&
          problem.excluded[At(r, other, cols)] == 0 &&
          matrix.scores(r, other) > matrix.scores(r, c)) {
        ++rank;
      }
    }
    out->set_rank_for_mentee(rank);
    top3 += rank <= 3 ? 1 : 0;
    worst =
        response.pairs_size() == 1 ? pair.score : std::min(worst, pair.score);
    total += pair.score;
  }
  const int matched = response.pairs_size();
  summary->set_matched(matched);
  summary->set_total(total);
  summary->set_mean(matched > 0 ? total / matched : 0.0);
  summary->set_worst(worst);
  summary->set_top3_percent(rows > 0 ? 100.0 * top3 / rows : 0.0);

  AddAssignmentDiff(request, previous, *model, mentor_of, response);
  *response.mutable_policy() = ToProtoPolicy(inputs->policy);
  response.set_objective(request.objective());
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
