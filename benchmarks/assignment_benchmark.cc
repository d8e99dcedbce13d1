// Assignment benchmark: SolveCapacitatedAssignment (lexicographic objective)
// on fixed-seed instances shaped like the peers' "profile" family
// (../shared/peers/gen.py): each mentee a 24-dimensional needs vector
// (Beta(0.5, 1.5)), each mentor a strengths vector (Beta(0.8, 1.2)) times a
// quality factor U(0.6, 1); score = needs . strengths + 2 % noise, mapped
// affinely to the integers 0..1000. Low rank plus noise: many near-ties, the
// hard case for shortest augmenting paths.
//
// Families (N swept by Range, SetComplexityN(N), Complexity() fits the
// exponent; the header's worst case is O(R^2 C), i.e. N^3 here):
//   BM_SolveSquare  N x N, capacity 1 (the Jonker–Volgenant initialisation
//                   path), N = 512 .. 4096.
//   BM_SolveCap3    3N x N, capacity 3 (capacity-aware searches, no
//                   replicated columns), N = 256 .. 2048.
//   BM_Generate     building the instance alone (outside every solve loop).
//   BM_FairCap3     SolveFairAssignment (price of fairness off: the threshold
//                   search plus one restricted SolveCapacitatedAssignment) on
//                   3N x N, capacity 3, N = 250 .. 1000 (3000 x 1000 is the
//                   issue's reference size for the feasibility tests' memory;
//                   peak RSS: /usr/bin/time -v with
//                   --benchmark_filter=BM_FairCap3/1000).
//
// The instance is built once per N outside the timed loop; its optimum comes
// from a first solve whose certificate is checked; every timed solve must
// reproduce (matched, total) exactly, or the benchmark fails.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/capacitated_assignment.h"
#include "engine/assignment/fair_assignment.h"

