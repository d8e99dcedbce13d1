// Pool scores: one pool of people (peers, or the members to be grouped)
// scored against each other. The scoring model is two-sided (mentees x
// mentors), so the pool's members become both its mentees and its mentors, in
// the same order: row i and column i are the same person, and the pair
// (a, b) is scored both ways, a as mentee of b and b as mentee of a.
//
// A pair's affinity is the mean of its two directions, and it is allowed when
// the policy allows both directions (a hard criterion, an avoid-list or the
// same organisation forbids either way). A pair's explanation is the mean of
// the two directions' explanations, criterion by criterion.
//
// Complexity: PoolCohort O(P) copies of the participants (P in the cohort);
// MakePoolAffinity O(n^2) for n members; ExplainBothWays two
// ScoringModel::Explain calls.
//
// Usage (what FormGroups, peer pairs and ExplainGroup do):
//   const Cohort pool = PoolCohort(cohort, kRolePeer);
//   absl::StatusOr<ScoringModel> model = ScoringModel::Build(pool, policy);
//   if (!model.ok()) return model.status();  // e.g. an empty pool
//   const PoolAffinity affinity = MakePoolAffinity(model->ComputeMatrix());
//   // affinity.score[At(a, b, n)], affinity.allowed[At(a, b, n)]
//   const PairExplanation why = ExplainBothWays(*model, a, b);
#ifndef SOPU_ENGINE_SCORING_POOL_SCORES_H_
#define SOPU_ENGINE_SCORING_POOL_SCORES_H_

#include <cstdint>
#include <vector>

#include "engine/model/cohort.h"
#include "engine/scoring/score_matrix.h"
#include "engine/scoring/scoring_model.h"

namespace sopu {

// PoolCohort keeps the participants with `role`, in cohort order, each with
// the roles mentee, mentor and `role`, so that the score model's rows and
// columns are the same people in the same order. Program and themes are
// copied; the result owns its participants.
[[nodiscard]] Cohort PoolCohort(const Cohort& cohort, RoleBit role);

// PoolAffinity: row-major size x size. score is the mean of both directions
// (symmetric by construction: the same two floats summed either way, in
// double); allowed is 1 when both directions are allowed. The diagonal holds
// the self-pair (never allowed).
struct PoolAffinity {
  int size = 0;
  std::vector<double> score;
  std::vector<std::uint8_t> allowed;
};

// MakePoolAffinity: the pool affinity of a square matrix whose rows and
// columns are the same people (a PoolCohort's model). O(n^2).
[[nodiscard]] PoolAffinity MakePoolAffinity(const ScoreMatrix& matrix);

// ExplainBothWays averages the explanations of (a as mentee, b as mentor)
// and (b as mentee, a as mentor): score, and each criterion's value and
// contribution. Verdict, holds and flags are those of the first direction.
// Preconditions: a and b index the model's rows (a PoolCohort's model).
[[nodiscard]] PairExplanation ExplainBothWays(const ScoringModel& model, int a,
                                              int b);

}  // namespace sopu

#endif  // SOPU_ENGINE_SCORING_POOL_SCORES_H_
