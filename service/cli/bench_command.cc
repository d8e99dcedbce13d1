// `sopu bench`: replays a folder of past cohorts under one or more policies
// (embedded engine, or sopud servers with --server; rounds in parallel) and
// reports quality, fairness, stability, agreement with history and run time.
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/common_options.h"
#include "service/cli/past_cohort_loading.h"
#include "service/cli/progress_bar.h"
#include "service/gen/deterministic_json.h"
#include "service/history/bench_render.h"
#include "service/history/bench_runner.h"
#include "service/io/json_files.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

struct BenchOptions {
  std::string dir;
  std::vector<std::string> policy_paths;
  std::string objective = "optimal";  // optimal | fair | stable
  int jobs = 1;
  std::string format = "table";  // table | csv | json
  std::string output_path;       // empty: standard output
  std::string report_path;       // HTML report; empty: none
};

// LoadPolicies reads every --policy, labelled by file name ("name#2" when
// two files share a name).
std::optional<int> LoadPolicies(const BenchOptions& options,
                                std::vector<service::BenchPolicy>& policies) {
  for (const std::string& path : options.policy_paths) {
    absl::StatusOr<sopu::v1::Policy> policy = io::ReadPolicyFile(path);
    if (!policy.ok()) return PrintFailure(policy.status());
    std::string label = PolicyLabel(path);
    for (const auto& earlier : policies) {
      if (earlier.label == label) {
        label = absl::StrCat(label, "#", policies.size() + 1);
      }
    }
    policies.push_back({label, *std::move(policy)});
  }
  return std::nullopt;
}

// ServerFailure remembers the first call a server failed: a report with
// missing rounds would mislead, so it fails the batch.
class ServerFailure {
 public:
  void Note(const absl::Status& status) {
    if (!client::IsServerFailure(status)) return;
    const std::lock_guard lock(mutex_);
    if (first_.ok()) first_ = status;
  }
  [[nodiscard]] absl::Status first() const {
    const std::lock_guard lock(mutex_);
    return first_;
  }

 private:
  mutable std::mutex mutex_;
  absl::Status first_;
};

// ReplayAll runs every round under every policy on `engine`, with a
// progress bar on a terminal.
service::BenchOutput ReplayAll(
    const BenchOptions& options,
    const std::vector<sopu::v1::PastCohort>& rounds,
    const std::vector<service::BenchPolicy>& policies, EngineClient& engine,
    ServerFailure& failure) {
  service::BenchOptions bench;
  bench.jobs = options.jobs;
  if (options.objective == "fair") {
    bench.objective = sopu::v1::OBJECTIVE_FAIR;
  } else if (options.objective == "stable") {
    bench.objective = sopu::v1::OBJECTIVE_STABLE;
  }
  bench.match = [&](const sopu::v1::MatchRequest& request) {
    absl::StatusOr<sopu::v1::MatchResponse> response = engine.Match(request);
    if (!response.ok()) failure.Note(response.status());
    return response;
  };
  ProgressBar bar;
  if (bar.enabled()) {
    bench.progress = [&bar](const Progress& p) {
      bar.Draw(p.total > 0
                   ? static_cast<double>(p.done) / static_cast<double>(p.total)
                   : 0.0,
               absl::StrCat(p.done, "/", p.total, " rounds"));
    };
  }
  return service::RunBench(rounds, policies, bench);
}

// WriteReports writes the report in --format, and the HTML report.
int WriteReports(const BenchOptions& options,
                 const service::BenchOutput& output) {
  std::ostringstream text;
  if (options.format == "json") {
    text << gen::DeterministicJson(output.report, /*print_defaults=*/true);
  } else if (options.format == "csv") {
    service::RenderBenchCsv(output, text);
  } else {
    service::RenderBenchTable(output, text);
  }
  if (const int code = WriteOutput(options.output_path, text.str());
      code != kExitOk) {
    return code;
  }
  if (options.report_path.empty()) return kExitOk;
  return WriteOutput(options.report_path, service::RenderBenchHtml(output));
}

int RunBench(const BenchOptions& options, EngineClient& engine) {
  std::vector<service::BenchPolicy> policies;
  if (auto code = LoadPolicies(options, policies)) return *code;
  std::vector<sopu::v1::PastCohort> rounds;
  if (auto code = LoadPastCohorts(options.dir, options.jobs, rounds)) {
    return *code;
  }
  ServerFailure failure;
  const service::BenchOutput output =
      ReplayAll(options, rounds, policies, engine, failure);
  if (const absl::Status first = failure.first(); !first.ok()) {
    std::cerr << "sopu: " << first.message() << "; no report was written\n";
    return ExitCodeOf(first);
  }
  spdlog::info("replayed {} rounds under {} policies in {:.2f} s",
               rounds.size(), policies.size(), output.report.wall_seconds());
  if (const int code = WriteReports(options, output); code != kExitOk) {
    return code;
  }
  int failed = 0;
  for (const auto& run : output.runs) {
    failed += run.result.error().empty() ? 0 : 1;
  }
  if (failed > 0) {
    std::cerr << "sopu: " << failed << (failed == 1 ? " run" : " runs")
              << " could not be made; see the error column\n";
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace

Command AddBenchCommand(CLI::App& app) {
  auto options = std::make_shared<BenchOptions>();
  CLI::App* command = app.add_subcommand(
      "bench",
      "Replay every past cohort of a folder under each policy and report per "
      "round and overall: matched %, fit (total, mean, worst, spread), goal "
      "coverage, blocking pairs, agreement with the historical pairs, rank "
      "correlation of fit and rating, run time (docs/past-cohorts.md)");
  command
      ->add_option("DIR", options->dir,
                   "Folder of past-cohort files (*.json, sopu.v1.PastCohort)")
      ->required();
  command
      ->add_option("--policy", options->policy_paths,
                   "Policy file (JSON); repeat to compare policies")
      ->required();
  command
      ->add_option("--objective", options->objective,
                   "optimal, fair or stable (see `sopu match`)")
      ->check(CLI::IsMember({"optimal", "fair", "stable"}))
      ->capture_default_str();
  command->add_option("--jobs", options->jobs, "Rounds run in parallel")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  AddFormatOption(*command, options->format, {"table", "csv", "json"});
  AddOutputOption(*command, options->output_path);
  command->add_option("--report", options->report_path,
                      "Also write a self-contained HTML report with plots "
                      "(open it in a browser)");
  return {command, EngineRun([options](EngineClient& engine) {
            return RunBench(*options, engine);
          })};
}

}  // namespace sopu::cli
