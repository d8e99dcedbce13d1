#include "engine/groups/group_solver.h"

#include <algorithm>
#include <cmath>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/groups/group_recombination.h"
#include "engine/groups/group_state.h"
#include "engine/groups/search_control.h"

namespace sopu {
namespace {

std::size_t Idx(int k) { return static_cast<std::size_t>(k); }

// Member: one grouping of the population, or a unit's result.
struct Member {
  std::vector<int> group_of;
  double objective = 0.0;
  int violations = 0;
  std::int64_t iterations = 0;
  double finished_at = 0.0;  // seconds since the solve started
};

constexpr double kSameEpsilon = 1e-9;

bool Better(const Member& a, const Member& b) {
  return a.violations < b.violations ||
         (a.violations == b.violations &&
          a.objective > b.objective + kSameEpsilon);
}

bool Same(const Member& a, const Member& b) {
  return a.violations == b.violations &&
         std::abs(a.objective - b.objective) <= kSameEpsilon;
}

// Worker: the per-thread scratch a unit needs.
struct Worker {
  explicit Worker(const GroupProblem& problem) : state(problem) {}
  GroupState state;
  TabuSearchWorkspace tabu;
};

// RunUnits: runs unit(u, worker) for u = 0..count-1 on `threads` threads;
// the calling thread waits and calls tick() about five times a second.
void RunUnits(int count, std::vector<Worker>& workers,
              const std::function<void(int, Worker&)>& unit,
              const std::function<void()>& tick) {
  std::atomic<int> next{0};
  std::mutex mutex;
  std::condition_variable all_done;
  int running = static_cast<int>(workers.size());
  std::vector<std::thread> threads;
  threads.reserve(workers.size());
  for (Worker& worker : workers) {
    threads.emplace_back([&, w = &worker] {
      for (int u = next++; u < count; u = next++) unit(u, *w);
      const std::lock_guard<std::mutex> lock(mutex);
      --running;
      all_done.notify_one();
    });
  }
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (running > 0) {
      if (!all_done.wait_for(lock, std::chrono::milliseconds(200),
                             [&] { return running == 0; })) {
        lock.unlock();
        tick();
        lock.lock();
      }
    }
  }
  for (std::thread& t : threads) t.join();
}

absl::Status ValidateOptions(const GroupSolverOptions& o) {
  if (o.time_limit_seconds <= 0.0 && o.max_rounds <= 0) {
    return absl::InvalidArgumentError(
        "time_limit_seconds: set a time limit or max_rounds");
  }
  if (o.max_rounds < 0) {
    return absl::InvalidArgumentError("max_rounds: must be >= 0");
  }
  if (o.threads < 0) return absl::InvalidArgumentError("threads: must be >= 0");
  if (o.population < 2) {
    return absl::InvalidArgumentError("population: must be >= 2");
  }
  if (o.children_per_round < 1) {
    return absl::InvalidArgumentError("children_per_round: must be >= 1");
  }
  if (!(o.perturb_probability >= 0.0 && o.perturb_probability <= 1.0)) {
    return absl::InvalidArgumentError(
        "perturb_probability: must be in [0, 1]");
  }
  const TabuSearchOptions& t = o.tabu;
  if (t.max_stall < 0 || t.tenure_min < 0 || t.tenure_max < t.tenure_min) {
    return absl::InvalidArgumentError(
        "tabu: needs max_stall >= 0 and 0 <= tenure_min <= tenure_max");
  }
  return absl::OkStatus();
}

}  // namespace

TabuSearchOptions DefaultTabuOptions(const GroupProblem& problem) {
  const int n = problem.elements;
  TabuSearchOptions t;
  t.tenure_min = std::max(3, n / 20);
  t.tenure_max = t.tenure_min + std::max(5, n / 10);
  t.max_stall = std::max(500, 20 * n);
  return t;
}

