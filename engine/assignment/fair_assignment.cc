#include "engine/assignment/fair_assignment.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/assignment/bipartite_matching.h"
#include "engine/assignment/capacitated_assignment.h"

namespace sopu {
namespace {

absl::Status ValidateProblem(const AssignmentProblem& problem) {
  if (problem.rows < 0 || problem.cols < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "rows = ", problem.rows, ", cols = ", problem.cols, ": must be >= 0"));
  }
  const std::size_t cells = static_cast<std::size_t>(problem.rows) *
                            static_cast<std::size_t>(problem.cols);
  if (problem.scores.size() != cells) {
    return absl::InvalidArgumentError(
        absl::StrCat("scores: ", problem.scores.size(), " entries, expected ",
                     problem.rows, " x ", problem.cols));
  }
  if (!problem.forbidden.empty() && problem.forbidden.size() != cells) {
    return absl::InvalidArgumentError(absl::StrCat(
        "forbidden: ", problem.forbidden.size(), " entries, expected ",
        problem.rows, " x ", problem.cols, " or none"));
  }
  if (problem.capacity.size() != static_cast<std::size_t>(problem.cols)) {
    return absl::InvalidArgumentError(
        absl::StrCat("capacity: ", problem.capacity.size(),
                     " entries, expected ", problem.cols));
  }
  for (int j = 0; j < problem.cols; ++j) {
    const int c = problem.capacity[static_cast<std::size_t>(j)];
    if (c < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("capacity[", j, "]: ", c, " is negative"));
    }
  }
  for (int i = 0; i < problem.rows; ++i) {
    for (int j = 0; j < problem.cols; ++j) {
      if (!std::isfinite(problem.score(i, j))) {
        return absl::InvalidArgumentError(
            absl::StrCat("scores[", i, "][", j, "]: ", problem.score(i, j),
                         " is not finite"));
      }
    }
  }
  return absl::OkStatus();
}

// BottleneckGraph: the usable pairs (allowed, mentor capacity > 0) as a
// CSR graph whose rows list their mentors by decreasing score (ties by
// column), so that the pairs scoring >= t are a prefix of every row, with a
// capacitated matcher on it. Scores are read from the problem, which must
// outlive the object; owns its graph (4 bytes per usable pair).
class BottleneckGraph {
 public:
  explicit BottleneckGraph(const AssignmentProblem& problem)
      : problem_(problem), matcher_(Build(problem)) {}
  BottleneckGraph(const BottleneckGraph&) = delete;
  BottleneckGraph& operator=(const BottleneckGraph&) = delete;

  // UsableScores: the scores of the usable pairs, sorted, distinct. Read in
  // graph order (each row already decreasing), which sorts faster.
  [[nodiscard]] std::vector<double> UsableScores() const {
    std::vector<double> scores;
    scores.reserve(static_cast<std::size_t>(matcher_.edge_count()));
    for (int i = 0; i < problem_.rows; ++i) {
      const int degree = matcher_.degree(i);
      for (int k = 0; k < degree; ++k) {
        scores.push_back(problem_.score(i, matcher_.neighbour(i, k)));
      }
    }
    std::sort(scores.begin(), scores.end());
    scores.erase(std::unique(scores.begin(), scores.end()), scores.end());
    scores.shrink_to_fit();
    return scores;
  }

  // MaxMatched: the size of a maximum matching over the pairs scoring
  // >= threshold, or `target` as soon as that many mentees are matched.
  // Warm-starts from `start` (matching() of an earlier call, or all -1);
  // its pairs below the threshold are dropped first.
  [[nodiscard]] int MaxMatched(double threshold, const std::vector<int>& start,
                               int target) {
    std::vector<int> active(static_cast<std::size_t>(problem_.rows));
    for (int i = 0; i < problem_.rows; ++i) {
      // Row i's pairs by decreasing score: the prefix scoring >= threshold.
      int lo = 0;
      int hi = matcher_.degree(i);
      while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (problem_.score(i, matcher_.neighbour(i, mid)) >= threshold) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      active[static_cast<std::size_t>(i)] = lo;
    }
    matcher_.SetActive(active);
    matcher_.SetMatching(start);
    return matcher_.Maximize(target);
  }

  // matching: the last MaxMatched's matching, as mate positions.
  [[nodiscard]] const std::vector<int>& matching() const {
    return matcher_.mate_positions();
  }

 private:
  static CapacitatedBipartiteMatching Build(const AssignmentProblem& p) {
    std::int64_t usable = 0;
    for (int i = 0; i < p.rows; ++i) {
      for (int j = 0; j < p.cols; ++j) usable += Usable(p, i, j) ? 1 : 0;
    }
    std::vector<std::int64_t> offsets;
    offsets.reserve(static_cast<std::size_t>(p.rows) + 1);
    offsets.push_back(0);
    std::vector<std::int32_t> adjacency;
    adjacency.reserve(static_cast<std::size_t>(usable));
    std::vector<std::pair<double, std::int32_t>> row;  // (-score, column)
    row.reserve(static_cast<std::size_t>(p.cols));
    for (int i = 0; i < p.rows; ++i) {
      row.clear();
      for (int j = 0; j < p.cols; ++j) {
        if (Usable(p, i, j)) row.emplace_back(-p.score(i, j), j);
      }
      std::sort(row.begin(), row.end());
      for (const auto& [negated_score, j] : row) adjacency.push_back(j);
      offsets.push_back(static_cast<std::int64_t>(adjacency.size()));
    }
    return {p.capacity, std::move(offsets), std::move(adjacency)};
  }

