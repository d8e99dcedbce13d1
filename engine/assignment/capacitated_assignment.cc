// SolveCapacitatedAssignment reduces both objectives to one min-cost problem
// in which every row is matched, and hands it to SapCore (sap_core.h).
//
// Internal problem (also the certificate's convention): rows i, the mentor
// columns j with capacity[j] > 0, and one extra "unmatched" slot column.
// Pair costs are c_ij = -s_ij on allowed pairs (with kMaxScore, also
// s_ij >= min_score); the slot costs 0 (an unmatched row scores 0) and holds
//   kMaxScore:                 rows          (any row may stay unmatched),
//   kMaxCardinalityThenScore:  rows - F      (F = maximum cardinality).
// Every row is matched to a column or the slot. With the lexicographic
// objective exactly F rows then use real pairs (no more exist, and the slot
// takes at most rows - F), so the minimum cost is the best total among
// maximum-cardinality assignments — no big-M constant, so nothing is lost to
// rounding. F comes from MaxCardinality when some pair is not allowed, else
// it is min(rows, sum of capacities).
//
// Exactness: when every allowed score is an integer and
// (rows + cols + 2) * (score range) < 2^24, the problem is solved in int32
// arithmetic (exact; SapCore verifies its potentials stay below 2^25 and we
// fall back to double otherwise), with the costs stored as
//   int16 -s_ij, converted in the same pass that scans the scores, when
//     every pair is usable and every |s_ij| <= 32766 (the common case);
//   int16 smax - s_ij when the range is at most 32766, else int32.
// Otherwise the same algorithm runs in double on smax - s_ij. A constant
// added to every cost changes no step of the algorithm, only the duals.
//
// Certificate (row_potential u, col_potential v with cols + 1 entries, the
// last for the slot): v_j <= 0; v_j = 0 for a column (or the slot) with
// room; u_i + v_j <= c_ij on allowed pairs and u_i + v_slot <= 0 (when the
// slot has capacity); equality on every used pair and, for an unmatched row,
// u_i + v_slot = 0. This is LP duality for the transportation problem
// above. For the lexicographic objective, the absence of an augmenting path
// proves `matched` = F. CheckAssignmentCertificate checks all of it.
#include "engine/assignment/capacitated_assignment.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/assignment/sap_cardinality.h"
#include "engine/assignment/sap_core.h"

namespace sopu {
namespace {

using assignment_internal::AllowedGraph;
using assignment_internal::HasAugmentingPath;
using assignment_internal::MaxCardinality;
using assignment_internal::SapCore;
using assignment_internal::SapOutcome;
using assignment_internal::SapTraits;

// ValidateShape: sizes and capacities (cheap; the scores are checked by
// FirstNonFinite).
absl::Status ValidateShape(const AssignmentProblem& p) {
  if (p.rows < 0 || p.cols < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "rows, cols: ", p.rows, " x ", p.cols, " has a negative size"));
  }
  const std::size_t cells = static_cast<std::size_t>(p.rows) * p.cols;
  if (p.scores.size() != cells) {
    return absl::InvalidArgumentError(
        absl::StrCat("scores: ", p.scores.size(), " entries, expected ", cells,
                     " (", p.rows, " x ", p.cols, ")"));
  }
  if (!p.forbidden.empty() && p.forbidden.size() != cells) {
    return absl::InvalidArgumentError(absl::StrCat(
        "forbidden: ", p.forbidden.size(), " entries, expected 0 or ", cells));
  }
  if (p.capacity.size() != static_cast<std::size_t>(p.cols)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "capacity: ", p.capacity.size(), " entries, expected ", p.cols));
  }
  for (int j = 0; j < p.cols; ++j) {
    if (p.capacity[static_cast<std::size_t>(j)] < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "capacity[", j, "]: ", p.capacity[static_cast<std::size_t>(j)],
          " is negative"));
    }
  }
  return absl::OkStatus();
}

