// ScoreMatrix: every (mentee, mentor) pair's score and verdict.
//
// scores(r, c) in [0, 1] is the weighted mean of the policy's criteria (see
// docs/scoring.md); verdict(r, c) is kAllowed or the first rule that forbids
// the pair, in this order: self-pair, avoid-list, same organisation, hard
// criteria in policy order. Forbidden pairs keep their score (it explains what
// the pair would have scored) but solvers must not use them.
//
// Memory: 5 bytes per pair (float score + byte verdict), row-major.
#ifndef SOPU_ENGINE_SCORING_SCORE_MATRIX_H_
#define SOPU_ENGINE_SCORING_SCORE_MATRIX_H_

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sopu {

// Verdict codes of a pair.
inline constexpr std::uint8_t kAllowed = 0;
inline constexpr std::uint8_t kForbiddenSelf = 1;
inline constexpr std::uint8_t kForbiddenAvoid = 2;
inline constexpr std::uint8_t kForbiddenSameOrganisation = 3;
// Hard criterion k (index into Policy::criteria) forbids:
// kFirstCriterionVerdict + k. Policies have at most 250 criteria so every
// code fits a byte.
inline constexpr std::uint8_t kFirstCriterionVerdict = 4;
inline constexpr int kMaxCriteria = 250;

using RowMatrixXf =
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixXu8 = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic,
                                   Eigen::RowMajor>;

// ScoreMatrix owns its data; rows = mentees, cols = mentors of the model that
// made it.
struct ScoreMatrix {
  RowMatrixXf scores;
  RowMatrixXu8 verdicts;

  [[nodiscard]] int rows() const { return static_cast<int>(scores.rows()); }
  [[nodiscard]] int cols() const { return static_cast<int>(scores.cols()); }
  [[nodiscard]] bool allowed(int r, int c) const {
    return verdicts(r, c) == kAllowed;
  }
};

}  // namespace sopu

#endif  // SOPU_ENGINE_SCORING_SCORE_MATRIX_H_