namespace sopu::bench {
namespace {

constexpr int kDim = 24;
constexpr double kNoise = 0.02;

// Beta(a, b) from two gamma draws.
double Beta(std::mt19937_64& rng, double a, double b) {
  std::gamma_distribution<double> ga(a, 1.0);
  std::gamma_distribution<double> gb(b, 1.0);
  const double x = ga(rng);
  const double y = gb(rng);
  return x + y > 0.0 ? x / (x + y) : 0.5;
}

// ProfileProblem: a rows x cols instance of the profile shape, capacity
// `cap` for every mentor, nothing forbidden.
AssignmentProblem ProfileProblem(int rows, int cols, int cap,
                                 std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> needs(static_cast<std::size_t>(rows) * kDim);
  std::vector<double> strengths(static_cast<std::size_t>(cols) * kDim);
  for (double& x : needs) x = Beta(rng, 0.5, 1.5);
  std::uniform_real_distribution<double> quality(0.6, 1.0);
  for (int j = 0; j < cols; ++j) {
    const double q = quality(rng);
    for (int d = 0; d < kDim; ++d) {
      strengths[static_cast<std::size_t>(j) * kDim + d] =
          Beta(rng, 0.8, 1.2) * q;
    }
  }
  std::vector<double> raw(static_cast<std::size_t>(rows) * cols);
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < rows; ++i) {
    const double* a = &needs[static_cast<std::size_t>(i) * kDim];
    for (int j = 0; j < cols; ++j) {
      const double* b = &strengths[static_cast<std::size_t>(j) * kDim];
      double dot = 0.0;
      for (int d = 0; d < kDim; ++d) dot += a[d] * b[d];
      raw[static_cast<std::size_t>(i) * cols + j] = dot;
      sum += dot;
      sum_sq += dot * dot;
    }
  }
  const auto count = static_cast<double>(raw.size());
  const double mean = count > 0 ? sum / count : 0.0;
  const double sd = std::sqrt(std::max(0.0, sum_sq / count - mean * mean));
  std::normal_distribution<double> noise(0.0, kNoise * sd);
  for (double& x : raw) x += noise(rng);
  const auto [lo, hi] = std::minmax_element(raw.begin(), raw.end());
  const double scale = *hi > *lo ? 1000.0 / (*hi - *lo) : 0.0;
  AssignmentProblem p;
  p.rows = rows;
  p.cols = cols;
  p.capacity.assign(static_cast<std::size_t>(cols), cap);
  p.scores.resize(raw.size());
  for (std::size_t k = 0; k < raw.size(); ++k) {
    p.scores[k] = std::rint((raw[k] - *lo) * scale);
  }
  return p;
}

// Instance: the problem of the current shape and its verified optimum.
struct Instance {
  int rows = -1;
  int cols = -1;
  AssignmentProblem problem;
  AssignmentSolution optimum;
  bool ok = false;
};

const Instance& InstanceFor(int rows, int cols, int cap) {
  static Instance instance;
  if (instance.rows != rows || instance.cols != cols) {
    instance = Instance{};
    instance.rows = rows;
    instance.cols = cols;
    instance.problem = ProfileProblem(rows, cols, cap, 1);
    const absl::StatusOr<AssignmentResult> first =
        SolveCapacitatedAssignment(instance.problem);
    instance.ok =
        first.ok() && CheckAssignmentCertificate(instance.problem, {}, *first);
    if (instance.ok) instance.optimum = first->solution;
  }
  return instance;
}

void RunSolve(benchmark::State& state, int rows, int cols, int cap) {
  const Instance& instance = InstanceFor(rows, cols, cap);
  if (!instance.ok) {
    state.SkipWithError("first solve failed or its certificate does not hold");
    return;
  }
  // NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): the loop variable.
  for (auto _ : state) {
    const absl::StatusOr<AssignmentResult> result =
        SolveCapacitatedAssignment(instance.problem);
    if (!result.ok() || result->solution.matched != instance.optimum.matched ||
        result->solution.total != instance.optimum.total) {
      state.SkipWithError("solve did not reproduce the optimum");
      break;
    }
    benchmark::DoNotOptimize(result->solution.mentor_of.data());
  }
  state.counters["matched"] = instance.optimum.matched;
  state.counters["total"] = instance.optimum.total;
  state.SetComplexityN(cols);
}

void BM_SolveSquare(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  RunSolve(state, n, n, 1);
}

void BM_SolveCap3(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  RunSolve(state, 3 * n, n, 3);
}

void BM_Generate(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  // NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): the loop variable.
  for (auto _ : state) {
    AssignmentProblem p = ProfileProblem(n, n, 1, 1);
    benchmark::DoNotOptimize(p.scores.data());
  }
  state.SetComplexityN(n);
}

// FairInstance: the problem of the current fair shape and its first,
// checked fair result.
struct FairInstance {
  int cols = -1;
  AssignmentProblem problem;
  FairAssignmentResult fair;
  bool ok = false;
};

FairAssignmentOptions FairOptions() {
  FairAssignmentOptions options;
  options.compute_price_of_fairness = false;
  return options;
}

// FairResultHolds: the fair solution is feasible, matches as many mentees as
// the lexicographic optimum, and its worst pair scores exactly threshold.
bool FairResultHolds(const AssignmentProblem& p,
                     const FairAssignmentResult& r) {
  const absl::StatusOr<AssignmentResult> lexicographic =
      SolveCapacitatedAssignment(p);
  if (!lexicographic.ok() || r.status != FairAssignmentStatus::kOptimal ||
      !r.threshold.has_value() || !IsFeasible(p, r.solution) ||
      r.solution.matched != lexicographic->solution.matched) {
    return false;
  }
  double worst = 0.0;
  bool any = false;
  for (int i = 0; i < p.rows; ++i) {
    const int j = r.solution.mentor_of[static_cast<std::size_t>(i)];
    if (j < 0) continue;
    worst = any ? std::min(worst, p.score(i, j)) : p.score(i, j);
    any = true;
  }
  return any && worst == *r.threshold;
}

const FairInstance& FairInstanceFor(int cols) {
  static FairInstance instance;
  if (instance.cols != cols) {
    instance = FairInstance{};
    instance.cols = cols;
    instance.problem = ProfileProblem(3 * cols, cols, 3, 1);
    absl::StatusOr<FairAssignmentResult> first =
        SolveFairAssignment(instance.problem, FairOptions());
    instance.ok = first.ok() && FairResultHolds(instance.problem, *first);
    if (instance.ok) instance.fair = *std::move(first);
  }
  return instance;
}

void BM_FairCap3(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  const FairInstance& instance = FairInstanceFor(n);
  if (!instance.ok) {
    state.SkipWithError("first fair solve failed or does not hold");
    return;
  }
  // NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): the loop variable.
  for (auto _ : state) {
    const absl::StatusOr<FairAssignmentResult> result =
        SolveFairAssignment(instance.problem, FairOptions());
    if (!result.ok() ||
        result->solution.matched != instance.fair.solution.matched ||
        result->threshold != instance.fair.threshold ||
        result->total != instance.fair.total) {
      state.SkipWithError("fair solve did not reproduce the first result");
      break;
    }
    benchmark::DoNotOptimize(result->solution.mentor_of.data());
  }
  state.counters["matched"] = instance.fair.solution.matched;
  state.counters["threshold"] = instance.fair.threshold.value_or(0.0);
  state.counters["tests"] = instance.fair.feasibility_tests;
  state.SetComplexityN(n);
}

BENCHMARK(BM_SolveSquare)
    ->RangeMultiplier(2)
    ->Range(512, 4096)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_SolveCap3)
    ->RangeMultiplier(2)
    ->Range(256, 2048)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_Generate)
    ->RangeMultiplier(2)
    ->Range(512, 4096)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(BM_FairCap3)
    ->DenseRange(250, 1000, 250)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

}  // namespace
}  // namespace sopu::bench

BENCHMARK_MAIN();
