#include "engine/assignment/fair_assignment.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "boost/graph/adjacency_list.hpp"
#include "boost/graph/push_relabel_max_flow.hpp"
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

// BottleneckNetwork: the flow network source -> mentee (1) -> mentor (pair
// arcs) -> sink (capacity_j) over the usable pairs (allowed, mentor capacity
// > 0). MaxMatched(t) opens exactly the pair arcs scoring >= t and returns
// the largest number of mentees matchable with them. Owns its graph.
class BottleneckNetwork {
 public:
  explicit BottleneckNetwork(const AssignmentProblem& problem)
      : graph_(static_cast<std::size_t>(problem.rows + problem.cols + 2)),
        source_(static_cast<Vertex>(problem.rows) +
                static_cast<Vertex>(problem.cols)),
        sink_(source_ + 1) {
    for (int i = 0; i < problem.rows; ++i) {
      AddArc(source_, static_cast<Vertex>(i), 1);
    }
    for (int j = 0; j < problem.cols; ++j) {
      const int c = problem.capacity[static_cast<std::size_t>(j)];
      if (c > 0)
        AddArc(static_cast<Vertex>(problem.rows) + static_cast<Vertex>(j),
               sink_, c);
    }
    for (int i = 0; i < problem.rows; ++i) {
      for (int j = 0; j < problem.cols; ++j) {
        if (!problem.allowed(i, j) ||
            problem.capacity[static_cast<std::size_t>(j)] == 0) {
          continue;
        }
        pair_arcs_.emplace_back(
            AddArc(static_cast<Vertex>(i),
                   static_cast<Vertex>(problem.rows) + static_cast<Vertex>(j),
                   1),
            problem.score(i, j));
      }
    }
  }
  BottleneckNetwork(const BottleneckNetwork&) = delete;
  BottleneckNetwork& operator=(const BottleneckNetwork&) = delete;

  // UsableScores: the scores of the usable pairs, sorted, distinct.
  [[nodiscard]] std::vector<double> UsableScores() const {
    std::vector<double> scores;
    scores.reserve(pair_arcs_.size());
    for (const auto& [arc, score] : pair_arcs_) scores.push_back(score);
    std::sort(scores.begin(), scores.end());
    scores.erase(std::unique(scores.begin(), scores.end()), scores.end());
    return scores;
  }

  [[nodiscard]] std::int64_t MaxMatched(double threshold) {
    auto capacity = boost::get(boost::edge_capacity, graph_);
    for (const auto& [arc, score] : pair_arcs_) {
      capacity[arc] = score >= threshold ? 1 : 0;
    }
    return boost::push_relabel_max_flow(graph_, source_, sink_);
  }

 private:
  using Traits =
      boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using Graph = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<
          boost::edge_capacity_t, std::int64_t,
          boost::property<boost::edge_residual_capacity_t, std::int64_t,
                          boost::property<boost::edge_reverse_t,
                                          Traits::edge_descriptor>>>>;
  using Vertex = Traits::vertex_descriptor;
  using Arc = Traits::edge_descriptor;

  Arc AddArc(Vertex from, Vertex to, std::int64_t capacity) {
    const Arc forward = boost::add_edge(from, to, graph_).first;
    const Arc backward = boost::add_edge(to, from, graph_).first;
    boost::put(boost::edge_capacity, graph_, forward, capacity);
    boost::put(boost::edge_capacity, graph_, backward, std::int64_t{0});
    boost::put(boost::edge_reverse, graph_, forward, backward);
    boost::put(boost::edge_reverse, graph_, backward, forward);
    return forward;
  }

  Graph graph_;
  Vertex source_;
  Vertex sink_;
  std::vector<std::pair<Arc, double>> pair_arcs_;
};

bool Cancelled(const FairAssignmentOptions& options) {
  return options.cancel != nullptr && options.cancel->cancelled();
}

FairAssignmentResult CancelledResult(int tests) {
  FairAssignmentResult result;
  result.status = FairAssignmentStatus::kCancelled;
  result.feasibility_tests = tests;
  return result;
}

}  // namespace

absl::StatusOr<FairAssignmentResult> SolveFairAssignment(
    const AssignmentProblem& problem, const FairAssignmentOptions& options) {
  if (absl::Status s = ValidateProblem(problem); !s.ok()) return s;
  if (Cancelled(options)) return CancelledResult(0);

  BottleneckNetwork network(problem);
  const std::vector<double> scores = network.UsableScores();
  // Upper bound on the units of work: tests (1 + ceil(log2 D)) and solves.
  std::int64_t work_total = 3;
  for (std::size_t d = scores.size(); d > 1; d = (d + 1) / 2) ++work_total;
  std::int64_t work_done = 0;
  auto report = [&](double best) {
    if (options.progress) {
      options.progress(Progress{work_done, work_total, best});
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
  const std::int64_t matchable = network.MaxMatched(scores.front());
  ++result.feasibility_tests;
  ++work_done;
  report(0.0);
  // Invariant: threshold scores[lo] keeps K matchable; scores[hi] does not
  // (hi == D stands for +infinity).
  std::size_t lo = 0;
  std::size_t hi = scores.size();
  while (hi - lo > 1) {
    if (Cancelled(options)) return CancelledResult(result.feasibility_tests);
    const std::size_t mid = lo + (hi - lo) / 2;
    const bool feasible = network.MaxMatched(scores[mid]) == matchable;
    ++result.feasibility_tests;
    ++work_done;
    (feasible ? lo : hi) = mid;
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
  solve_options.cancel = options.cancel;
  absl::StatusOr<AssignmentResult> fair =
      SolveCapacitatedAssignment(restricted, solve_options);
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
    absl::StatusOr<AssignmentResult> optimal =
        SolveCapacitatedAssignment(problem, solve_options);
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
