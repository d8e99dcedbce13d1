#include "engine/scoring/mentor_ranking.h"

#include <vector>

#include "engine/common/index.h"
#include "engine/scoring/top_k.h"

namespace sopu {

absl::StatusOr<MentorRanking> RankMentors(const ScoringModel& model, int k,
                                          const CallContext& context) {
  if (k < 1) return absl::InvalidArgumentError("k must be at least 1");
  const ScoreMatrix matrix = model.ComputeMatrix({.cancel = context.cancel});
  if (context.cancelled()) {
    return absl::CancelledError("scoring was cancelled");
  }
  const std::vector<std::vector<RankedColumn>> top = TopKPerRow(matrix, k);
  MentorRanking out;
  out.mentors = matrix.cols();
  out.rows.resize(Idx(matrix.rows()));
  double best_sum = 0.0;
  for (int r = 0; r < matrix.rows(); ++r) {
    RankedMentors& row = out.rows[Idx(r)];
    row.allowed = AllowedCount(matrix, r);
    out.allowed_pairs += row.allowed;
    for (const RankedColumn& ranked : top[Idx(r)]) {
      row.top.push_back({ranked.col, model.Explain(r, ranked.col)});
    }
    if (row.top.empty()) {
      ++out.mentees_without_mentor;
    } else {
      best_sum += row.top.front().explanation.score;
    }
  }
  const int with_mentor = matrix.rows() - out.mentees_without_mentor;
  out.mean_best_score = with_mentor > 0 ? best_sum / with_mentor : 0.0;
  return out;
}

}  // namespace sopu
