// Scoring one pool of people against each other (peer pairs, groups): the
// pool's members become both the score model's mentees and its mentors, in
// the same order, and a pair's affinity is the mean of its two directions.
#ifndef SOPU_SERVICE_HANDLERS_POOL_SCORES_H_
#define SOPU_SERVICE_HANDLERS_POOL_SCORES_H_

#include <cstdint>
#include <vector>

#include "engine/model/cohort.h"
#include "engine/scoring/score_matrix.h"
#include "engine/scoring/scoring_model.h"

namespace sopu::service {

// PoolCohort keeps the participants with `role`, each as both mentee and
// mentor, so that the score model's rows and columns are the same people in
// the same order.
[[nodiscard]] sopu::Cohort PoolCohort(const sopu::Cohort& cohort, RoleBit role);

// PoolAffinity: row-major n x n mean of both directions (symmetric by
// construction: the same two floats summed either way), and whether both
// directions are allowed. O(n^2).
struct PoolAffinity {
  int size = 0;
  std::vector<double> score;
  std::vector<std::uint8_t> allowed;
};
[[nodiscard]] PoolAffinity MakePoolAffinity(const ScoreMatrix& matrix);

// ExplainBothWays averages the two directions' explanations of a pair.
[[nodiscard]] PairExplanation ExplainBothWays(const ScoringModel& model, int a,
                                              int b);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_POOL_SCORES_H_
