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
#include <thread>
#include <utility>

#include "engine/common/index.h"
#include "engine/groups/group_recombination.h"
#include "engine/groups/group_state.h"
#include "engine/groups/search_control.h"

namespace sopu {
namespace {

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
    for (const Member& m : population) {
      if (Same(m, child)) return false;
    }
    if (quality_weight_ >= 1.0) {
      return OfferReplacingWorst(std::move(child), population);
    }
    return OfferByQualityAndDistance(std::move(child), population);
  }

 private:
  // OfferReplacingWorst: the rule for quality_weight >= 1.
  bool OfferReplacingWorst(Member&& child, std::vector<Member>& population) {
    std::size_t worst = 0;
    for (std::size_t k = 1; k < population.size(); ++k) {
      if (Better(population[worst], population[k])) worst = k;
    }
    if (!Better(child, population[worst])) return false;
    Replace(worst, std::move(child), population);
    return true;
  }

  // OfferByQualityAndDistance: the rule of Lai & Hao for quality_weight < 1.
  bool OfferByQualityAndDistance(Member&& child,
                                 std::vector<Member>& population) {
    const std::size_t p = population.size();
    std::vector<int> to_child(p);
    for (std::size_t k = 0; k < p; ++k) {
      to_child[k] = PairDistance(population[k].group_of, child.group_of);
      if (to_child[k] == 0) return false;
    }
    const std::size_t leave = Leaving(child, to_child, population);
    if (leave == p) return false;
    for (std::size_t k = 0; k < p; ++k) {
      if (k != leave) distance_[leave][k] = distance_[k][leave] = to_child[k];
    }
    population[leave] = std::move(child);
    return true;
  }

  // Leaving: which of population + child (index p) has the lowest score and
  // is not the best; to_child[k] is member k's distance to the child.
  [[nodiscard]] std::size_t Leaving(
      const Member& child, const std::vector<int>& to_child,
      const std::vector<Member>& population) const {
    const std::size_t p = population.size();
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
    Normalise(quality);
    Normalise(spread);
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
    return leave;
  }

