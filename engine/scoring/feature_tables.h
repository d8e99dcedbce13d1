// FeatureTables: a cohort and a policy compiled into dense per-row (mentee)
// and per-column (mentor) arrays that the tile kernels (tile_kernels.h) read.
//
//   complement   soft criteria: one goal matrix G (rows x sum of their theme
//                counts; goals / goal sum, times weight / weight sum) and one
//                competence matrix C^T / 5 (themes x cols), so a single GEMM
//                gives their whole contribution; each hard criterion gets
//                its own unscaled pair (its coverage is needed for the rule).
//   categorical  int32 codes per field (-1 = missing), shared by similar,
//                different, same municipality / region and the
//                organisation rule.
//   tag sets     uint32 bitsets over the field's vocabulary (duplicates
//                collapse); columns word-major for contiguous loads.
//   numbers      per field: ranks of the column values (the gap predicate is
//                a rank-range test precomputed per row, exact as in double)
//                and values centred on their mean in float.
//   geo          unit vectors minus their mean, in float; a missing location
//                is flagged invalid and placed at kFarAway on every axis.
//   pair rules   the column of the same participant per row; avoid-lists as
//                sorted column lists per row (both directions).
//
// Complexity: O(P * (T + F) + A + R log C) time, O(P * (T + F) + A) memory,
// with P participants, T themes over complement criteria, F other features,
// A avoid entries, R rows, C columns (gap rank ranges: binary searches).
// Ownership: the tables own their arrays and point to nothing.
#ifndef SOPU_ENGINE_SCORING_FEATURE_TABLES_H_
#define SOPU_ENGINE_SCORING_FEATURE_TABLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/cohort.h"
#include "engine/model/policy.h"
#include "engine/scoring/score_matrix.h"
#include "engine/scoring/tile_kernels.h"

namespace sopu::scoring_internal {

// PassKind is how ComputeMatrix evaluates one criterion.
enum class PassKind {
  kSkip,            // weight 0 and soft: contributes nothing
  kSoftComplement,  // folded into the shared GEMM
  kCoverage,        // hard complement: own GEMM + CoveragePass
  kCategorical,
  kOverlap,
  kGeo,
  kGap,
};

// CompiledCriterion is one criterion's pass and parameters.
struct CompiledCriterion {
  PassKind pass = PassKind::kSkip;
  PassWeight weight;  // weight / weight sum, and verdict code when hard
  double weight_fraction = 0.0;  // same in double, for Explain
  int table = -1;       // codes / tags / numbers / coverages index, by kind
  int gap_ranges = -1;  // gap: index into FeatureTables::gap_ranges
  bool different = false;
  float min_coverage = 0.0F;
  OverlapParams overlap;  // row_words / col_words filled per segment
  GeoParams geo;          // row and column pointers filled per segment
  GapParams gap;          // row and col filled per segment
};

struct CodeTable {
  std::vector<std::int32_t> rows;
  std::vector<std::int32_t> cols;
};

struct TagTable {
  int words = 0;
  std::vector<std::uint32_t> rows;  // rows x words
  std::vector<std::uint32_t> cols;  // words x cols (word-major)
};

// NumberTable: a number per row (NaN = missing, for the exact gap ranges),
// the columns' distinct values in ascending order with each column's rank in
// them (-1 = missing), and every value centred on the mean in float (0 when
// missing) for the gap's value.
struct NumberTable {
  std::vector<double> rows;
  std::vector<double> levels;
  std::vector<std::int32_t> col_rank;
  std::vector<float> row_value;
  std::vector<float> col_value;
};

struct GeoTable {
  std::vector<float> row_x, row_y, row_z;
  std::vector<std::uint8_t> row_valid;
  std::vector<float> col_x, col_y, col_z;
  std::vector<float> col_valid;  // 1 or 0
};

struct CoverageTable {
  RowMatrixXf goals;        // rows x T: goal / goal sum
  RowMatrixXf competences;  // T x cols: competence / 5
};

// FeatureTables is everything ComputeMatrix and Explain need besides the
// cohort itself.
struct FeatureTables {
  std::vector<int> mentees;  // participant index of each row
  std::vector<int> mentors;  // participant index of each column
  std::vector<std::vector<std::string>> themes;  // per criterion (complement)
  std::vector<CompiledCriterion> criteria;       // policy order
  double weight_sum = 0.0;

  RowMatrixXf soft_goals;  // empty when no soft complement weighs
  RowMatrixXf soft_competences;
  std::vector<CoverageTable> coverages;
  std::vector<CodeTable> codes;
  std::vector<TagTable> tags;
  std::vector<NumberTable> numbers;
  // Per gap criterion, per row: {first, first_count, second, second_count},
  // the rank ranges of the column values inside the wanted gap.
  std::vector<std::vector<std::int32_t>> gap_ranges;
  GeoTable geo;

  int organisation_table = -1;   // codes index when the policy forbids
  std::vector<int> self_col;     // per row: column of the same person or -1
  std::vector<int> avoid_begin;  // rows + 1 offsets into avoid_cols
  std::vector<int> avoid_cols;   // sorted per row

  [[nodiscard]] int rows() const { return static_cast<int>(mentees.size()); }
  [[nodiscard]] int cols() const { return static_cast<int>(mentors.size()); }
};

// CheckPolicy returns InvalidArgument for a policy validation should have
// rejected, naming the criterion index and field; OK otherwise.
[[nodiscard]] absl::Status CheckPolicy(const Cohort& cohort,
                                       const Policy& policy);

// CompileFeatures builds the tables. Preconditions: CheckPolicy is OK and the
// cohort has at least one mentee and one mentor.
[[nodiscard]] FeatureTables CompileFeatures(const Cohort& cohort,
                                            const Policy& policy);

}  // namespace sopu::scoring_internal

#endif  // SOPU_ENGINE_SCORING_FEATURE_TABLES_H_
