// Grouping engine benchmarks.
//   BM_TabuIteration/n: cost of tabu runs; the `iterations` counter is the
//     time per iteration (the full move + swap
//     scan and one applied neighbour) on an MDGP-shaped instance with n
//     elements in n / 12 groups of 12; Complexity() fits n^2.
//   BM_CancelLatency/n: milliseconds from CancellationToken::Cancel() to
//     SolveGroups returning, while every thread is in a tabu search on n
//     elements (the target: within 100 ms); reported as counters.
#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>
#include <vector>

#include "engine/groups/group_recombination.h"
#include "engine/groups/group_solver.h"
#include "engine/groups/group_state.h"
#include "engine/groups/tabu_search.h"

namespace sopu {
namespace {

// Instance: RanReal-like, distances uniform in [0, 100) with 3 decimals.
GroupProblem Instance(int n) {
  std::mt19937_64 rng(static_cast<std::uint64_t>(n));
  std::uniform_int_distribution<int> d(0, 99999);
  GroupProblem p;
  p.elements = n;
  p.groups.assign(static_cast<std::size_t>(n / 12), {12, 12});
  p.affinity.assign(static_cast<std::size_t>(n) * n, 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const double a = d(rng) / 1000.0;
      p.affinity[static_cast<std::size_t>(i) * n + j] = a;
      p.affinity[static_cast<std::size_t>(j) * n + i] = a;
    }
  }
  return p;
}

void BM_TabuIteration(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const GroupProblem p = Instance(n);
  SearchRng rng(1, 0);
  GroupState s(p);
  s.Reset(RandomGrouping(p, false, rng));
  TabuSearchWorkspace workspace;
  TabuSearchOptions options;
  // A run ends after max_stall iterations without a new best; from a local
  // optimum that is about max_stall iterations.
  options.max_stall = 200;
  const StopSignal never(SearchClock::time_point::max(), nullptr);
  std::int64_t iterations = 0;
  for (auto _ : state) {
    iterations += TabuSearch(s, options, rng, never, workspace);
  }
  state.counters["iterations"] = benchmark::Counter(
      static_cast<double>(iterations),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.SetComplexityN(n);
}
BENCHMARK(BM_TabuIteration)
    ->RangeMultiplier(2)
    ->Range(120, 960)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNSquared);

void BM_CancelLatency(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const GroupProblem p = Instance(n);
  double worst_ms = 0.0;
  double total_ms = 0.0;
  int runs = 0;
  for (auto _ : state) {
    CancellationToken token;
    GroupSolverOptions options;
    options.time_limit_seconds = 600.0;
    std::atomic<std::int64_t> cancelled_at{0};
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      cancelled_at = SearchClock::now().time_since_epoch().count();
      token.Cancel();
    });
    auto result = SolveGroups(p, options, {.cancel = &token});
    const std::int64_t returned = SearchClock::now().time_since_epoch().count();
    canceller.join();
    if (!result.ok()) state.SkipWithError("solve failed");
    const double ms = std::chrono::duration<double, std::milli>(
                          SearchClock::duration(returned - cancelled_at.load()))
                          .count();
    worst_ms = std::max(worst_ms, ms);
    total_ms += ms;
    ++runs;
  }
  state.counters["cancel_ms_mean"] = total_ms / std::max(runs, 1);
  state.counters["cancel_ms_worst"] = worst_ms;
}
BENCHMARK(BM_CancelLatency)
    ->Arg(120)
    ->Arg(480)
    ->Arg(960)
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sopu

BENCHMARK_MAIN();
