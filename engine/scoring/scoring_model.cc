#include "engine/scoring/scoring_model.h"

#include <omp.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>

#include "absl/status/status.h"
#include "engine/scoring/feature_tables.h"
#include "engine/scoring/pair_evaluation.h"
#include "engine/scoring/tile_kernels.h"

namespace sopu {

using scoring_internal::CompiledCriterion;
using scoring_internal::FeatureTables;
using scoring_internal::PassKind;
using scoring_internal::Segment;

struct ScoringModel::Features {
  const Cohort* cohort = nullptr;
  Policy policy;
  FeatureTables tables;
};

namespace {

// kBlockRows x kChunkCols is the unit of work: one GEMM, then every pass row
// by row while the block's scores (64 KiB) stay in L2. The block shape
// depends only on the matrix shape, never on ScoringOptions, so each score is
// computed by the same instructions for any tile size or thread count.
// kBlockRows <= 32 also keeps Eigen from parallelising the GEMM itself.
constexpr int kBlockRows = 32;
constexpr int kChunkCols = 512;
constexpr int kMaxThreads = 256;
constexpr int kMaxTileRows = 4096;

// BlockMap is a block of a row-major matrix with at most kBlockRows rows.
using BlockMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic,
                                  Eigen::RowMajor, kBlockRows, Eigen::Dynamic>;
using BlockMap =
    Eigen::Map<BlockMatrix, Eigen::Unaligned, Eigen::OuterStride<>>;

// TileWorker computes blocks of one ScoreMatrix; one per thread, owning its
// scratch.
class TileWorker {
 public:
  TileWorker(const Cohort& cohort, const Policy& policy,
             const FeatureTables& tables, ScoreMatrix& out)
      : cohort_(cohort),
        policy_(policy),
        t_(tables),
        out_(out),
        verdicts_(kChunkCols),
        border_(kChunkCols),
        counts_(kChunkCols),
        coverage_(tables.coverages.size(),
                  std::vector<float>(static_cast<std::size_t>(kBlockRows) *
                                     kChunkCols)) {}

  // Block computes rows [r0, r0 + nr) for every column.
  void Block(int r0, int nr) {
    const int cols = t_.cols();
    for (int c0 = 0; c0 < cols; c0 += kChunkCols) {
      const int nc = std::min(kChunkCols, cols - c0);
      float* scores = out_.scores.data() + Offset(r0, c0);
      BlockMap dst(scores, nr, nc, Eigen::OuterStride<>(cols));
      if (t_.soft_goals.size() > 0) {
        dst.noalias() = t_.soft_goals.middleRows(r0, nr) *
                        t_.soft_competences.middleCols(c0, nc);
      } else {
        dst.setZero();
      }
      for (std::size_t h = 0; h < coverage_.size(); ++h) {
        BlockMap cov(coverage_[h].data(), nr, nc, Eigen::OuterStride<>(nc));
        cov.noalias() = t_.coverages[h].goals.middleRows(r0, nr) *
                        t_.coverages[h].competences.middleCols(c0, nc);
      }
      for (int i = 0; i < nr; ++i) {
        Segment seg;
        seg.scores = scores + static_cast<std::ptrdiff_t>(i) * cols;
        seg.verdicts = verdicts_.data();
        seg.border = border_.data();
        seg.counts = counts_.data();
        seg.n = nc;
        RowSegment(r0 + i, c0, i, seg);
        scoring_internal::FinishSegment(
            seg, out_.verdicts.data() + Offset(r0 + i, c0));
      }
    }
  }

 private:
  [[nodiscard]] std::ptrdiff_t Offset(int row, int col) const {
    return static_cast<std::ptrdiff_t>(row) * t_.cols() + col;
  }

