// SolveMatch: the whole mentee -> mentor match workflow of one cohort, in
// plain C++ (no proto): score every pair, honour the locked, forbidden and
// previous pairs, run the chosen objective, and explain the result — every
// pair's score and rank, every unmatched mentee's reason, the summary, and
// the changes against the previous assignment.
//
// Steps:
//   1. ValidateMatchOptions.
//   2. Score all R x C pairs (ScoringModel::ComputeMatrix; matrices under
//      kSingleThreadScoringPairs pairs on one thread). Cancelled here:
//      CANCELLED, nothing else computed.
//   3. CheckMatchPairs: problems of the pair lists come back as
//      MatchResult::issues (structured: list, index, field, problem) and
//      nothing is solved.
//   4. BuildMatchProblem (match_problem.h): locked mentees out, their
//      mentors' seats taken; rules and request-forbidden pairs forbidden;
//      the continuity bonus on previous pairs.
//   5. SolveObjective (match_objectives.h): optimal, max-score (with the
//      minimum score), fair (with its fairness cost) or stable (with the
//      gap to the optimum); the locked pairs put back.
//   6. ReportMatch (match_report.h) and DiffAssignment (assignment_diff.h).
//
// Complexity: O(R C (T + K + W)) scoring (scoring_model.h), O(R C) for the
// problem, the objective's solver (O(R^2 C) for the exact ones), and the
// report's O(M (C + E) + U C + min(U R C, kMaxCompetitionWork)).
//
// Invariants of a result that is not rejected and not cancelled: every
// locked pair is in it; no forbidden pair (by a rule or by the request) is;
// no mentor takes more than its capacity; with the max-score objective and a
// minimum, every pair that is not locked meets it; the report's pairs and
// unmatched mentees partition the rows.
//
// Errors: InvalidArgument for invalid options, pairs, a missing model or a
// malformed score matrix; Cancelled when cancelled while scoring (a solver
// cancelled later gives status kCancelled and a partial result instead);
// Internal when a solver's result fails its check.
//
// Ownership: the input's model (and the cohort it reads) must outlive the
// call; the result owns its data and refers to rows and columns of the
// model. Determinism: the same input gives the same result, whatever the
// scoring threads.
//
// Usage:
//   absl::StatusOr<ScoringModel> model = ScoringModel::Build(cohort, policy);
//   MatchInput input{.model = &*model};
//   input.pairs.locked.push_back({.row = 0, .col = 2});
//   absl::StatusOr<MatchResult> result = SolveMatch(
//       input, {.objective = MatchObjective::kFair}, context);
//   if (!result.ok()) return result.status();
//   if (!result->issues.empty()) return Reject(result->issues);
//   for (const MatchedPair& pair : result->pairs) Show(pair);
#ifndef SOPU_ENGINE_MATCH_SOLVE_MATCH_H_
#define SOPU_ENGINE_MATCH_SOLVE_MATCH_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/match/assignment_diff.h"
#include "engine/match/match_objectives.h"
#include "engine/match/match_options.h"
#include "engine/match/match_problem.h"
#include "engine/match/match_report.h"
#include "engine/scoring/scoring_model.h"

namespace sopu {

// kSingleThreadScoringPairs: score matrices with fewer mentee x mentor pairs
// than this are computed on one thread (an OpenMP team costs more than it
// saves there, and takes cores from callers that run several matches at
// once, e.g. `sopu bench --jobs`). The scores do not depend on it.
inline constexpr std::size_t kSingleThreadScoringPairs = 100000;

struct MatchInput {
  // The scored cohort: rows are its mentees, columns its mentors (with their
  // capacities and the mentees' wish-lists). Required; borrowed.
  const ScoringModel* model = nullptr;
  // Locked, forbidden and previous pairs, in the model's rows and columns.
  MatchPairs pairs = {};
};

struct MatchResult {
  // The pair lists' problems (CheckMatchPairs). When not empty the match
  // was rejected and every other member is empty.
  std::vector<PairIssue> issues;

  MatchStatus status = MatchStatus::kOptimal;
  // Per row, the mentor column or -1.
  std::vector<int> mentor_of;
  // In row order (match_report.h).
  std::vector<MatchedPair> pairs;
  std::vector<UnmatchedMentee> unmatched;
  MatchSummary summary;
  // The objective's own figures (match_objectives.h).
  std::optional<double> fairness_cost;
  std::optional<std::int64_t> blocking_pairs;
  std::optional<double> gap_to_optimal;
  // Against the previous pairs; empty without them.
  AssignmentDiff diff;
};

[[nodiscard]] absl::StatusOr<MatchResult> SolveMatch(
    const MatchInput& input, const MatchOptions& options,
    const CallContext& context = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_MATCH_SOLVE_MATCH_H_
