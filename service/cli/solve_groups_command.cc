// `sopu solve groups`: the grouping benchmark interface (solve_command.h).
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_format.h"
#include "engine/groups/group_solver.h"
#include "service/cli/commands.h"
#include "service/cli/solve_command.h"
#include "service/io/mdgp_instance_reader.h"

namespace sopu::cli {
namespace {

struct SolveGroupsOptions {
  std::string mdgp_path;
  double time_limit_seconds = 3.0;
  std::int64_t rounds = 0;  // 0: no round limit
  std::uint64_t seed = 1;
  int threads = 0;              // 0: every core
  std::string groups_out_path;  // empty: none; else one group id per line
};

// ProblemOf moves the instance's distances into a GroupProblem.
GroupProblem ProblemOf(io::MdgpInstance& instance) {
  GroupProblem problem;
  problem.elements = instance.elements;
  problem.affinity = std::move(instance.distance);
  for (const auto& [lo, hi] : instance.bounds) {
    problem.groups.push_back({.min_size = lo, .max_size = hi});
  }
  return problem;
}

// WriteGroups writes each element's group (0-based), one per line.
int WriteGroups(const std::string& path, const std::vector<int>& group_of) {
  std::ofstream out(path);
  for (const int g : group_of) out << g << '\n';
  if (!out) {
    std::cerr << "sopu: " << path << ": cannot write\n";
    return kExitIo;
  }
  return kExitOk;
}

int RunSolveGroups(const SolveGroupsOptions& options) {
  absl::StatusOr<io::MdgpInstance> instance =
      io::ReadMdgpInstance(options.mdgp_path);
  if (!instance.ok()) return InstanceFailure(instance.status());
  GroupSolverOptions solver;
  solver.time_limit_seconds = options.time_limit_seconds;
  solver.max_rounds = options.rounds;
  solver.seed = options.seed;
  solver.threads = options.threads;
  const absl::StatusOr<GroupSolveResult> result =
      SolveGroups(ProblemOf(*instance), solver);
  if (!result.ok()) return SolverFailure(options.mdgp_path, result.status());
  if (!options.groups_out_path.empty()) {
    if (const int code = WriteGroups(options.groups_out_path, result->group_of);
        code != kExitOk) {
      return code;
    }
  }
  std::cout << absl::StrFormat(
      "{\"solver\": \"sopu\", \"objective\": %.*f, \"seconds\": %.3f, "
      "\"time_to_best\": %.3f, \"upper_bound\": %.*f, \"rounds\": %d, "
      "\"tabu_iterations\": %d, \"seed\": %d, \"threads\": %d}\n",
      instance->decimals, result->objective, result->seconds,
      result->seconds_to_best, instance->decimals, result->upper_bound,
      result->rounds, result->tabu_iterations, options.seed, options.threads);
  return kExitOk;
}

}  // namespace

Command AddSolveGroupsCommand(CLI::App& solve) {
  auto options = std::make_shared<SolveGroupsOptions>();
  CLI::App* command = solve.add_subcommand(
      "groups",
      "Solve a grouping instance in the MDGPLIB format (docs/groups.md) and "
      "print one JSON line");
  command
      ->add_option("--mdgp", options->mdgp_path,
                   "Instance file: n m ss|ds bounds, then 'i j d' lines")
      ->required();
  command
      ->add_option("--time-limit", options->time_limit_seconds,
                   "Wall-clock seconds; 0 needs --rounds")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  command
      ->add_option("--rounds", options->rounds,
                   "Stop after this many rounds of the population search "
                   "(0: no limit); with no time limit reached, the result "
                   "is the same for any --threads")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--seed", options->seed, "Seed of the random streams")
      ->capture_default_str();
  command
      ->add_option("--threads", options->threads,
                   "Worker threads (0: every core)")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  command->add_option(
      "--groups-out", options->groups_out_path,
      "Write each element's group (0-based), one per line, to this file");
  return {command, LocalRun([options] { return RunSolveGroups(*options); })};
}

}  // namespace sopu::cli
