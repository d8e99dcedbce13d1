#include "service/cli/solve_groups_command.h"

#include <fstream>
#include <iostream>
#include <string>
#include <utility>

#include "absl/strings/str_format.h"
#include "engine/groups/group_solver.h"
#include "service/cli/commands.h"
#include "service/io/mdgp_instance_reader.h"

namespace sopu::cli {

int RunSolveGroups(const SolveGroupsOptions& options) {
  absl::StatusOr<io::MdgpInstance> instance =
      io::ReadMdgpInstance(options.mdgp_path);
  if (!instance.ok()) {
    std::cerr << "sopu: " << instance.status().message() << '\n';
    return instance.status().code() == absl::StatusCode::kNotFound
               ? kExitIo
               : kExitInvalidInput;
  }
  GroupProblem problem;
  problem.elements = instance->elements;
  problem.affinity = std::move(instance->distance);
  for (const auto& [lo, hi] : instance->bounds) {
    problem.groups.push_back({.min_size = lo, .max_size = hi});
  }
  GroupSolverOptions solver;
  solver.time_limit_seconds = options.time_limit_seconds;
  solver.max_rounds = options.rounds;
  solver.seed = options.seed;
  solver.threads = options.threads;
  const absl::StatusOr<GroupSolveResult> result = SolveGroups(problem, solver);
  if (!result.ok()) {
    std::cerr << "sopu: " << options.mdgp_path << ": "
              << result.status().message() << '\n';
    return result.status().code() == absl::StatusCode::kInvalidArgument
               ? kExitInvalidInput
               : kExitInternal;
  }
  if (!options.groups_out_path.empty()) {
    std::ofstream out(options.groups_out_path);
    for (const int g : result->group_of) out << g << '\n';
    if (!out) {
      std::cerr << "sopu: " << options.groups_out_path << ": cannot write\n";
      return kExitIo;
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

}  // namespace sopu::cli
