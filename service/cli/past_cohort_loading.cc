#include "service/cli/past_cohort_loading.h"

#include <atomic>
#include <filesystem>
#include <iostream>
#include <thread>

#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/history/past_cohort_file.h"
#include "service/render/violations_render.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {

std::optional<int> LoadPastCohorts(const std::string& dir, int jobs,
                                   std::vector<sopu::v1::PastCohort>& rounds) {
  absl::StatusOr<std::vector<std::string>> paths =
      service::ListPastCohortFiles(dir);
  if (!paths.ok()) {
    std::cerr << "sopu: " << paths.status().message() << '\n';
    return paths.status().code() == absl::StatusCode::kInvalidArgument
               ? kExitInvalidInput
               : ExitCodeOf(paths.status());
  }
  // Read and validate on `jobs` threads; report in file order.
  std::vector<absl::StatusOr<service::LoadedPastCohort>> loaded(
      paths->size(), absl::UnknownError("not read"));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < paths->size(); i = next++) {
      loaded[i] = service::ReadPastCohortFile((*paths)[i]);
    }
  };
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs && static_cast<std::size_t>(j) < paths->size();
       ++j) {
    threads.emplace_back(worker);
  }
  worker();
  for (std::thread& t : threads) t.join();
  bool problems = false;
  for (std::size_t i = 0; i < paths->size(); ++i) {
    if (!loaded[i].ok()) {
      std::cerr << "sopu: " << loaded[i].status().message() << '\n';
      return ExitCodeOf(loaded[i].status());
    }
    if (!loaded[i]->problems.empty()) {
      std::cerr << (*paths)[i]
                << ": the input has problems; nothing was computed.\n";
      service::PrintViolations(loaded[i]->problems, loaded[i]->truncated,
                               nullptr, std::cerr);
      problems = true;
      continue;
    }
    rounds.push_back(std::move(loaded[i]->past));
  }
  if (problems) return kExitInvalidInput;
  spdlog::info("read {} past cohorts", rounds.size());
  return std::nullopt;
}

std::string PolicyLabel(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

}  // namespace sopu::cli
