// `sopu bench`: replays a folder of past cohorts under one or more policies
// (embedded engine, or sopud servers with --server; rounds in parallel) and
// reports quality, fairness, stability, agreement with history and run time.
#include <cstdio>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/past_cohort_loading.h"
#include "service/cli/progress_bar.h"
#include "service/gen/deterministic_json.h"
#include "service/history/bench_render.h"
#include "service/history/bench_runner.h"
#include "service/io/json_files.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {

int RunBench(const BenchOptions& options, EngineClient& engine) {
  std::vector<service::BenchPolicy> policies;
  for (const std::string& path : options.policy_paths) {
    absl::StatusOr<sopu::v1::Policy> policy = io::ReadPolicyFile(path);
    if (!policy.ok()) {
      std::cerr << "sopu: " << policy.status().message() << '\n';
      return ExitCodeOf(policy.status());
    }
    std::string label = PolicyLabel(path);
    for (const auto& earlier : policies) {
      if (earlier.label == label) {
        label = absl::StrCat(label, "#", policies.size() + 1);
      }
    }
    policies.push_back({label, *std::move(policy)});
  }
  std::vector<sopu::v1::PastCohort> rounds;
  if (auto code = LoadPastCohorts(options.dir, options.jobs, rounds))
    return *code;

  service::BenchOptions bench;
  bench.jobs = options.jobs;
  if (options.objective == "fair") {
    bench.objective = sopu::v1::OBJECTIVE_FAIR;
  } else if (options.objective == "stable") {
    bench.objective = sopu::v1::OBJECTIVE_STABLE;
  }
  // A server that fails a call fails the batch: a report with missing
  // rounds would mislead.
  std::mutex failure_mutex;
  absl::Status server_failure;
  bench.match = [&](const sopu::v1::MatchRequest& request) {
    absl::StatusOr<sopu::v1::MatchResponse> response = engine.Match(request);
    if (!response.ok() && client::IsServerFailure(response.status())) {
      const std::lock_guard lock(failure_mutex);
      if (server_failure.ok()) server_failure = response.status();
    }
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
  service::BenchOutput output;
  { output = service::RunBench(rounds, policies, bench); }
  if (!server_failure.ok()) {
    std::cerr << "sopu: " << server_failure.message()
              << "; no report was written\n";
    return ExitCodeOf(server_failure);
  }
  spdlog::info("replayed {} rounds under {} policies in {:.2f} s",
               rounds.size(), policies.size(), output.report.wall_seconds());

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
  if (!options.report_path.empty()) {
    if (const int code =
            WriteOutput(options.report_path, service::RenderBenchHtml(output));
        code != kExitOk) {
      return code;
    }
  }
  int failed = 0;
  for (const auto& run : output.runs)
    failed += run.result.error().empty() ? 0 : 1;
  if (failed > 0) {
    std::cerr << "sopu: " << failed << (failed == 1 ? " run" : " runs")
              << " could not be made; see the error column\n";
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace sopu::cli
