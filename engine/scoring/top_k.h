// TopK: the k best allowed columns of every row of a ScoreMatrix.
//
// Order: higher score first; equal scores by lower column index, so the
// result is deterministic. Forbidden pairs never appear. Complexity
// O(R * C * log k) time, O(R * k) extra memory.
#ifndef SOPU_ENGINE_SCORING_TOP_K_H_
#define SOPU_ENGINE_SCORING_TOP_K_H_

#include <vector>

#include "engine/scoring/score_matrix.h"

namespace sopu {

struct RankedColumn {
  int col = 0;
  float score = 0.0F;
};

// TopKPerRow returns, for each row, up to `k` (>= 1) allowed columns, best
// first.
[[nodiscard]] std::vector<std::vector<RankedColumn>> TopKPerRow(
    const ScoreMatrix& matrix, int k);

// AllowedCount returns how many columns of `row` are allowed.
[[nodiscard]] int AllowedCount(const ScoreMatrix& matrix, int row);

}  // namespace sopu

#endif  // SOPU_ENGINE_SCORING_TOP_K_H_