// FirstNonFinite: the error for the first allowed non-finite score, if any.
absl::Status FirstNonFinite(const AssignmentProblem& p) {
  for (int i = 0; i < p.rows; ++i) {
    for (int j = 0; j < p.cols; ++j) {
      if (p.allowed(i, j) && !std::isfinite(p.score(i, j))) {
        return absl::InvalidArgumentError(
            absl::StrCat("scores[", i, "][", j, "]: not a finite number"));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateMinScore(const AssignmentOptions& options) {
  if (options.min_score.has_value() && std::isnan(*options.min_score)) {
    return absl::InvalidArgumentError("min_score: not a number");
  }
  return absl::OkStatus();
}

// Validate: every check, in the order SolveCapacitatedAssignment reports.
absl::Status Validate(const AssignmentProblem& p,
                      const AssignmentOptions& options) {
  if (absl::Status status = ValidateShape(p); !status.ok()) return status;
  if (absl::Status status = FirstNonFinite(p); !status.ok()) return status;
  return ValidateMinScore(options);
}

// Usable: whether pair (i, j) may be used under `options`.
bool Usable(const AssignmentProblem& p, const AssignmentOptions& options, int i,
            int j) {
  return p.allowed(i, j) && MeetsMinScore(options, p.score(i, j));
}

std::vector<std::uint8_t> UsableMask(const AssignmentProblem& p,
                                     const AssignmentOptions& options) {
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(p.rows) * p.cols);
  for (int i = 0; i < p.rows; ++i) {
    for (int j = 0; j < p.cols; ++j) {
      mask[static_cast<std::size_t>(i) * p.cols + j] =
          Usable(p, options, i, j) ? 1 : 0;
    }
  }
  return mask;
}

// EveryPairUsable: nothing is forbidden and no minimum score applies.
bool EveryPairUsable(const AssignmentProblem& p,
                     const AssignmentOptions& options) {
  return p.forbidden.empty() &&
         (options.objective != AssignmentObjective::kMaxScore ||
          !options.min_score.has_value());
}

// ScoreStats: the range of the usable scores (always including 0, the
// slot's score), whether they are all integers, and whether every pair is
// usable. `finite` is false when some allowed score is not finite (then the
// rest is meaningless).
struct ScoreStats {
  bool finite = true;
  bool integral = true;
  bool all_usable = true;
  double smin = 0.0;
  double smax = 0.0;
};

// kIntegralMagic: for 0 <= a < 2^52, (a + 2^52) - 2^52 rounds a to an
// integer, so it equals a iff a is one (for larger a the test may fail,
// which only sends the instance to the double path).
constexpr double kIntegralMagic = 4503599627370496.0;  // 2^52

// ScanScores: ScoreStats in one pass; the common case (every pair usable)
// runs a branch-free loop over the contiguous scores that vectorises.
ScoreStats ScanScores(const AssignmentProblem& p,
                      const AssignmentOptions& options) {
  ScoreStats st;
  if (EveryPairUsable(p, options)) {
    const double* s = p.scores.data();
    const std::size_t n = p.scores.size();
    double smin = 0.0;
    double smax = 0.0;
    bool finite = true;
    bool integral = true;
    for (std::size_t k = 0; k < n; ++k) {
      const double x = s[k];
      finite &= (x - x) == 0.0;  // false for +-inf and NaN
      const double a = std::abs(x);
      integral &= ((a + kIntegralMagic) - kIntegralMagic) == a;
      smin = x < smin ? x : smin;
      smax = x > smax ? x : smax;
    }
    st.finite = finite;
    st.integral = integral;
    st.smin = smin;
    st.smax = smax;
    return st;
  }
  if (!FirstNonFinite(p).ok()) {
    st.finite = false;
    return st;
  }
  for (int i = 0; i < p.rows; ++i) {
    for (int j = 0; j < p.cols; ++j) {
      if (!Usable(p, options, i, j)) {
        st.all_usable = false;
        continue;
      }
      const double x = p.score(i, j);
      st.smax = std::max(st.smax, x);
      st.smin = std::min(st.smin, x);
      st.integral = st.integral && x == std::floor(x);
    }
  }
  return st;
}

// Internal: the extended problem's shape (see the file comment).
struct Internal {
  std::vector<int> column;    // internal column -> problem column, -1 = slot
  std::vector<int> capacity;  // per internal column
  bool all_usable = false;    // every pair usable (ScoreStats::all_usable)

  // Identity: internal column k is problem column k for k < cols (no
  // zero-capacity column), every pair usable.
  [[nodiscard]] bool Identity(int cols) const {
    return all_usable && !column.empty() &&
           static_cast<int>(column.size()) - (column.back() < 0 ? 1 : 0) ==
               cols;
  }
};

// MakeInternal: the mentor columns with capacity > 0 and, when it holds
// rows, the slot. `all_usable`: every pair usable (then F needs no search).
Internal MakeInternal(const AssignmentProblem& p,
                      const AssignmentOptions& options, bool all_usable) {
  Internal in;
  in.all_usable = all_usable;
  std::int64_t total_capacity = 0;
  for (int j = 0; j < p.cols; ++j) {
    const int cap = p.capacity[static_cast<std::size_t>(j)];
    if (cap == 0) continue;
    in.column.push_back(j);
    in.capacity.push_back(cap);
    total_capacity += cap;
  }
  int slot = p.rows;
  if (options.objective != AssignmentObjective::kMaxScore) {
    int most = 0;
    if (all_usable) {
      most = static_cast<int>(std::min<std::int64_t>(p.rows, total_capacity));
    } else {
      const std::vector<std::uint8_t> mask = UsableMask(p, options);
      most = MaxCardinality(
          AllowedGraph{p.rows, p.cols, mask.data(), p.capacity.data()});
    }
    slot = p.rows - most;
  }
  if (slot > 0) {
    in.column.push_back(-1);
    in.capacity.push_back(slot);
  }
  return in;
}

// kExactLimit: integer costs are exact when (rows + cols + 2) * range is
// below this (see sap_kernels.h).
constexpr double kExactLimit = 16777216.0;  // 2^24

double ExactSize(const AssignmentProblem& p, const Internal& in) {
  return static_cast<double>(p.rows) + static_cast<double>(in.column.size()) +
         2.0;
}

// CostMatrix: row-major rows x (internal columns), uninitialised until
// written (so fresh pages are touched once, by the conversion).
template <typename S>
// NOLINTNEXTLINE(modernize-avoid-c-arrays): an uninitialised buffer.
using CostMatrix = std::unique_ptr<S[]>;

template <typename S>
CostMatrix<S> AllocateCost(const AssignmentProblem& p, const Internal& in) {
  // NOLINTNEXTLINE(modernize-avoid-c-arrays): an uninitialised buffer.
  return std::make_unique_for_overwrite<S[]>(static_cast<std::size_t>(p.rows) *
                                             in.column.size());
}

// NegatedCost: the scan and the conversion in one pass when every pair is
// usable and every score is an integer with |s| <= kMaxCost: costs -s_ij as
// int16 (shift 0), the slot 0. Fills `stats`; null (stats untouched) when
// the scores do not qualify or the range is too large for exactness.
CostMatrix<std::int16_t> NegatedCost(const AssignmentProblem& p,
                                     const Internal& in, ScoreStats* stats) {
  if (!in.Identity(p.cols) || p.rows == 0) return nullptr;
  const int n = static_cast<int>(in.column.size());
  CostMatrix<std::int16_t> cost = AllocateCost<std::int16_t>(p, in);
  assignment_internal::NegatedScan scan;
  for (int i = 0; i < p.rows; ++i) {
    std::int16_t* row = cost.get() + static_cast<std::size_t>(i) * n;
    assignment_internal::ScanNegate(
        p.scores.data() + static_cast<std::size_t>(i) * p.cols, row, p.cols,
        &scan);
    // Real-valued or large scores show in the first row, usually.
    if (!scan.fits || !scan.integral) return nullptr;
    if (n > p.cols) row[p.cols] = 0;
  }
  const double range = static_cast<double>(scan.cmax) - scan.cmin;
  if (ExactSize(p, in) * range >= kExactLimit) return nullptr;
  stats->finite = true;
  stats->integral = true;
  stats->all_usable = true;
  stats->smin = -static_cast<double>(scan.cmax);
  stats->smax = -static_cast<double>(scan.cmin);
  return cost;
}

// BuildCost: costs shift - s_ij on usable pairs, kStoredForbidden on the
// others, `shift` for the slot.
template <typename S>
CostMatrix<S> BuildCost(const AssignmentProblem& p,
                        const AssignmentOptions& options, const Internal& in,
                        double shift) {
  const int n = static_cast<int>(in.column.size());
  CostMatrix<S> cost = AllocateCost<S>(p, in);
  const auto slot_cost = static_cast<S>(shift);
  const bool identity = in.Identity(p.cols);
  for (int i = 0; i < p.rows; ++i) {
    S* row = cost.get() + static_cast<std::size_t>(i) * n;
    if (identity) {
      // Every pair usable: one vectorised loop per row.
      const double* s = p.scores.data() + static_cast<std::size_t>(i) * p.cols;
      for (int k = 0; k < p.cols; ++k) row[k] = static_cast<S>(shift - s[k]);
      if (n > p.cols) row[p.cols] = slot_cost;
      continue;
    }
    for (int k = 0; k < n; ++k) {
      const int j = in.column[static_cast<std::size_t>(k)];
      if (j < 0) {
        row[k] = slot_cost;
      } else if (Usable(p, options, i, j)) {
        row[k] = static_cast<S>(shift - p.score(i, j));
      } else {
        row[k] = SapTraits<S>::kStoredForbidden;
      }
    }
  }
  return cost;
}

// CoreOutput: SapCore's result in problem terms; internal costs were
// shift - s_ij.
struct CoreOutput {
  SapOutcome outcome = SapOutcome::kDone;
  double shift = 0.0;
  std::vector<int> col_of_row;
  std::vector<double> u;
  std::vector<double> v;
};

template <typename S>
CoreOutput RunCore(const AssignmentProblem& p, const CallContext& context,
                   const Internal& in, const CostMatrix<S>& cost,
                   double shift) {
  SapCore<S> core(p.rows, static_cast<int>(in.column.size()), cost.get(),
                  in.capacity, in.all_usable);
  CoreOutput out;
  out.shift = shift;
  out.outcome = core.Run(context.cancel, context.progress);
  if (out.outcome != SapOutcome::kDone) return out;
  out.col_of_row = core.col_of_row();
  out.u.assign(core.u().begin(), core.u().end());
  out.v.assign(core.v().begin(), core.v().end());
  return out;
}

template <typename S>
CoreOutput BuildAndRun(const AssignmentProblem& p,
                       const AssignmentOptions& options,
                       const CallContext& context, const Internal& in,
                       double shift) {
  return RunCore<S>(p, context, in, BuildCost<S>(p, options, in, shift), shift);
}

// Prepared: the extended problem's shape, the usable scores' statistics and,
// in the common case, the int16 costs converted during the same scan.
struct Prepared {
  ScoreStats stats;
  Internal in;
  CostMatrix<std::int16_t> negated;  // null unless NegatedCost qualified
};

// Prepare: the score range over usable pairs, always including 0 (the slot),
// fused with the finiteness check and, in the common case, with the
// conversion to int16 costs. InvalidArgument for the first allowed
// non-finite score.
absl::StatusOr<Prepared> Prepare(const AssignmentProblem& p,
                                 const AssignmentOptions& options) {
  Prepared prepared;
  if (EveryPairUsable(p, options)) {
    prepared.in = MakeInternal(p, options, /*all_usable=*/true);
    prepared.negated = NegatedCost(p, prepared.in, &prepared.stats);
  }
  if (prepared.negated == nullptr) {
    prepared.stats = ScanScores(p, options);
    if (!prepared.stats.finite) return FirstNonFinite(p);
    if (!EveryPairUsable(p, options)) {
      prepared.in = MakeInternal(p, options, prepared.stats.all_usable);
    }
  }
  return prepared;
}

// SolveInternal: runs SapCore on the cheapest storage that is exact (the
// int16 costs from the scan, else int16 or int32 smax - s_ij), and in double
// when the scores are not integers or the integer path overflows. Frees the
// scan's costs before a fallback allocates its own.
CoreOutput SolveInternal(const AssignmentProblem& p,
                         const AssignmentOptions& options,
                         const CallContext& context, Prepared* prepared) {
  const Internal& in = prepared->in;
  const ScoreStats& stats = prepared->stats;
  const double range = stats.smax - stats.smin;
  CoreOutput out;
  out.outcome = SapOutcome::kOverflow;
  if (prepared->negated != nullptr) {
    out = RunCore(p, context, in, prepared->negated, 0.0);
    prepared->negated.reset();
  } else if (stats.integral && ExactSize(p, in) * range < kExactLimit) {
    out = range <= SapTraits<std::int16_t>::kMaxCost
              ? BuildAndRun<std::int16_t>(p, options, context, in, stats.smax)
              : BuildAndRun<std::int32_t>(p, options, context, in, stats.smax);
  }
  if (out.outcome == SapOutcome::kOverflow) {
    out = BuildAndRun<double>(p, options, context, in, stats.smax);
  }
  return out;
}

// SolutionOf: the problem's assignment from the core's, the slot meaning
// "unmatched"; the total adds the scores in row order.
AssignmentSolution SolutionOf(const AssignmentProblem& p, const Internal& in,
                              const CoreOutput& out) {
  AssignmentSolution sol;
  sol.mentor_of.assign(static_cast<std::size_t>(p.rows), -1);
  for (int i = 0; i < p.rows; ++i) {
    const int j = in.column[static_cast<std::size_t>(
        out.col_of_row[static_cast<std::size_t>(i)])];
    if (j < 0) continue;
    sol.mentor_of[static_cast<std::size_t>(i)] = j;
    ++sol.matched;
    sol.total += p.score(i, j);
  }
  return sol;
}

// ZeroCapacityPotential: the potential of a column the core never saw
// (capacity 0): the largest value <= 0 that keeps its reduced costs >= 0.
double ZeroCapacityPotential(const AssignmentProblem& p,
                             const AssignmentOptions& options,
                             const std::vector<double>& row_potential, int j) {
  double v = 0.0;
  for (int i = 0; i < p.rows; ++i) {
    if (!Usable(p, options, i, j)) continue;
    v = std::min(v,
                 -p.score(i, j) - row_potential[static_cast<std::size_t>(i)]);
  }
  return v;
}

// SetPotentials: the core's duals in the certificate's convention
// (c_ij = -s_ij, the shift taken back out of the row potentials), the slot's
// last, zero-capacity columns completed by ZeroCapacityPotential.
void SetPotentials(const AssignmentProblem& p, const AssignmentOptions& options,
                   const Internal& in, const CoreOutput& out,
                   AssignmentResult* result) {
  result->row_potential.resize(static_cast<std::size_t>(p.rows));
  for (int i = 0; i < p.rows; ++i) {
    result->row_potential[static_cast<std::size_t>(i)] =
        out.u[static_cast<std::size_t>(i)] - out.shift;
  }
  result->col_potential.assign(static_cast<std::size_t>(p.cols) + 1, 0.0);
  std::vector<bool> internal(static_cast<std::size_t>(p.cols), false);
  for (std::size_t k = 0; k < in.column.size(); ++k) {
    const int j = in.column[k];
    result->col_potential[j < 0 ? static_cast<std::size_t>(p.cols)
                                : static_cast<std::size_t>(j)] = out.v[k];
    if (j >= 0) internal[static_cast<std::size_t>(j)] = true;
  }
  for (int j = 0; j < p.cols; ++j) {
    if (internal[static_cast<std::size_t>(j)]) continue;
    result->col_potential[static_cast<std::size_t>(j)] =
        ZeroCapacityPotential(p, options, result->row_potential, j);
  }
}

double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
      .count();
}

// CertificateApplies: the problem is valid, the result optimal and feasible,
// and the potentials have one entry per row and per column plus the slot.
bool CertificateApplies(const AssignmentProblem& p,
                        const AssignmentOptions& options,
                        const AssignmentResult& result) {
  return Validate(p, options).ok() &&
         result.status == AssignmentStatus::kOptimal &&
         IsFeasible(p, result.solution) &&
         result.row_potential.size() == static_cast<std::size_t>(p.rows) &&
         result.col_potential.size() == static_cast<std::size_t>(p.cols) + 1;
}

// CertificateFrame: what every dual check needs: the absolute tolerance
// (relative to the largest finite |score|, at least 1) and the slot.
struct CertificateFrame {
  double tol = 0.0;
  int slot_capacity = 0;  // the slot's capacity in the internal problem
  double v_slot = 0.0;    // the slot's potential
};

CertificateFrame MakeCertificateFrame(const AssignmentProblem& p,
                                      const AssignmentOptions& options,
                                      const AssignmentResult& result,
                                      double tolerance) {
  double scale = 1.0;
  for (const double s : p.scores) {
    if (std::isfinite(s)) scale = std::max(scale, std::abs(s));
  }
  CertificateFrame frame;
  frame.tol = tolerance * scale;
  frame.slot_capacity = options.objective == AssignmentObjective::kMaxScore
                            ? p.rows
                            : p.rows - result.solution.matched;
  frame.v_slot = result.col_potential[static_cast<std::size_t>(p.cols)];
  return frame;
}

// RowSatisfiesCertificate: row i's used pair (or the slot, when unmatched)
// is tight and every usable pair of the row has a reduced cost >= 0; counts
// the row into `load`.
bool RowSatisfiesCertificate(const AssignmentProblem& p,
                             const AssignmentOptions& options,
                             const AssignmentResult& result,
                             const CertificateFrame& frame, int i,
                             std::vector<int>* load) {
  const std::vector<double>& v = result.col_potential;
  const double tol = frame.tol;
  const int j = result.solution.mentor_of[static_cast<std::size_t>(i)];
  const double ui = result.row_potential[static_cast<std::size_t>(i)];
  if (j >= 0) {
    if (!Usable(p, options, i, j)) return false;
    ++(*load)[static_cast<std::size_t>(j)];
    if (std::abs(-p.score(i, j) - ui - v[static_cast<std::size_t>(j)]) > tol) {
      return false;
    }
  } else if (std::abs(ui + frame.v_slot) > tol) {
    return false;
  }
  if (frame.slot_capacity > 0 && ui + frame.v_slot > tol) return false;
  for (int c = 0; c < p.cols; ++c) {
    if (Usable(p, options, i, c) &&
        ui + v[static_cast<std::size_t>(c)] > -p.score(i, c) + tol) {
      return false;
    }
  }
  return true;
}

// ColumnsSatisfyCertificate: every column potential is <= 0, and 0 (within
// tol) on a column with room; likewise the slot's when it has capacity.
bool ColumnsSatisfyCertificate(const AssignmentProblem& p,
                               const AssignmentResult& result,
                               const CertificateFrame& frame,
                               const std::vector<int>& load) {
  const double tol = frame.tol;
  for (int j = 0; j < p.cols; ++j) {
    const double vj = result.col_potential[static_cast<std::size_t>(j)];
    if (vj > tol) return false;
    if (load[static_cast<std::size_t>(j)] <
            p.capacity[static_cast<std::size_t>(j)] &&
        std::abs(vj) > tol) {
      return false;
    }
  }
  if (frame.slot_capacity > 0) {
    if (frame.v_slot > tol) return false;
    if (p.rows - result.solution.matched < frame.slot_capacity &&
        std::abs(frame.v_slot) > tol) {
      return false;
    }
  }
  return true;
}

}  // namespace

absl::StatusOr<AssignmentResult> SolveCapacitatedAssignment(
    const AssignmentProblem& problem, const AssignmentOptions& options,
    const CallContext& context) {
  const auto t0 = std::chrono::steady_clock::now();
  if (absl::Status status = ValidateShape(problem); !status.ok()) {
    return status;
  }
  const AssignmentProblem& p = problem;
  absl::StatusOr<Prepared> prepared = Prepare(p, options);
  if (!prepared.ok()) return prepared.status();
  if (absl::Status status = ValidateMinScore(options); !status.ok()) {
    return status;
  }

  const CoreOutput out = SolveInternal(p, options, context, &*prepared);
  AssignmentResult result;
  if (out.outcome == SapOutcome::kCancelled) {
    result.status = AssignmentStatus::kCancelled;
    result.seconds = SecondsSince(t0);
    return result;
  }
  if (out.outcome != SapOutcome::kDone) {
    return absl::InternalError(
        "capacitated assignment: no augmenting path although one must exist");
  }
  result.solution = SolutionOf(p, prepared->in, out);
  SetPotentials(p, options, prepared->in, out, &result);
  result.seconds = SecondsSince(t0);
  return result;
}

bool CheckAssignmentCertificate(const AssignmentProblem& problem,
                                const AssignmentOptions& options,
                                const AssignmentResult& result,
                                double tolerance) {
  const AssignmentProblem& p = problem;
  if (!CertificateApplies(p, options, result)) return false;
  const CertificateFrame frame =
      MakeCertificateFrame(p, options, result, tolerance);
  std::vector<int> load(static_cast<std::size_t>(p.cols), 0);
  for (int i = 0; i < p.rows; ++i) {
    if (!RowSatisfiesCertificate(p, options, result, frame, i, &load)) {
      return false;
    }
  }
  if (!ColumnsSatisfyCertificate(p, result, frame, load)) return false;
  // The lexicographic objective: no augmenting path proves `matched` is the
  // maximum cardinality.
  if (options.objective != AssignmentObjective::kMaxScore) {
    const std::vector<std::uint8_t> mask = UsableMask(p, options);
    if (HasAugmentingPath(
            AllowedGraph{p.rows, p.cols, mask.data(), p.capacity.data()},
            result.solution.mentor_of)) {
      return false;
    }
  }
  return true;
}

}  // namespace sopu
