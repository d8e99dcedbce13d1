// Scoring benchmark: ScoringModel::ComputeMatrix on an N x N cohort with every
// criterion kind (synthetic_cohort.h), against its floor: a bare Eigen
// single-precision GEMM of the complement's shape (N x 32 times 32 x N into a
// preallocated N x N matrix) on the same number of threads. The issue's
// target: at N = 10000, ratio <= 3 and peak RSS < 1 GiB.
//
// Families, each for N = 1000, 5000, 10000 and on 1 thread (<1>) or all
// hardware threads (<0>):
//   BM_Floor         the floor itself.
//   BM_Scoring       ComputeMatrix into one reused ScoreMatrix, as the floor
//                    reuses its output: both measure computation only.
//   BM_ScoringFresh  the allocating ComputeMatrix(): also pays the page faults
//                    of 5 fresh bytes per pair.
//   BM_Build         ScoringModel::Build alone.
//
// Counters:
//   floor_ms     best of 3 floor GEMMs, measured right before the run (the
//                machines are shared and noisy: compare ratios, not times)
//   best_ms      best iteration
//   ratio        best_ms / floor_ms
//   peak_rss_MiB getrusage ru_maxrss over the timed loop; the peak is reset
//                through /proc/self/clear_refs first (without it, the
//                counter is the process's lifetime peak), so it includes
//                what the process already holds (cohort, model, heap).
#include <benchmark/benchmark.h>
#include <omp.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>

#include "benchmarks/synthetic_cohort.h"
#include "engine/scoring/scoring_model.h"

namespace sopu::bench {
namespace {

constexpr int kThemes = 32;
constexpr double kMiB = 1024.0 * 1024.0;

// Threads resolves a benchmark's thread count: 0 = all hardware threads.
int Threads(int threads) {
  return threads > 0 ? threads : omp_get_max_threads();
}

// Fixture holds the cohort and model of the current N (one at a time, so the
// process's memory is that of one size).
struct Fixture {
  int n = 0;
  Cohort cohort;
  std::unique_ptr<ScoringModel> model;
};

Fixture& FixtureFor(int n) {
  static Fixture fixture;
  if (fixture.n != n) {
    fixture.model.reset();
    fixture.cohort = Cohort{};
    SyntheticCohortOptions options;
    options.mentees = n;
    options.mentors = n;
    options.themes = kThemes;
    fixture.cohort = MakeSyntheticCohort(options);
    auto model = ScoringModel::Build(fixture.cohort, AllKindsPolicy());
    if (!model.ok()) std::abort();
    fixture.model = std::make_unique<ScoringModel>(*std::move(model));
    fixture.n = n;
  }
  return fixture;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

void ResetPeakRss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0 / kMiB;
}

// Floor is the bare GEMM with fixed random operands.
struct Floor {
  Floor(int n, int threads) : goals(n, kThemes), competences(kThemes, n) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(0.0F, 1.0F);
    for (Eigen::Index i = 0; i < goals.size(); ++i) goals.data()[i] = u(rng);
    for (Eigen::Index i = 0; i < competences.size(); ++i) {
      competences.data()[i] = u(rng);
    }
    Eigen::setNbThreads(threads);
  }
  void Run(RowMatrixXf& out) const { out.noalias() = goals * competences; }

  RowMatrixXf goals;
  RowMatrixXf competences;
};

// BestFloorSeconds runs the floor 3 times (after one warm-up) and returns the
// best time; the output is freed before returning.
double BestFloorSeconds(int n, int threads) {
  const Floor floor(n, threads);
  RowMatrixXf out(n, n);
  floor.Run(out);
  double best = 1e30;
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    floor.Run(out);
    benchmark::DoNotOptimize(out.data());
    best = std::min(best, Seconds(start));
  }
  return best;
}

template <int kThreads>
void BM_Floor(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  const Floor floor(n, Threads(kThreads));
  ResetPeakRss();
  RowMatrixXf out(n, n);
  floor.Run(out);
  double best = 1e30;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    floor.Run(out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
    best = std::min(best, Seconds(start));
  }
  state.counters["best_ms"] = best * 1e3;
  state.counters["peak_rss_MiB"] = PeakRssMiB();
  state.counters["threads"] = Threads(kThreads);
  state.SetComplexityN(static_cast<std::int64_t>(n) * n);
}

template <int kThreads>
void RunScoring(benchmark::State& state, bool reuse) {
  const auto n = static_cast<int>(state.range(0));
  const Fixture& fixture = FixtureFor(n);
  const double floor_seconds = BestFloorSeconds(n, Threads(kThreads));
  ScoringOptions options;
  options.threads = Threads(kThreads);
  ResetPeakRss();
  ScoreMatrix reused;
  if (reuse) fixture.model->ComputeMatrix(options, &reused);
  double best = 1e30;
  std::int64_t allowed = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    if (reuse) {
      fixture.model->ComputeMatrix(options, &reused);
      benchmark::DoNotOptimize(reused.scores.data());
    } else {
      ScoreMatrix fresh = fixture.model->ComputeMatrix(options);
      benchmark::DoNotOptimize(fresh.scores.data());
      allowed = fresh.verdicts(0, 0);
    }
    benchmark::ClobberMemory();
    best = std::min(best, Seconds(start));
  }
  benchmark::DoNotOptimize(allowed);
  state.counters["floor_ms"] = floor_seconds * 1e3;
  state.counters["best_ms"] = best * 1e3;
  state.counters["ratio"] = best / floor_seconds;
  state.counters["peak_rss_MiB"] = PeakRssMiB();
  state.counters["threads"] = Threads(kThreads);
  state.SetComplexityN(static_cast<std::int64_t>(n) * n);
}

template <int kThreads>
void BM_Scoring(benchmark::State& state) {
  RunScoring<kThreads>(state, true);
}
template <int kThreads>
void BM_ScoringFresh(benchmark::State& state) {
  RunScoring<kThreads>(state, false);
}

void BM_Build(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  const Fixture& fixture = FixtureFor(n);
  const Policy policy = AllKindsPolicy();
  // NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): the loop variable.
  for (auto _ : state) {
    auto model = ScoringModel::Build(fixture.cohort, policy);
    benchmark::DoNotOptimize(model);
  }
  state.SetComplexityN(n);
}

// Sizes: the 1000, 5000 and 10000 mentees x as many mentors. Each
// function runs on one thread (<1>, the stabler ratio on a shared machine,
// where a second thread may wait for a busy core) and on all hardware
// threads (<0>). Complexity is fitted against the pair count n^2.
void Sizes(benchmark::internal::Benchmark* b) {
  b->ArgName("n")->Arg(1000)->Arg(5000)->Arg(10000);
  b->Unit(benchmark::kMillisecond)->UseRealTime()->Complexity(benchmark::oN);
}

BENCHMARK_TEMPLATE(BM_Floor, 1)->Apply(Sizes);
BENCHMARK_TEMPLATE(BM_Scoring, 1)->Apply(Sizes);
BENCHMARK_TEMPLATE(BM_ScoringFresh, 1)->Apply(Sizes);
BENCHMARK_TEMPLATE(BM_Floor, 0)->Apply(Sizes);
BENCHMARK_TEMPLATE(BM_Scoring, 0)->Apply(Sizes);
BENCHMARK_TEMPLATE(BM_ScoringFresh, 0)->Apply(Sizes);
BENCHMARK(BM_Build)
    ->ArgName("n")
    ->Arg(1000)
    ->Arg(5000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace
}  // namespace sopu::bench

BENCHMARK_MAIN();
