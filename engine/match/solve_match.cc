#include "engine/match/solve_match.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "engine/common/index.h"

namespace sopu {
namespace {

// Capacities: each mentor column's capacity.
std::vector<int> Capacities(const ScoringModel& model) {
  const auto& people = model.cohort().participants;
  std::vector<int> capacity;
  capacity.reserve(model.mentors().size());
  for (const int person : model.mentors()) {
    capacity.push_back(people[Idx(person)].capacity);
  }
  return capacity;
}

// Wishes maps each mentee's wish-list to mentor columns (wishes naming
// someone who is not a mentor are left out).
std::vector<std::vector<int>> Wishes(const ScoringModel& model) {
  const auto& people = model.cohort().participants;
  std::unordered_map<std::string_view, int> col_of;
  for (std::size_t c = 0; c < model.mentors().size(); ++c) {
    col_of.emplace(people[Idx(model.mentors()[c])].id, static_cast<int>(c));
  }
  std::vector<std::vector<int>> wishes(model.mentees().size());
  for (std::size_t r = 0; r < model.mentees().size(); ++r) {
    for (const std::string& id : people[Idx(model.mentees()[r])].wishes) {
      if (auto it = col_of.find(id); it != col_of.end()) {
        wishes[r].push_back(it->second);
      }
    }
  }
  return wishes;
}

// Ids: the participant ids of one side's rows or columns.
std::vector<std::string_view> Ids(const ScoringModel& model,
                                  const std::vector<int>& side) {
  const auto& people = model.cohort().participants;
  std::vector<std::string_view> ids;
  ids.reserve(side.size());
  for (const int person : side) ids.emplace_back(people[Idx(person)].id);
  return ids;
}

ScoreMatrix ScoreAll(const ScoringModel& model, const CallContext& context) {
  const std::size_t pairs = model.mentees().size() * model.mentors().size();
  return model.ComputeMatrix(
      {.threads = pairs < kSingleThreadScoringPairs ? 1 : 0,
       .cancel = context.cancel});
}

// Merge: the objective's result and its report, merged into `result`.
void Merge(ObjectiveResult solved, MatchReport report, MatchResult& result) {
  result.status = solved.status;
  result.mentor_of = std::move(solved.mentor_of);
  result.fairness_cost = solved.fairness_cost;
  result.blocking_pairs = solved.blocking_pairs;
  result.gap_to_optimal = solved.gap_to_optimal;
  result.pairs = std::move(report.pairs);
  result.unmatched = std::move(report.unmatched);
  result.summary = report.summary;
}

}  // namespace

absl::StatusOr<MatchResult> SolveMatch(const MatchInput& input,
                                       const MatchOptions& options,
                                       const CallContext& context) {
  if (input.model == nullptr) {
    return absl::InvalidArgumentError("model: required");
  }
  if (absl::Status status = ValidateMatchOptions(options); !status.ok()) {
    return status;
  }
  const ScoringModel& model = *input.model;
  const ScoreMatrix matrix = ScoreAll(model, context);
  if (context.cancelled()) {
    return absl::CancelledError("matching was cancelled");
  }
  const std::vector<int> capacity = Capacities(model);
  MatchResult result;
  result.issues = CheckMatchPairs(matrix, capacity, input.pairs);
  if (!result.issues.empty()) return result;

  absl::StatusOr<MatchProblem> problem =
      BuildMatchProblem(matrix, capacity, input.pairs, options);
  if (!problem.ok()) return problem.status();
  absl::StatusOr<ObjectiveResult> solved = SolveObjective(
      *problem, matrix,
      options.use_wishes ? Wishes(model) : std::vector<std::vector<int>>(),
      options, context);
  if (!solved.ok()) return solved.status();
  MatchReport report =
      ReportMatch(model, matrix, *problem, solved->mentor_of, options);
  Merge(*std::move(solved), std::move(report), result);
  if (!input.pairs.previous.empty()) {
    result.diff = DiffAssignment(input.pairs.previous, result.mentor_of,
                                 Ids(model, model.mentees()),
                                 Ids(model, model.mentors()));
  }
  return result;
}

}  // namespace sopu
