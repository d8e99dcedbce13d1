#include "engine/match/match_report.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/common/index.h"

namespace sopu {
namespace {

// Summarise: the summary's figures over the report's pairs, in row order.
MatchSummary Summarise(const std::vector<MatchedPair>& pairs, int rows) {
  MatchSummary summary;
  summary.mentees = rows;
  int top3 = 0;
  for (const MatchedPair& pair : pairs) {
    const double score = pair.explanation.score;
    summary.worst =
        summary.matched == 0 ? score : std::min(summary.worst, score);
    summary.total += score;
    ++summary.matched;
    top3 += pair.rank_for_mentee <= 3 ? 1 : 0;
  }
  const int matched = summary.matched;
  summary.mean = matched > 0 ? summary.total / matched : 0.0;
  summary.top3_percent = rows > 0 ? 100.0 * top3 / rows : 0.0;
  return summary;
}

}  // namespace

int RankForMentee(const ScoreMatrix& matrix,
                  const std::vector<std::uint8_t>& excluded, int row, int col) {
  int rank = 1;
  for (int other = 0; other < matrix.cols(); ++other) {
    if (matrix.allowed(row, other) &&
        excluded[At(row, other, matrix.cols())] == 0 &&
        matrix.scores(row, other) > matrix.scores(row, col)) {
      ++rank;
    }
  }
  return rank;
}

MatchReport ReportMatch(const ScoringModel& model, const ScoreMatrix& matrix,
                        const MatchProblem& problem,
                        const std::vector<int>& mentor_of,
                        const MatchOptions& options) {
  MatchReport report;
  const UnmatchedReasons reasons(matrix, problem, mentor_of, options);
  for (int r = 0; r < matrix.rows(); ++r) {
    const int c = mentor_of[Idx(r)];
    if (c < 0) {
      report.unmatched.push_back({.row = r, .reason = reasons.For(r)});
      continue;
    }
    report.pairs.push_back(
        {.row = r,
         .col = c,
         .explanation = model.Explain(r, c),
         .locked = problem.locked_col[Idx(r)] == c,
         .rank_for_mentee = RankForMentee(matrix, problem.excluded, r, c)});
  }
  report.summary = Summarise(report.pairs, matrix.rows());
  return report;
}

}  // namespace sopu
