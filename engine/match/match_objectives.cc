#include "engine/match/match_objectives.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "engine/assignment/capacitated_assignment.h"
#include "engine/assignment/fair_assignment.h"
#include "engine/assignment/stable_matching.h"
#include "engine/common/index.h"

namespace sopu {
namespace {

// PolicyTotal: a solution's total in policy scores (no continuity bonus),
// summed in row order.
double PolicyTotal(const ScoreMatrix& matrix,
                   const std::vector<int>& mentor_of) {
  double total = 0.0;
  for (std::size_t r = 0; r < mentor_of.size(); ++r) {
    if (mentor_of[r] >= 0)
      total += matrix.scores(static_cast<int>(r), mentor_of[r]);
  }
  return total;
}

// OptimalPolicyTotal: the exact optimum's policy total, for the fairness
// cost and the stable gap; nullopt when cancelled.
absl::StatusOr<std::optional<double>> OptimalPolicyTotal(
    const MatchProblem& problem, const ScoreMatrix& matrix,
    const CallContext& context) {
  absl::StatusOr<AssignmentResult> optimal = SolveCapacitatedAssignment(
      problem.assignment, {}, {.cancel = context.cancel});
  if (!optimal.ok()) return optimal.status();
  if (optimal->status != AssignmentStatus::kOptimal) return std::nullopt;
  return PolicyTotal(matrix, optimal->solution.mentor_of);
}

absl::StatusOr<ObjectiveResult> SolveExact(const MatchProblem& problem,
                                           const CallContext& context) {
  absl::StatusOr<AssignmentResult> solved = SolveCapacitatedAssignment(
      problem.assignment, problem.solver_options, context);
  if (!solved.ok()) return solved.status();
  ObjectiveResult result;
  if (solved->status == AssignmentStatus::kCancelled) {
    result.status = MatchStatus::kCancelled;
  } else if (!CheckAssignmentCertificate(problem.assignment,
                                         problem.solver_options, *solved)) {
    return absl::InternalError(
        "the assignment solver's optimality certificate did not check");
  }
  result.mentor_of = std::move(solved->solution.mentor_of);
  return result;
}

absl::StatusOr<ObjectiveResult> SolveFair(const MatchProblem& problem,
                                          const ScoreMatrix& matrix,
                                          const CallContext& context) {
  // The price of fairness is computed here, in policy scores.
  absl::StatusOr<FairAssignmentResult> solved = SolveFairAssignment(
      problem.assignment, {.compute_price_of_fairness = false}, context);
  if (!solved.ok()) return solved.status();
  ObjectiveResult result;
  result.mentor_of = std::move(solved->solution.mentor_of);
  if (solved->status == FairAssignmentStatus::kCancelled) {
    result.status = MatchStatus::kCancelled;
    return result;
  }
  absl::StatusOr<std::optional<double>> optimal =
      OptimalPolicyTotal(problem, matrix, context);
  if (!optimal.ok()) return optimal.status();
  if (optimal->has_value()) {
    result.fairness_cost =
        std::max(0.0, **optimal - PolicyTotal(matrix, result.mentor_of));
  }
  return result;
}

absl::StatusOr<ObjectiveResult> SolveStable(
    const MatchProblem& problem, const ScoreMatrix& matrix,
    const std::vector<std::vector<int>>& wishes, bool use_wishes,
    const CallContext& context) {
  absl::StatusOr<StableMatchingProblem> rankings =
      use_wishes ? RankingsFromScoresAndWishes(problem.assignment, wishes)
                 : RankingsFromScores(problem.assignment);
  if (!rankings.ok()) return rankings.status();
  absl::StatusOr<StableMatchingResult> solved =
      SolveStableMatching(*rankings, context);
  if (!solved.ok()) return solved.status();
  ObjectiveResult result;
  if (solved->status == StableMatchingStatus::kCancelled) {
    result.status = MatchStatus::kCancelled;
    return result;
  }
  if (solved->blocking_pairs != 0) {
    return absl::InternalError("the stable matching has a blocking pair");
  }
  result.status = MatchStatus::kStable;
  result.blocking_pairs = solved->blocking_pairs;
  result.mentor_of = std::move(solved->mentor_of);
  absl::StatusOr<std::optional<double>> optimal =
      OptimalPolicyTotal(problem, matrix, context);
  if (!optimal.ok()) return optimal.status();
  if (optimal->has_value()) {
    result.gap_to_optimal = **optimal - PolicyTotal(matrix, result.mentor_of);
  }
  return result;
}

absl::StatusOr<ObjectiveResult> Dispatch(
    const MatchProblem& problem, const ScoreMatrix& matrix,
    const std::vector<std::vector<int>>& wishes, const MatchOptions& options,
    const CallContext& context) {
  switch (options.objective) {
    case MatchObjective::kFair:
      return SolveFair(problem, matrix, context);
    case MatchObjective::kStable:
      return SolveStable(problem, matrix, wishes, options.use_wishes, context);
    default:
      return SolveExact(problem, context);
  }
}

}  // namespace

absl::StatusOr<ObjectiveResult> SolveObjective(
    const MatchProblem& problem, const ScoreMatrix& matrix,
    const std::vector<std::vector<int>>& wishes, const MatchOptions& options,
    const CallContext& context) {
  absl::StatusOr<ObjectiveResult> result =
      Dispatch(problem, matrix, wishes, options, context);
  if (!result.ok()) return result.status();
  const int rows = problem.assignment.rows;
  if (result->mentor_of.empty()) result->mentor_of.assign(Idx(rows), -1);
  for (int r = 0; r < rows; ++r) {
    const int c = problem.locked_col[Idx(r)];
    if (c >= 0) result->mentor_of[Idx(r)] = c;
  }
  return result;
}

}  // namespace sopu
