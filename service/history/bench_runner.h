// RunBench replays past cohorts under policies: for each (round, policy) it
// runs the match handler (HandleMatch, the same as `sopu match`) on the
// round's cohort and compares the engine's assignment with the historical
// one in the policy's scores: matched share, total / mean / worst fit and
// spread, goal coverage, blocking pairs under score-derived rankings,
// agreement with the historical pairs and Spearman's rank correlation
// between the policy's score of each historical pair and its rating; and for
// the historical groups, their number, mean fit (mean pair score, as
// FormGroups reports it) and Spearman's rank correlation between fit and
// rating. docs/past-cohorts.md defines every figure.
//
// A groups-only round whose cohort lacks mentors or mentees (e.g. a peer
// round) is not matched: its pair figures are 0 and only the group figures
// are reported.
//
// Parallelism: rounds are shared among `jobs` threads (each thread takes the
// next round and runs every policy on it); results do not depend on `jobs`
// except the run times.
//
// Personal data: results carry round names, policy labels, counts and
// scores, never a profile value.
#ifndef SOPU_SERVICE_HISTORY_BENCH_RUNNER_H_
#define SOPU_SERVICE_HISTORY_BENCH_RUNNER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/cancellation.h"
#include "sopu/v1/history.pb.h"
#include "sopu/v1/policy.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

struct BenchPolicy {
  std::string label;  // e.g. the file name without extension
  sopu::v1::Policy policy;
};

// MatchFunction runs one MatchRequest; it must be safe to call from several
// threads at once.
using MatchFunction = std::function<absl::StatusOr<sopu::v1::MatchResponse>(
    const sopu::v1::MatchRequest&)>;

struct BenchOptions {
  sopu::v1::Objective objective = sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED;
  // How each round is matched; empty: HandleMatch in this process. `sopu
  // bench --server` sends the requests to sopud instead.
  MatchFunction match;
  int jobs = 1;  // worker threads, 1..256
  // Called after each finished round with done = rounds finished, total =
  // rounds; from the worker threads, one call at a time. May be empty.
  ProgressCallback progress;
};

// BenchRun is one (round, policy) result with the scores behind it (for the
// HTML report's plots).
struct BenchRun {
  sopu::v1::BenchResult result;
  std::vector<double> engine_scores;      // the engine's pairs
  std::vector<double> historical_scores;  // the historical pairs
  std::vector<double> predicted;          // rated historical pairs: score
  std::vector<double> ratings;            //   ... and rating
  // Per mentee, the covered goal importance and the goal importance (for
  // pooling goal coverage): engine, historical.
  double engine_covered = 0;
  double historical_covered = 0;
  double goal_importance = 0;
  std::vector<double> group_fits;       // historical groups with a fit
  std::vector<double> group_predicted;  // ... and a rating: fit
  std::vector<double> group_ratings;    //   ... and rating
};

struct BenchOutput {
  sopu::v1::BenchReport report;
  // Parallel to report.results, then one pooled run per policy.
  std::vector<BenchRun> runs;
  std::vector<BenchRun> overall;
};

// RunOne replays one valid past cohort under one policy (`match` empty:
// HandleMatch).
[[nodiscard]] BenchRun RunOne(const sopu::v1::PastCohort& past,
                              const BenchPolicy& policy,
                              sopu::v1::Objective objective,
                              const MatchFunction& match = {});

// Pool combines runs of one policy into its "(all)" figures.
[[nodiscard]] BenchRun Pool(const std::vector<const BenchRun*>& runs,
                            const std::string& policy_label);

// RunBench replays every round (each valid: see ValidatePastCohort) under
// every policy.
[[nodiscard]] BenchOutput RunBench(
    const std::vector<sopu::v1::PastCohort>& rounds,
    const std::vector<BenchPolicy>& policies, const BenchOptions& options);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HISTORY_BENCH_RUNNER_H_
