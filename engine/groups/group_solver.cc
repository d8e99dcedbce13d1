#include "engine/groups/group_solver.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <limits>
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

// PairDistance: the number of element pairs grouped together in exactly one
// of a and b — a distance between groupings that ignores group labels.
// O(n^2).
int PairDistance(std::span<const int> a, std::span<const int> b) {
  const int n = static_cast<int>(a.size());
  int distance = 0;
  for (int i = 0; i < n; ++i) {
    const int ai = a[Idx(i)];
    const int bi = b[Idx(i)];
    for (int j = i + 1; j < n; ++j) {
      distance += (a[Idx(j)] == ai) != (b[Idx(j)] == bi) ? 1 : 0;
    }
  }
  return distance;
}

// Pool: the population update. With quality_weight >= 1, a child replaces
// the worst member when it is better and not a copy of a member. Below 1 it
// is the quality-and-distance rule of Lai & Hao (2016): the child joins,
// every member x of the enlarged pool is scored
//   quality_weight A(f(x)) + (1 - quality_weight) A(D(x)),
// f the objective (violations first), D the distance to the closest other
// member, A(v) = (v - min) / (max - min + 1) over the pool, and the lowest
// score leaves (never the best member). Copies (same score or distance 0)
// never join. O(p n^2) per child, p the population size.
class Pool {
 public:
  explicit Pool(double quality_weight) : quality_weight_(quality_weight) {}

  void Rebuild(const std::vector<Member>& population) {
    const std::size_t p = population.size();
    distance_.assign(p, std::vector<int>(p, 0));
    for (std::size_t a = 0; a < p; ++a) {
      for (std::size_t b = a + 1; b < p; ++b) {
        distance_[a][b] = distance_[b][a] =
            PairDistance(population[a].group_of, population[b].group_of);
      }
    }
  }