  // RowSegment runs every pass for row `row`, columns [c0, c0 + seg.n);
  // `block_row` is the row's index in the current block.
  // It stays one function: it runs for every row of every column chunk, and
  // its switch dispatches each criterion's pass on the chunk while the
  // segment is in cache.
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): hot row loop.
  void RowSegment(int row, int c0, int block_row, const Segment& seg) {
    const auto r = static_cast<std::size_t>(row);
    const std::int32_t* col_org =
        t_.organisation_table >= 0
            ? t_.codes[static_cast<std::size_t>(t_.organisation_table)]
                      .cols.data() +
                  c0
            : nullptr;
    const std::int32_t row_org =
        t_.organisation_table >= 0
            ? t_.codes[static_cast<std::size_t>(t_.organisation_table)].rows[r]
            : -1;
    scoring_internal::OpenVerdicts(row_org, col_org, seg);
    const int c1 = c0 + seg.n;
    const auto first = t_.avoid_cols.begin() + t_.avoid_begin[r];
    const auto last = t_.avoid_cols.begin() + t_.avoid_begin[r + 1];
    for (auto it = std::lower_bound(first, last, c0); it != last && *it < c1;
         ++it) {
      float& v = seg.verdicts[*it - c0];
      v = std::min(v, static_cast<float>(kForbiddenAvoid));
    }
    const int self = t_.self_col[r];
    if (self >= c0 && self < c1) {
      seg.verdicts[self - c0] = static_cast<float>(kForbiddenSelf);
    }

    for (std::size_t k = 0; k < t_.criteria.size(); ++k) {
      const CompiledCriterion& cc = t_.criteria[k];
      const auto table = static_cast<std::size_t>(cc.table);
      const bool hard = cc.weight.hard();
      switch (cc.pass) {
        case PassKind::kSkip:
        case PassKind::kSoftComplement:
          break;
        case PassKind::kCoverage: {
          const float* coverage =
              coverage_[table].data() +
              static_cast<std::ptrdiff_t>(block_row) * seg.n;
          if (scoring_internal::CoveragePass(coverage, cc.min_coverage,
                                             cc.weight, seg)) {
            Recheck(k, row, c0, seg);
          }
          break;
        }
        case PassKind::kCategorical: {
          const std::int32_t code = t_.codes[table].rows[r];
          if (code < 0) {
            if (hard) scoring_internal::ForbidAll(cc.weight.code, seg);
          } else {
            scoring_internal::CategoricalPass(cc.different, code,
                                              t_.codes[table].cols.data() + c0,
                                              cc.weight, seg);
          }
          break;
        }
        case PassKind::kOverlap: {
          const scoring_internal::TagTable& tags = t_.tags[table];
          scoring_internal::OverlapParams p = cc.overlap;
          p.row_words =
              tags.rows.data() + r * static_cast<std::size_t>(tags.words);
          p.col_words = tags.cols.data() + c0;
          p.word_stride = t_.cols();
          p.words = tags.words;
          if (std::all_of(p.row_words, p.row_words + p.words,
                          [](std::uint32_t w) { return w == 0; })) {
            // No tags: shared = 0 < minimum for every column.
            if (hard) scoring_internal::ForbidAll(cc.weight.code, seg);
          } else {
            scoring_internal::OverlapPass(p, cc.weight, seg);
          }
          break;
        }
        case PassKind::kGeo: {
          const scoring_internal::GeoTable& geo = t_.geo;
          if (geo.row_valid[r] == 0) {
            if (hard) scoring_internal::ForbidAll(cc.weight.code, seg);
            break;
          }
          scoring_internal::GeoParams p = cc.geo;
          p.row_x = geo.row_x[r];
          p.row_y = geo.row_y[r];
          p.row_z = geo.row_z[r];
          p.col_x = geo.col_x.data() + c0;
          p.col_y = geo.col_y.data() + c0;
          p.col_z = geo.col_z.data() + c0;
          p.col_valid = geo.col_valid.data() + c0;
          if (scoring_internal::GeoPass(p, cc.weight, seg)) {
            Recheck(k, row, c0, seg);
          }
          break;
        }
        case PassKind::kGap: {
          const scoring_internal::NumberTable& numbers = t_.numbers[table];
          if (std::isnan(numbers.rows[r])) {
            if (hard) scoring_internal::ForbidAll(cc.weight.code, seg);
            break;
          }
          const std::int32_t* ranges =
              t_.gap_ranges[static_cast<std::size_t>(cc.gap_ranges)].data() +
              4 * r;
          scoring_internal::GapParams p = cc.gap;
          p.col_rank = numbers.col_rank.data() + c0;
          p.col_value = numbers.col_value.data() + c0;
          p.row_value = numbers.row_value[r];
          p.first = ranges[0];
          p.first_count = ranges[1];
          p.second = ranges[2];
          p.second_count = ranges[3];
          scoring_internal::GapPass(p, cc.weight, seg);
          break;
        }
      }
    }
  }

