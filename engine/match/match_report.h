// ReportMatch: the figures staff look at first, for a final assignment —
// every matched pair with its explanation, whether it was locked and where
// the mentor stands among the mentee's options; every unmatched mentee with
// its reason (unmatched_reasons.h); the summary.
//
// Definitions, for the R mentees (rows) of `matrix`:
//   score           ScoringModel::Explain(r, c).score, the double-precision
//                   policy score (no continuity bonus);
//   rank_for_mentee 1 + the mentors c' the policy allows and the request does
//                   not forbid with matrix score s(r, c') > s(r, c);
//   total           the matched pairs' scores summed in row order; mean =
//                   total / matched (0 when none); worst = their minimum (0
//                   when none);
//   top3_percent    100 * (matched mentees with rank <= 3) / R (0 when R = 0;
//                   unmatched mentees count as not).
//
// Complexity: O(M (C + E) + U C + min(U R C, kMaxCompetitionWork)) for M
// matched and U unmatched mentees, C mentors, and E the cost of one Explain
// (scoring_model.h).
//
// Invariants: pairs and unmatched are in row order and partition the rows;
// summary.matched = pairs.size(); summary.mentees = R.
//
// Usage:
//   MatchReport report =
//       ReportMatch(model, matrix, problem, objective.mentor_of, options);
#ifndef SOPU_ENGINE_MATCH_MATCH_REPORT_H_
#define SOPU_ENGINE_MATCH_MATCH_REPORT_H_

#include <cstdint>
#include <vector>

#include "engine/match/match_options.h"
#include "engine/match/match_problem.h"
#include "engine/match/unmatched_reasons.h"
#include "engine/scoring/score_matrix.h"
#include "engine/scoring/scoring_model.h"

namespace sopu {

struct MatchedPair {
  int row = 0;
  int col = 0;
  PairExplanation explanation;  // its score is the reported score
  bool locked = false;
  int rank_for_mentee = 1;
};

struct UnmatchedMentee {
  int row = 0;
  UnmatchedReason reason;
};

struct MatchSummary {
  int mentees = 0;
  int matched = 0;
  double total = 0.0;
  double mean = 0.0;
  double worst = 0.0;
  double top3_percent = 0.0;
};

struct MatchReport {
  std::vector<MatchedPair> pairs;
  std::vector<UnmatchedMentee> unmatched;
  MatchSummary summary;
};

// RankForMentee: rank_for_mentee of pair (row, col) (definition above);
// `excluded` is the request's forbidden pairs, row-major.
[[nodiscard]] int RankForMentee(const ScoreMatrix& matrix,
                                const std::vector<std::uint8_t>& excluded,
                                int row, int col);

// ReportMatch: `matrix` is `model`'s score matrix, `problem` built from it
// with `options`, `mentor_of` the final assignment (locked rows included).
[[nodiscard]] MatchReport ReportMatch(const ScoringModel& model,
                                      const ScoreMatrix& matrix,
                                      const MatchProblem& problem,
                                      const std::vector<int>& mentor_of,
                                      const MatchOptions& options);

}  // namespace sopu

#endif  // SOPU_ENGINE_MATCH_MATCH_REPORT_H_
