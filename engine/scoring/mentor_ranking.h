// RankMentors: the score workflow — every mentee's best allowed mentors,
// each explained, and the figures of the whole cohort.
//
// Steps: the full score matrix (ScoringModel::ComputeMatrix, cancellable);
// the top k allowed mentors of each mentee (TopKPerRow: higher score first,
// ties by lower column); each listed pair explained in double precision
// (ScoringModel::Explain); per mentee the count of allowed mentors.
// A mentee with no allowed mentor gets an empty list; the caller explains
// the exclusion (which rules, how many mentors) in its own words.
//
// Complexity: O(R C (T + K)) for the matrix, O(R C log k) for the lists and
// O(R k (T + K)) for the explanations; memory O(R C) for the matrix.
//
// Invariants: rows are the model's mentees in order; each list holds at most
// k allowed mentors, best first, and `explanation.score` is the pair's
// score; allowed_pairs is the sum of the rows' allowed counts.
// mean_best_score is the mean of the first list entries over the mentees
// that have one (0 when none has), summed in row order.
//
// Usage:
//   absl::StatusOr<MentorRanking> r = RankMentors(*model, 5, context);
//   if (!r.ok()) return r.status();  // CANCELLED, or k out of range
//   for (const RankedMentors& row : r->rows) Show(row.top);
#ifndef SOPU_ENGINE_SCORING_MENTOR_RANKING_H_
#define SOPU_ENGINE_SCORING_MENTOR_RANKING_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/scoring/scoring_model.h"

namespace sopu {

struct RankedMentor {
  int col = 0;  // the mentor's column in the model
  PairExplanation explanation;
};

struct RankedMentors {
  int allowed = 0;  // mentors the policy allows for this mentee
  std::vector<RankedMentor> top;
};

struct MentorRanking {
  std::vector<RankedMentors> rows;
  int mentors = 0;
  std::int64_t allowed_pairs = 0;
  int mentees_without_mentor = 0;
  double mean_best_score = 0.0;
};

// RankMentors: InvalidArgument when k < 1; Cancelled when the context was
// cancelled while scoring.
[[nodiscard]] absl::StatusOr<MentorRanking> RankMentors(
    const ScoringModel& model, int k, const CallContext& context = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_SCORING_MENTOR_RANKING_H_