  static bool Usable(const AssignmentProblem& p, int i, int j) {
    return p.allowed(i, j) && p.capacity[static_cast<std::size_t>(j)] > 0;
  }

  const AssignmentProblem& problem_;
  CapacitatedBipartiteMatching matcher_;
};

FairAssignmentResult CancelledResult(int tests) {
  FairAssignmentResult result;
  result.status = FairAssignmentStatus::kCancelled;
  result.feasibility_tests = tests;
  return result;
}

}  // namespace

absl::StatusOr<FairAssignmentResult> SolveFairAssignment(
    const AssignmentProblem& problem, const FairAssignmentOptions& options,
    const CallContext& context) {
  if (absl::Status s = ValidateProblem(problem); !s.ok()) return s;
  if (context.cancelled()) return CancelledResult(0);

  BottleneckGraph graph(problem);
  const std::vector<double> scores = graph.UsableScores();
  // Upper bound on the units of work: tests (1 + ceil(log2 D)) and solves.
  std::int64_t work_total = 3;
  for (std::size_t d = scores.size(); d > 1; d = (d + 1) / 2) ++work_total;
  std::int64_t work_done = 0;
  auto report = [&](double best) {
    if (context.progress) {
      context.progress(Progress{work_done, work_total, best});
    }
  };

  FairAssignmentResult result;
  if (scores.empty()) {  // nothing can be matched: the empty assignment
    result.solution.mentor_of.assign(static_cast<std::size_t>(problem.rows),
                                     -1);
    if (options.compute_price_of_fairness) {
      result.optimal_total = 0.0;
      result.price_of_fairness = 0.0;
    }
    return result;
  }

  // Largest matchable count K, with every usable pair.
  std::vector<int> feasible_matching(static_cast<std::size_t>(problem.rows),
                                     -1);
  const int matchable = graph.MaxMatched(scores.front(), feasible_matching,
                                         std::numeric_limits<int>::max());
  feasible_matching = graph.matching();
  ++result.feasibility_tests;
  ++work_done;
  report(0.0);
  // Invariant: threshold scores[lo] keeps K matchable, and feasible_matching
  // matches K mentees with pairs scoring >= scores[lo]; scores[hi] does not
  // (hi == D stands for +infinity). Each test warm-starts from
  // feasible_matching, so it only re-matches the mentees whose pairs fall
  // below the tested threshold.
  std::size_t lo = 0;
  std::size_t hi = scores.size();
  while (hi - lo > 1) {
    if (context.cancelled()) return CancelledResult(result.feasibility_tests);
    const std::size_t mid = lo + (hi - lo) / 2;
    const bool feasible = graph.MaxMatched(scores[mid], feasible_matching,
                                           matchable) == matchable;
    ++result.feasibility_tests;
    ++work_done;
    if (feasible) {
      lo = mid;
      feasible_matching = graph.matching();
    } else {
      hi = mid;
    }
    report(scores[lo]);
  }
  const double threshold = scores[lo];

  AssignmentProblem restricted = problem;
  if (restricted.forbidden.empty()) {
    restricted.forbidden.assign(problem.scores.size(), 0);
  }
  for (std::size_t cell = 0; cell < problem.scores.size(); ++cell) {
    if (problem.scores[cell] < threshold) restricted.forbidden[cell] = 1;
  }
  AssignmentOptions solve_options;
  solve_options.objective = AssignmentObjective::kMaxCardinalityThenScore;
  absl::StatusOr<AssignmentResult> fair = SolveCapacitatedAssignment(
      restricted, solve_options, {.cancel = context.cancel});
  if (!fair.ok()) return fair.status();
  if (fair->status == AssignmentStatus::kCancelled) {
    return CancelledResult(result.feasibility_tests);
  }
  ++work_done;
  report(threshold);
  result.solution = std::move(fair->solution);
  result.threshold = threshold;
  result.total = result.solution.total;

  if (options.compute_price_of_fairness) {
    absl::StatusOr<AssignmentResult> optimal = SolveCapacitatedAssignment(
        problem, solve_options, {.cancel = context.cancel});
    if (!optimal.ok()) return optimal.status();
    if (optimal->status == AssignmentStatus::kCancelled) {
      return CancelledResult(result.feasibility_tests);
    }
    ++work_done;
    report(threshold);
    result.optimal_total = optimal->solution.total;
    result.price_of_fairness = optimal->solution.total - result.total;
  }
  return result;
}

}  // namespace sopu
