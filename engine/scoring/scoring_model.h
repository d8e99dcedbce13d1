// ScoringModel: a cohort and a policy compiled into dense per-participant
// features, from which the whole score matrix (ScoreMatrix) or one pair's
// breakdown (Explain) is computed.
//
// Rows are the cohort's mentees and columns its mentors, each in cohort order
// (a participant with both roles is in both; pairing someone with themself is
// forbidden). Both paths evaluate the same formulas (docs/scoring.md): the
// matrix path in single precision and tiles, the explain path in double, so a
// matrix entry and Explain(r, c).score agree to within 1e-5.
//
// Complexity, with P participants, T themes in complement criteria, R rows,
// C columns, K criteria: Build O(P * (T + features)); ComputeMatrix
// O(R * C * (T + K)) time, O(R * C) memory (scores as float, verdicts as one
// byte each; no per-criterion matrix is kept); Explain O(T + K) per pair.
//
// Ownership: the model keeps a pointer to the cohort, which must outlive it,
// and a copy of the policy. Thread-safe for concurrent const use.
#ifndef SOPU_ENGINE_SCORING_SCORING_MODEL_H_
#define SOPU_ENGINE_SCORING_SCORING_MODEL_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/cohort.h"
#include "engine/model/policy.h"
#include "engine/scoring/score_matrix.h"

namespace sopu {

// CriterionValue is one criterion's part of a pair's score.
struct CriterionValue {
  int criterion = 0;        // index into Policy::criteria
  double value = 0.0;       // 0..1
  double contribution = 0;  // weight * value / sum of weights
  bool holds = true;        // the kind's hard predicate (see CriterionKind)
};

// PairExplanation is the full breakdown of one (mentee, mentor) pair.
struct PairExplanation {
  double score = 0.0;  // sum of contributions, 0..1
  std::uint8_t verdict = kAllowed;  // first rule that forbids, see Verdict
  std::vector<CriterionValue> values;  // one per criterion, policy order
  bool self = false;               // same participant on both sides
  bool avoided = false;            // either names the other in an avoid-list
  bool same_organisation = false;  // only set when the policy forbids it
  [[nodiscard]] bool allowed() const { return verdict == kAllowed; }
};

// ScoringOptions tunes ComputeMatrix; results do not depend on them.
struct ScoringOptions {
  // Worker threads; 0 = all hardware threads. 1..256 otherwise.
  int threads = 0;
  // Rows per tile, 1..4096: each tile's working set should fit in L2.
  int tile_rows = 32;
};

class ScoringModel {
 public:
  // Build compiles `policy` for `cohort`. InvalidArgument when the policy
  // names something the cohort cannot provide in a way validation would have
  // rejected (e.g. a complement theme not in the taxonomy); FailedPrecondition
  // when the cohort has no mentee or no mentor.
  static absl::StatusOr<ScoringModel> Build(const Cohort& cohort,
                                            const Policy& policy);

  ScoringModel(ScoringModel&&) noexcept;
  ScoringModel& operator=(ScoringModel&&) noexcept;
  ScoringModel(const ScoringModel&) = delete;
  ScoringModel& operator=(const ScoringModel&) = delete;
  ~ScoringModel();

  // Query.
  [[nodiscard]] const Cohort& cohort() const;
  [[nodiscard]] const Policy& policy() const;
  // Participant index (into cohort().participants) of each row / column.
  [[nodiscard]] const std::vector<int>& mentees() const;
  [[nodiscard]] const std::vector<int>& mentors() const;

  // Run.
  [[nodiscard]] ScoreMatrix ComputeMatrix(const ScoringOptions& options = {}) const;
  [[nodiscard]] PairExplanation Explain(int row, int col) const;

 private:
  struct Features;
  explicit ScoringModel(std::unique_ptr<Features> features);
  std::unique_ptr<Features> features_;
};

}  // namespace sopu

#endif  // SOPU_ENGINE_SCORING_SCORING_MODEL_H_