  // Recheck decides the flagged pairs of criterion k in double precision.
  void Recheck(std::size_t k, int row, int c0, const Segment& seg) const {
    const Criterion& criterion = policy_.criteria[k];
    const Participant& mentee = cohort_.participants[static_cast<std::size_t>(
        t_.mentees[static_cast<std::size_t>(row)])];
    for (int c = 0; c < seg.n; ++c) {
      if (seg.border[c] == 0) continue;
      const std::size_t col =
          static_cast<std::size_t>(c0) + static_cast<std::size_t>(c);
      const Participant& mentor =
          cohort_.participants[static_cast<std::size_t>(t_.mentors[col])];
      const scoring_internal::Outcome outcome =
          scoring_internal::EvaluateCriterion(criterion, t_.themes[k], mentee,
                                              mentor);
      if (!outcome.holds) {
        seg.verdicts[c] = std::min(
            seg.verdicts[c], static_cast<float>(t_.criteria[k].weight.code));
      }
    }
  }

  const Cohort& cohort_;
  const Policy& policy_;
  const FeatureTables& t_;
  ScoreMatrix& out_;
  std::vector<float> verdicts_;
  std::vector<std::int32_t> border_;
  std::vector<std::int32_t> counts_;
  std::vector<std::vector<float>> coverage_;  // per hard complement
};

}  // namespace

absl::StatusOr<ScoringModel> ScoringModel::Build(const Cohort& cohort,
                                                 const Policy& policy) {
  if (absl::Status status = scoring_internal::CheckPolicy(cohort, policy);
      !status.ok()) {
    return status;
  }
  const auto has = [&](RoleBit role) {
    return std::any_of(cohort.participants.begin(), cohort.participants.end(),
                       [role](const Participant& p) { return p.Has(role); });
  };
  if (!has(kRoleMentee)) {
    return absl::FailedPreconditionError("cohort has no mentee");
  }
  if (!has(kRoleMentor)) {
    return absl::FailedPreconditionError("cohort has no mentor");
  }
  auto features = std::make_unique<Features>();
  features->cohort = &cohort;
  features->policy = policy;
  features->tables = scoring_internal::CompileFeatures(cohort, policy);
  return ScoringModel(std::move(features));
}

ScoringModel::ScoringModel(std::unique_ptr<Features> features)
    : features_(std::move(features)) {}
ScoringModel::ScoringModel(ScoringModel&&) noexcept = default;
ScoringModel& ScoringModel::operator=(ScoringModel&&) noexcept = default;
ScoringModel::~ScoringModel() = default;

const Cohort& ScoringModel::cohort() const { return *features_->cohort; }
const Policy& ScoringModel::policy() const { return features_->policy; }
const std::vector<int>& ScoringModel::mentees() const {
  return features_->tables.mentees;
}
const std::vector<int>& ScoringModel::mentors() const {
  return features_->tables.mentors;
}

ScoreMatrix ScoringModel::ComputeMatrix(const ScoringOptions& options) const {
  ScoreMatrix out;
  ComputeMatrix(options, &out);
  return out;
}

