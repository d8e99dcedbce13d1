// ScoringModel: a cohort and a policy compiled into dense per-participant
// features, from which the whole score matrix (ScoreMatrix) or one pair's
// breakdown (Explain) is computed.
//
// Rows are the cohort's mentees and columns its mentors, each in cohort order
// (a participant with both roles is in both; pairing someone with themself is
// forbidden). Both paths evaluate the same formulas (docs/scoring.md): the
// matrix path in single precision and tiles, the explain path in double, so a
// matrix entry and Explain(r, c).score agree to within 1e-5 and the verdicts
// are identical (hard predicates are exact, or re-decided in double near
// their threshold).
//
// Algorithm: row tiles run on OpenMP threads; each 32-row x 512-column block
// gets one Eigen GEMM for the complement criteria (normalised goals times
// competences / 5, written straight into the score block), then one fused,
// branch-free, vectorised pass per other criterion that adds its weighted
// value and folds its hard predicate into the verdict (tile_kernels.h).
//
// Complexity, with P participants, T themes in complement criteria, R rows,
// C columns, K criteria, W bitset words of a tag field: Build
// O(P * (T + features) + R log C); ComputeMatrix O(R * C * (T + K + W)) time,
// O(R * C) memory (scores as float, verdicts as one byte each; no
// per-criterion matrix is kept); Explain O((T + K) log m) per pair (m: profile
// map sizes).
//
// Determinism: the block shape depends only on (R, C), and every score is
// accumulated in policy order, so results are bit-identical for any
// ScoringOptions (thread count, tile size) on a given build.
//
// Ownership: the model keeps a pointer to the cohort, which must outlive it,
// and a copy of the policy. Thread-safe for concurrent const use.
//
// Usage:
//   absl::StatusOr<ScoringModel> model = ScoringModel::Build(cohort, policy);
//   if (!model.ok()) return model.status();
//   ScoreMatrix m = model->ComputeMatrix({.threads = 0});
//   if (m.allowed(r, c)) use(m.scores(r, c));
//   PairExplanation why = model->Explain(r, c);
#ifndef SOPU_ENGINE_SCORING_SCORING_MODEL_H_
#define SOPU_ENGINE_SCORING_SCORING_MODEL_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/cancellation.h"
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
  double score = 0.0;                  // sum of contributions, 0..1
  std::uint8_t verdict = kAllowed;     // first rule that forbids, see Verdict
  std::vector<CriterionValue> values;  // one per criterion, policy order
  bool self = false;                   // same participant on both sides
  bool avoided = false;            // either names the other in an avoid-list
  bool same_organisation = false;  // only set when the policy forbids it
  [[nodiscard]] bool allowed() const { return verdict == kAllowed; }
};

// ScoringOptions tunes ComputeMatrix; results do not depend on them (every
// score and verdict is bit-identical for any threads and tile_rows).
struct ScoringOptions {
  // Worker threads (OpenMP); 0 = the OpenMP default (all hardware threads
  // unless OMP_NUM_THREADS says otherwise); otherwise 1..256. Never more than
  // there are tiles.
  int threads = 0;
  // Rows per tile, 1..4096: the unit of work a thread takes. Rounded up to a
  // multiple of 32, the rows of one GEMM block (32 rows x 512 columns, whose
  // scores stay in L2 while every criterion's pass runs over them).
  int tile_rows = 32;
  // When set and cancelled, the remaining tiles are skipped (within one tile
  // of work per thread); the matrix is then incomplete and the caller must
  // check the token and discard it.
  const CancellationToken* cancel = nullptr;
};

class ScoringModel {
 public:
  // Build compiles `policy` for `cohort`. InvalidArgument when the policy
  // names something the cohort cannot provide in a way validation would have
  // rejected (e.g. a complement theme not in the taxonomy); FailedPrecondition
  // when the cohort has no mentee or no mentor.
  static absl::StatusOr<ScoringModel> Build(const Cohort& cohort,
                                            const Policy& policy);

  ScoringModel(ScoringModel&& other) noexcept;
  ScoringModel& operator=(ScoringModel&& other) noexcept;
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
  // ComputeMatrix scores every (row, col) pair. Memory: the result (5 bytes
  // per pair) plus, per thread, 6 KiB of scratch and 64 KiB per hard
  // complement criterion.
  [[nodiscard]] ScoreMatrix ComputeMatrix(
      const ScoringOptions& options = {}) const;
  // ComputeMatrix into `out`, reusing its storage when it already has the
  // shape (rows, cols): repeated scoring (re-runs, benchmarks) then skips the
  // allocation and page faults of a fresh 5-bytes-per-pair matrix.
  void ComputeMatrix(const ScoringOptions& options, ScoreMatrix* out) const;
  // Explain breaks down one pair in double precision. Preconditions:
  // 0 <= row < mentees().size(), 0 <= col < mentors().size().
  [[nodiscard]] PairExplanation Explain(int row, int col) const;

 private:
  struct Features;
  explicit ScoringModel(std::unique_ptr<Features> features);
  std::unique_ptr<Features> features_;
};

}  // namespace sopu

#endif  // SOPU_ENGINE_SCORING_SCORING_MODEL_H_