  [[nodiscard]] static std::size_t BestIndex(
      const std::vector<Member>& population) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < population.size(); ++k) {
      if (Better(population[k], population[best])) best = k;
    }
    return best;
  }

  // Offer: true if the child entered the population.
  bool Offer(Member&& child, std::vector<Member>& population) {
    const std::size_t p = population.size();
    for (const Member& m : population) {
      if (Same(m, child)) return false;
    }
    if (quality_weight_ >= 1.0) {
      std::size_t worst = 0;
      for (std::size_t k = 1; k < p; ++k) {
        if (Better(population[worst], population[k])) worst = k;
      }
      if (!Better(child, population[worst])) return false;
      Replace(worst, std::move(child), population);
      return true;
    }
    std::vector<int> to_child(p);
    for (std::size_t k = 0; k < p; ++k) {
      to_child[k] = PairDistance(population[k].group_of, child.group_of);
      if (to_child[k] == 0) return false;
    }
    // Scores over the pool population + child (index p).
    const auto member = [&](std::size_t k) -> const Member& {
      return k == p ? child : population[k];
    };
    const auto dist = [&](std::size_t a, std::size_t b) {
      if (a == p) return to_child[b];
      if (b == p) return to_child[a];
      return distance_[a][b];
    };
    std::vector<double> quality(p + 1);
    std::vector<double> spread(p + 1);
    for (std::size_t k = 0; k <= p; ++k) {
      // Violations dominate the objective in the quality.
      quality[k] = member(k).objective - 1e12 * member(k).violations;
      int closest = std::numeric_limits<int>::max();
      for (std::size_t l = 0; l <= p; ++l) {
        if (l != k) closest = std::min(closest, dist(k, l));
      }
      spread[k] = closest;
    }
    const auto normalise = [](std::vector<double>& v) {
      const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
      const double low = *lo;
      const double range = *hi - *lo + 1.0;
      for (double& x : v) x = (x - low) / range;
    };
    normalise(quality);
    normalise(spread);
    std::size_t best = BestIndex(population);
    if (Better(child, population[best])) best = p;
    std::size_t leave = p + 1;
    double lowest = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k <= p; ++k) {
      if (k == best) continue;
      const double score =
          quality_weight_ * quality[k] + (1.0 - quality_weight_) * spread[k];
      if (score < lowest) {
        lowest = score;
        leave = k;
      }
    }
    if (leave == p) return false;
    for (std::size_t k = 0; k < p; ++k) {
      if (k != leave) distance_[leave][k] = distance_[k][leave] = to_child[k];
    }
    population[leave] = std::move(child);
    return true;
  }

 private:
  void Replace(std::size_t k, Member&& child, std::vector<Member>& population) {
    population[k] = std::move(child);
    for (std::size_t l = 0; l < population.size(); ++l) {
      if (l != k) {
        distance_[k][l] = distance_[l][k] =
            PairDistance(population[k].group_of, population[l].group_of);
      }
    }
  }

  double quality_weight_;
  std::vector<std::vector<int>> distance_;
};

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
    return absl::InvalidArgumentError("perturb_probability: must be in [0, 1]");
  }
  if (!(o.pool_quality_weight >= 0.0 && o.pool_quality_weight <= 1.0)) {
    return absl::InvalidArgumentError("pool_quality_weight: must be in [0, 1]");
  }
  if (!(o.shaped_start_fraction >= 0.0 && o.shaped_start_fraction <= 1.0)) {
    return absl::InvalidArgumentError(
        "shaped_start_fraction: must be in [0, 1]");
  }
  if (o.restart_after_stale_rounds < 0) {
    return absl::InvalidArgumentError(
        "restart_after_stale_rounds: must be >= 0");
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
  // Short runs with short tenures: the crossover does the long-range work,
  // so many short improvements beat few long ones (measured on MDGPLIB
  // n = 120 at 3 s: stall 400 beat 150, 1000 and 2400; tenure 3..10 beat
  // 6..18 and 10..30).
  t.tenure_min = std::max(3, n / 40);
  t.tenure_max = t.tenure_min + std::max(7, n / 17);
  t.max_stall = std::max(200, 10 * n / 3);
  return t;
}