absl::StatusOr<GroupSolveResult> SolveGroups(
    const GroupProblem& problem, const GroupSolverOptions& options) {
  if (absl::Status s = ValidateGroupProblem(problem); !s.ok()) return s;
  if (absl::Status s = ValidateOptions(options); !s.ok()) return s;
  const SearchClock::time_point start = SearchClock::now();
  const auto elapsed = [start] {
    return std::chrono::duration<double>(SearchClock::now() - start).count();
  };
  const SearchClock::time_point deadline =
      options.time_limit_seconds > 0.0
          ? start + std::chrono::duration_cast<SearchClock::duration>(
                        std::chrono::duration<double>(
                            options.time_limit_seconds))
          : SearchClock::time_point::max();
  const StopSignal stop(deadline, options.cancel);

  TabuSearchOptions tabu = DefaultTabuOptions(problem);
  if (options.tabu.max_stall > 0) tabu.max_stall = options.tabu.max_stall;
  if (options.tabu.tenure_max > 0) {
    tabu.tenure_min = options.tabu.tenure_min;
    tabu.tenure_max = options.tabu.tenure_max;
  }
  const int threads =
      options.threads > 0
          ? options.threads
          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  std::vector<Worker> workers;
  workers.reserve(Idx(threads));
  for (int w = 0; w < threads; ++w) workers.emplace_back(problem);

  GroupSolveResult result;
  result.upper_bound = GroupObjectiveUpperBound(problem);
  Member best;
  bool have_best = false;
  const auto tick = [&] {
    if (!options.progress) return;
    Progress p;
    if (options.time_limit_seconds > 0.0) {
      p.done = static_cast<std::int64_t>(1000.0 * elapsed());
      p.total = static_cast<std::int64_t>(1000.0 * options.time_limit_seconds);
    } else {
      p.done = result.rounds;
      p.total = options.max_rounds;
    }
    p.best_objective = have_best ? best.objective : 0.0;
    options.progress(p);
  };
  const auto finish = [&](Worker& worker, SearchRng& rng, Member& out) {
    out.iterations =
        options.local_search == GroupSolverOptions::LocalSearch::kTabu
            ? TabuSearch(worker.state, tabu, rng, stop, worker.tabu)
            : IteratedDescent(worker.state, options.iterated_descent, rng,
                              stop);
    const std::span<const int> a = worker.state.assignment();
    out.group_of.assign(a.begin(), a.end());
    out.objective = worker.state.objective();
    out.violations = worker.state.violations();
    out.finished_at = elapsed();
  };
  const auto admit = [&](const Member& m) {
    result.tabu_iterations += m.iterations;
    if (!have_best || Better(m, best)) {
      best = m;
      have_best = true;
      result.seconds_to_best = m.finished_at;
    }
  };

  // 1. The initial population.
  const int population_size = options.population;
  std::vector<Member> population(Idx(population_size));
  RunUnits(
      population_size, workers,
      [&](int k, Worker& worker) {
        SearchRng rng(options.seed, static_cast<std::uint64_t>(k));
        worker.state.Reset(RandomGrouping(problem, k % 2 == 0, rng));
        finish(worker, rng, population[Idx(k)]);
      },
      tick);
  for (const Member& m : population) admit(m);

  // 2. Rounds of children.
  const int children_count = options.children_per_round;
  const int perturb_swaps = std::max(2, problem.elements / 10);
  std::vector<Member> children(Idx(children_count));
  const auto target_reached = [&] {
    return options.target_objective.has_value() && best.violations == 0 &&
           best.objective >= *options.target_objective - kSameEpsilon;
  };
  while (!stop.Expired() && !target_reached() &&
         (options.max_rounds == 0 || result.rounds < options.max_rounds)) {
    const std::uint64_t round_base =
        static_cast<std::uint64_t>(population_size) +
        static_cast<std::uint64_t>(result.rounds) *
            static_cast<std::uint64_t>(children_count);
    RunUnits(
        children_count, workers,
        [&](int c, Worker& worker) {
          SearchRng rng(options.seed, round_base + static_cast<std::uint64_t>(c));
          const int a = rng.Below(population_size);
          int b = rng.Below(population_size - 1);
          if (b >= a) ++b;
          if (rng.Unit() < options.perturb_probability) {
            worker.state.Reset(population[Idx(a)].group_of);
            Perturb(worker.state, perturb_swaps, rng);
          } else {
            worker.state.Reset(GroupCrossover(problem,
                                              population[Idx(a)].group_of,
                                              population[Idx(b)].group_of, rng));
          }
          finish(worker, rng, children[Idx(c)]);
        },
        tick);
    ++result.rounds;
    for (Member& child : children) {
      admit(child);
      const bool copy = std::any_of(
          population.begin(), population.end(),
          [&](const Member& m) { return Same(m, child); });
      if (copy) continue;
      auto worst = std::min_element(
          population.begin(), population.end(),
          [](const Member& x, const Member& y) { return Better(y, x); });
      if (Better(child, *worst)) *worst = std::move(child);
    }
  }

  if (stop.Cancelled()) {
    result.stop_reason = GroupStopReason::kCancelled;
  } else if (target_reached()) {
    result.stop_reason = GroupStopReason::kTargetReached;
  } else if (options.max_rounds > 0 && result.rounds >= options.max_rounds) {
    result.stop_reason = GroupStopReason::kRoundLimit;
  } else {
    result.stop_reason = GroupStopReason::kTimeLimit;
  }
  const GroupingScore exact = EvaluateGrouping(problem, best.group_of);
  result.group_of = std::move(best.group_of);
  result.objective = exact.objective;
  result.violations = exact.violations;
  result.seconds = elapsed();
  tick();
  return result;
}

}  // namespace sopu