  // Normalise: A(v) = (v - min) / (max - min + 1) for every entry.
  static void Normalise(std::vector<double>& v) {
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    const double low = *lo;
    const double range = *hi - *lo + 1.0;
    for (double& x : v) x = (x - low) / range;
  }

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

// RunOnWorkers: runs unit(u, worker) for u = 0..count-1, one thread per
// worker; the calling thread waits and calls tick() about five times a
// second.
void RunOnWorkers(int count, std::vector<Worker>& workers,
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

// MemeticSearch: one run of the search described in group_solver.h, on a
// valid problem and valid options (SolveGroups checks both). The problem,
// options and context are borrowed and must outlive it; it owns the
// population, the workers' scratch and the best grouping so far. Its
// methods are the algorithm's steps: InitialPopulation (1), RunRound and
// Restart (2), and Run's loop and StopReason (3); Improve is the work of
// one unit, Admit and Report the bookkeeping between units. Single use:
// construct, then Run() once.
class MemeticSearch {
 public:
  MemeticSearch(const GroupProblem& problem, const GroupSolverOptions& options,
                const CallContext& context);
  MemeticSearch(const MemeticSearch&) = delete;
  MemeticSearch& operator=(const MemeticSearch&) = delete;

  // Run: the whole search; the result holds the best grouping re-evaluated
  // from scratch. Call once.
  [[nodiscard]] GroupSolveResult Run();

 private:
  // Step 1: population random starts, each improved.
  void InitialPopulation();
  // Step 2: one round — children_per_round children of the population as it
  // is at the start of the round, then offered to it in order.
  void RunRound();
  // RestartDue: restart_after_stale_rounds rounds in a row without a change.
  [[nodiscard]] bool RestartDue() const;
  // Restart: every member but the best from a new random start.
  void Restart();
  // Step 3: why the search stops (or stopped).
  [[nodiscard]] bool TargetReached() const;
  [[nodiscard]] bool RoundLimitReached() const;
  [[nodiscard]] GroupStopReason StopReason() const;

  // RandomStarts: fills out[k] for every k with the improved random start
  // of stream stream_base + k (start k takes the shaped profile when
  // k < shaped_starts_).
  void RandomStarts(std::uint64_t stream_base, std::vector<Member>& out);
  // MakeChild: the child of the given stream — a crossover of two parents,
  // or a perturbed parent — improved.
  void MakeChild(std::uint64_t stream, Worker& worker, Member& out) const;
  // Improve: the local search on worker.state, then out takes its result.
  void Improve(Worker& worker, SearchRng& rng, Member& out) const;
  // RunUnits: unit(u, worker) for u = 0..count-1 on the workers, reporting
  // progress while they run.
  void RunUnits(int count, const std::function<void(int, Worker&)>& unit);

  // Admit: counts m's iterations and keeps it when it beats the best.
  void Admit(const Member& m);
  // Report: progress to the context, with the best grouping when it improved
  // since the last report, breaks no rule and with_grouping is set.
  void Report(bool with_grouping = true);
  // ReportIfDue: Report when the last one is 200 ms old — progress between
  // rounds too, when short rounds never let RunUnits' waiting report fire
  // (small problems).
  void ReportIfDue();
  [[nodiscard]] double Elapsed() const;

  const GroupProblem& problem_;
  const GroupSolverOptions& options_;
  const CallContext& context_;
  const SearchClock::time_point start_;
  const StopSignal stop_;
  // The tabu settings after DefaultTabuOptions fills the zero ones.
  const TabuSearchOptions tabu_;
  // Random starts k < shaped_starts_ take GroupSizes' shaped profile.
  const int shaped_starts_;
  // Random swaps of a perturbed child.
  const int perturb_swaps_;
  std::vector<Worker> workers_;

  GroupSolveResult result_;  // rounds and tabu_iterations count as it runs
  Member best_;
  bool have_best_ = false;
  // Versions of best_: bumped on each improvement, and the last reported.
  int best_version_ = 0;
  int reported_version_ = 0;
  SearchClock::time_point last_report_;

  std::vector<Member> population_;
  std::vector<Member> children_;  // of the current round
  Pool pool_;
  int stale_rounds_ = 0;  // rounds in a row without a population change
  int restarts_ = 0;
};

SearchClock::time_point Deadline(SearchClock::time_point start,
                                 double time_limit_seconds) {
  return time_limit_seconds > 0.0
             ? start + std::chrono::duration_cast<SearchClock::duration>(
                           std::chrono::duration<double>(time_limit_seconds))
             : SearchClock::time_point::max();
}

TabuSearchOptions EffectiveTabuOptions(const GroupProblem& problem,
                                       const TabuSearchOptions& requested) {
  TabuSearchOptions tabu = DefaultTabuOptions(problem);
  if (requested.max_stall > 0) tabu.max_stall = requested.max_stall;
  if (requested.tenure_max > 0) {
    tabu.tenure_min = requested.tenure_min;
    tabu.tenure_max = requested.tenure_max;
  }
  return tabu;
}

int ThreadCount(int requested) {
  return requested > 0
             ? requested
             : std::max(1,
                        static_cast<int>(std::thread::hardware_concurrency()));
}

MemeticSearch::MemeticSearch(const GroupProblem& problem,
                             const GroupSolverOptions& options,
                             const CallContext& context)
    : problem_(problem),
      options_(options),
      context_(context),
      start_(SearchClock::now()),
      stop_(Deadline(start_, options.time_limit_seconds), context.cancel),
      tabu_(EffectiveTabuOptions(problem, options.tabu)),
      shaped_starts_(static_cast<int>(
          std::ceil(options.shaped_start_fraction * options.population))),
      perturb_swaps_(std::max(2, problem.elements / 10)),
      population_(Idx(options.population)),
      children_(Idx(options.children_per_round)),
      pool_(options.pool_quality_weight) {
  const int threads = ThreadCount(options.threads);
  workers_.reserve(Idx(threads));
  for (int w = 0; w < threads; ++w) workers_.emplace_back(problem);
  result_.upper_bound = GroupObjectiveUpperBound(problem);
  last_report_ = SearchClock::now();
}

GroupSolveResult MemeticSearch::Run() {
  InitialPopulation();
  while (!stop_.Expired() && !TargetReached() && !RoundLimitReached()) {
    RunRound();
    ReportIfDue();
    if (RestartDue()) Restart();
  }
  result_.stop_reason = StopReason();
  const GroupingScore exact = EvaluateGrouping(problem_, best_.group_of);
  result_.group_of = std::move(best_.group_of);
  result_.objective = exact.objective;
  result_.violations = exact.violations;
  result_.seconds = Elapsed();
  // The last report carries no grouping: the result does.
  Report(/*with_grouping=*/false);
  return std::move(result_);
}

void MemeticSearch::InitialPopulation() {
  RandomStarts(0, population_);
  for (const Member& m : population_) Admit(m);
  ReportIfDue();
  pool_.Rebuild(population_);
}

void MemeticSearch::RunRound() {
  // Streams after the initial population's, children_per_round per round.
  const std::uint64_t round_base =
      static_cast<std::uint64_t>(options_.population) +
      static_cast<std::uint64_t>(result_.rounds) *
          static_cast<std::uint64_t>(options_.children_per_round);
  RunUnits(options_.children_per_round, [&](int c, Worker& worker) {
    MakeChild(round_base + static_cast<std::uint64_t>(c), worker,
              children_[Idx(c)]);
  });
  ++result_.rounds;
  bool changed = false;
  for (Member& child : children_) {
    Admit(child);
    changed = pool_.Offer(std::move(child), population_) || changed;
  }
  stale_rounds_ = changed ? 0 : stale_rounds_ + 1;
}

bool MemeticSearch::RestartDue() const {
  const int restart_after = options_.restart_after_stale_rounds;
  return restart_after > 0 && stale_rounds_ >= restart_after &&
         !stop_.Expired();
}

void MemeticSearch::Restart() {
  stale_rounds_ = 0;
  const std::size_t keep = Pool::BestIndex(population_);
  // Streams after every child's, in a fixed order.
  const std::uint64_t restart_base =
      (std::uint64_t{1} << 40U) +
      static_cast<std::uint64_t>(restarts_) *
          static_cast<std::uint64_t>(options_.population);
  ++restarts_;
  std::vector<Member> fresh(Idx(options_.population - 1));
  RandomStarts(restart_base, fresh);
  std::size_t next = 0;
  for (std::size_t k = 0; k < population_.size(); ++k) {
    if (k == keep) continue;
    Admit(fresh[next]);
    population_[k] = std::move(fresh[next++]);
  }
  pool_.Rebuild(population_);
}

bool MemeticSearch::TargetReached() const {
  return options_.target_objective.has_value() && best_.violations == 0 &&
         best_.objective >= *options_.target_objective - kSameEpsilon;
}

bool MemeticSearch::RoundLimitReached() const {
  return options_.max_rounds > 0 && result_.rounds >= options_.max_rounds;
}

GroupStopReason MemeticSearch::StopReason() const {
  if (stop_.Cancelled()) return GroupStopReason::kCancelled;
  if (TargetReached()) return GroupStopReason::kTargetReached;
  if (RoundLimitReached()) return GroupStopReason::kRoundLimit;
  return GroupStopReason::kTimeLimit;
}

void MemeticSearch::RandomStarts(std::uint64_t stream_base,
                                 std::vector<Member>& out) {
  RunUnits(static_cast<int>(out.size()), [&](int k, Worker& worker) {
    SearchRng rng(options_.seed, stream_base + static_cast<std::uint64_t>(k));
    worker.state.Reset(RandomGrouping(problem_, k < shaped_starts_, rng));
    Improve(worker, rng, out[Idx(k)]);
  });
}

void MemeticSearch::MakeChild(std::uint64_t stream, Worker& worker,
                              Member& out) const {
  SearchRng rng(options_.seed, stream);
  const int population_size = options_.population;
  const int a = rng.Below(population_size);
  int b = rng.Below(population_size - 1);
  if (b >= a) ++b;
  if (rng.Unit() < options_.perturb_probability) {
    worker.state.Reset(population_[Idx(a)].group_of);
    Perturb(worker.state, perturb_swaps_, rng);
  } else {
    worker.state.Reset(GroupCrossover(problem_, population_[Idx(a)].group_of,
                                      population_[Idx(b)].group_of, rng));
  }
  Improve(worker, rng, out);
}

void MemeticSearch::Improve(Worker& worker, SearchRng& rng, Member& out) const {
  if (options_.local_search == GroupSolverOptions::LocalSearch::kTabu) {
    // Descent first: from a random start or a crossover child it reaches a
    // local optimum at O(n) per applied neighbour, where each tabu
    // iteration costs a full O(n^2) scan.
    Descent(worker.state, rng, stop_);
    out.iterations = TabuSearch(worker.state, tabu_, rng, stop_, worker.tabu);
  } else {
    out.iterations =
        IteratedDescent(worker.state, options_.iterated_descent, rng, stop_);
  }
  const std::span<const int> a = worker.state.assignment();
  out.group_of.assign(a.begin(), a.end());
  out.objective = worker.state.objective();
  out.violations = worker.state.violations();
  out.finished_at = Elapsed();
}

void MemeticSearch::RunUnits(int count,
                             const std::function<void(int, Worker&)>& unit) {
  RunOnWorkers(count, workers_, unit, [this] { Report(); });
}

void MemeticSearch::Admit(const Member& m) {
  result_.tabu_iterations += m.iterations;
  if (!have_best_ || Better(m, best_)) {
    best_ = m;
    have_best_ = true;
    ++best_version_;
    result_.seconds_to_best = m.finished_at;
  }
}

void MemeticSearch::Report(bool with_grouping) {
  if (!context_.progress) return;
  last_report_ = SearchClock::now();
  Progress p;
  if (options_.time_limit_seconds > 0.0) {
    p.done = static_cast<std::int64_t>(1000.0 * Elapsed());
    p.total = static_cast<std::int64_t>(1000.0 * options_.time_limit_seconds);
  } else {
    p.done = result_.rounds;
    p.total = options_.max_rounds;
  }
  p.best_objective = have_best_ ? best_.objective : 0.0;
  if (with_grouping && have_best_ && best_version_ != reported_version_ &&
      best_.violations == 0 && !best_.group_of.empty()) {
    p.improved_group_of = &best_.group_of;
    reported_version_ = best_version_;
  }
  context_.progress(p);
}

void MemeticSearch::ReportIfDue() {
  if (SearchClock::now() - last_report_ >= std::chrono::milliseconds(200)) {
    Report();
  }
}

double MemeticSearch::Elapsed() const {
  return std::chrono::duration<double>(SearchClock::now() - start_).count();
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
  return MemeticSearch(problem, options, context).Run();
}

}  // namespace sopu