absl::StatusOr<GroupSolveResult> SolveGroups(const GroupProblem& problem,
                                             const GroupSolverOptions& options,
                                             const CallContext& context) {
  if (absl::Status s = ValidateGroupProblem(problem); !s.ok()) return s;
  if (absl::Status s = ValidateOptions(options); !s.ok()) return s;
  const SearchClock::time_point start = SearchClock::now();
  const auto elapsed = [start] {
    return std::chrono::duration<double>(SearchClock::now() - start).count();
  };
  const SearchClock::time_point deadline =
      options.time_limit_seconds > 0.0
          ? start +
                std::chrono::duration_cast<SearchClock::duration>(
                    std::chrono::duration<double>(options.time_limit_seconds))
          : SearchClock::time_point::max();
  const StopSignal stop(deadline, context.cancel);

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
  // Versions of `best`: bumped on each improvement, and the last reported.
  int best_version = 0;
  int reported_version = 0;
  auto last_tick = std::chrono::steady_clock::now();
  const auto tick = [&] {
    if (!context.progress) return;
    last_tick = std::chrono::steady_clock::now();
    Progress p;
    if (options.time_limit_seconds > 0.0) {
      p.done = static_cast<std::int64_t>(1000.0 * elapsed());
      p.total = static_cast<std::int64_t>(1000.0 * options.time_limit_seconds);
    } else {
      p.done = result.rounds;
      p.total = options.max_rounds;
    }
    p.best_objective = have_best ? best.objective : 0.0;
    if (have_best && best_version != reported_version && best.violations == 0 &&
        !best.group_of.empty()) {
      p.improved_group_of = &best.group_of;
      reported_version = best_version;
    }
    context.progress(p);
  };
  const auto finish = [&](Worker& worker, SearchRng& rng, Member& out) {
    if (options.local_search == GroupSolverOptions::LocalSearch::kTabu) {
      // Descent first: from a random start or a crossover child it reaches
      // a local optimum at O(n) per applied neighbour, where each tabu
      // iteration costs a full O(n^2) scan.
      Descent(worker.state, rng, stop);
      out.iterations = TabuSearch(worker.state, tabu, rng, stop, worker.tabu);
    } else {
      out.iterations =
          IteratedDescent(worker.state, options.iterated_descent, rng, stop);
    }
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
      ++best_version;
      result.seconds_to_best = m.finished_at;
    }
  };

  // 1. The initial population.
  const int population_size = options.population;
  // shaped(k): whether random start k uses GroupSizes' shaped profile.
  const int shaped_starts = static_cast<int>(
      std::ceil(options.shaped_start_fraction * population_size));
  const auto shaped = [shaped_starts](int k) { return k < shaped_starts; };
  std::vector<Member> population(Idx(population_size));
  RunUnits(
      population_size, workers,
      [&](int k, Worker& worker) {
        SearchRng rng(options.seed, static_cast<std::uint64_t>(k));
        worker.state.Reset(RandomGrouping(problem, shaped(k), rng));
        finish(worker, rng, population[Idx(k)]);
      },
      tick);
  // paced_tick: progress between rounds too, when short rounds never let
  // RunUnits' waiting tick fire (small problems), about 5 times a second.
  const auto paced_tick = [&] {
    if (std::chrono::steady_clock::now() - last_tick >=
        std::chrono::milliseconds(200)) {
      tick();
    }
  };
  for (const Member& m : population) admit(m);
  paced_tick();
  Pool pool(options.pool_quality_weight);
  pool.Rebuild(population);
  int stale_rounds = 0;
  int restarts = 0;
  const int restart_after = options.restart_after_stale_rounds;

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
          SearchRng rng(options.seed,
                        round_base + static_cast<std::uint64_t>(c));
          const int a = rng.Below(population_size);
          int b = rng.Below(population_size - 1);
          if (b >= a) ++b;
          if (rng.Unit() < options.perturb_probability) {
            worker.state.Reset(population[Idx(a)].group_of);
            Perturb(worker.state, perturb_swaps, rng);
          } else {
            worker.state.Reset(
                GroupCrossover(problem, population[Idx(a)].group_of,
                               population[Idx(b)].group_of, rng));
          }
          finish(worker, rng, children[Idx(c)]);
        },
        tick);
    ++result.rounds;
    bool changed = false;
    for (Member& child : children) {
      admit(child);
      changed = pool.Offer(std::move(child), population) || changed;
    }
    stale_rounds = changed ? 0 : stale_rounds + 1;
    paced_tick();
    if (restart_after > 0 && stale_rounds >= restart_after && !stop.Expired()) {
      // Restart: keep the best member, rebuild the others from random
      // starts (streams after every child's, in a fixed order).
      stale_rounds = 0;
      const std::size_t keep = Pool::BestIndex(population);
      const std::uint64_t restart_base =
          (std::uint64_t{1} << 40U) +
          static_cast<std::uint64_t>(restarts) *
              static_cast<std::uint64_t>(population_size);
      ++restarts;
      std::vector<Member> fresh(Idx(population_size - 1));
      RunUnits(
          population_size - 1, workers,
          [&](int k, Worker& worker) {
            SearchRng rng(options.seed,
                          restart_base + static_cast<std::uint64_t>(k));
            worker.state.Reset(RandomGrouping(problem, shaped(k), rng));
            finish(worker, rng, fresh[Idx(k)]);
          },
          tick);
      std::size_t next = 0;
      for (std::size_t k = 0; k < population.size(); ++k) {
        if (k == keep) continue;
        admit(fresh[next]);
        population[k] = std::move(fresh[next++]);
      }
      pool.Rebuild(population);
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