void ScoringModel::ComputeMatrix(const ScoringOptions& options,
                                 ScoreMatrix* out) const {
  const FeatureTables& t = features_->tables;
  const int rows = t.rows();
  const int cols = t.cols();
  if (out->scores.rows() != rows || out->scores.cols() != cols) {
    out->scores.resize(rows, cols);
  }
  if (out->verdicts.rows() != rows || out->verdicts.cols() != cols) {
    out->verdicts.resize(rows, cols);
  }
  const int tile_rows = std::clamp(options.tile_rows, 1, kMaxTileRows);
  const int blocks_per_tile = (tile_rows + kBlockRows - 1) / kBlockRows;
  const int blocks = (rows + kBlockRows - 1) / kBlockRows;
  const int tiles = (blocks + blocks_per_tile - 1) / blocks_per_tile;
  const int requested = options.threads > 0
                            ? std::min(options.threads, kMaxThreads)
                            : omp_get_max_threads();
  // NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): read by num_threads.
  const int threads = std::max(1, std::min(requested, tiles));

#pragma omp parallel num_threads(threads)
  {
    TileWorker worker(*features_->cohort, features_->policy, t, *out);
#pragma omp for schedule(dynamic, 1)
    for (int tile = 0; tile < tiles; ++tile) {
      // OpenMP cannot leave a worksharing loop early: skip what is left.
      if (options.cancel != nullptr && options.cancel->cancelled()) continue;
      const int first = tile * blocks_per_tile;
      const int last = std::min(blocks, first + blocks_per_tile);
      for (int b = first; b < last; ++b) {
        const int r0 = b * kBlockRows;
        worker.Block(r0, std::min(kBlockRows, rows - r0));
      }
    }
  }
}

PairExplanation ScoringModel::Explain(int row, int col) const {
  const FeatureTables& t = features_->tables;
  const Policy& policy = features_->policy;
  assert(row >= 0 && row < t.rows() && col >= 0 && col < t.cols());
  const int a_index = t.mentees[static_cast<std::size_t>(row)];
  const int b_index = t.mentors[static_cast<std::size_t>(col)];
  const Participant& mentee =
      features_->cohort->participants[static_cast<std::size_t>(a_index)];
  const Participant& mentor =
      features_->cohort->participants[static_cast<std::size_t>(b_index)];

  PairExplanation e;
  e.values.reserve(policy.criteria.size());
  double score = 0.0;
  int first_failing = -1;
  for (std::size_t k = 0; k < policy.criteria.size(); ++k) {
    const Criterion& criterion = policy.criteria[k];
    const scoring_internal::Outcome outcome =
        scoring_internal::EvaluateCriterion(criterion, t.themes[k], mentee,
                                            mentor);
    CriterionValue value;
    value.criterion = static_cast<int>(k);
    value.value = outcome.value;
    value.contribution = t.criteria[k].weight_fraction * outcome.value;
    value.holds = outcome.holds;
    score += value.contribution;
    if (criterion.hard && !outcome.holds && first_failing < 0) {
      first_failing = static_cast<int>(k);
    }
    e.values.push_back(value);
  }
  e.score = std::clamp(score, 0.0, 1.0);
  e.self = a_index == b_index;
  e.avoided = scoring_internal::Avoids(mentee, mentor.id) ||
              scoring_internal::Avoids(mentor, mentee.id);
  e.same_organisation = policy.forbid_same_organisation &&
                        scoring_internal::SameOrganisation(
                            mentee, mentor, policy.organisation_attribute);
  if (e.self) {
    e.verdict = kForbiddenSelf;
  } else if (e.avoided && policy.honour_avoid_lists) {
    e.verdict = kForbiddenAvoid;
  } else if (e.same_organisation) {
    e.verdict = kForbiddenSameOrganisation;
  } else if (first_failing >= 0) {
    e.verdict =
        static_cast<std::uint8_t>(kFirstCriterionVerdict + first_failing);
  } else {
    e.verdict = kAllowed;
  }
  return e;
}

}  // namespace sopu
