#include "service/cli/solve_command.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>

#include "absl/strings/str_format.h"
#include "engine/assignment/capacitated_assignment.h"
#include "service/cli/commands.h"
#include "service/io/assignment_instance_reader.h"

namespace sopu::cli {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

int RunSolveAssignment(const SolveAssignmentOptions& options) {
  const Clock::time_point start = Clock::now();
  const bool max_score = options.objective == "max-score";
  if (options.min_score.has_value() && !max_score) {
    std::cerr << "sopu: --min-score needs --objective max-score\n";
    return kExitUsage;
  }
  absl::StatusOr<io::AssignmentInstance> instance =
      io::ReadAssignmentInstance(options.matrix_path);
  if (!instance.ok()) {
    std::cerr << "sopu: " << instance.status().message() << '\n';
    return instance.status().code() == absl::StatusCode::kNotFound
               ? kExitIo
               : kExitInvalidInput;
  }
  const double seconds_read = Since(start);

  AssignmentProblem problem;
  problem.rows = instance->rows;
  problem.cols = instance->cols;
  problem.scores = std::move(instance->scores);
  problem.forbidden = std::move(instance->forbidden);
  problem.capacity = std::move(instance->capacity);
  AssignmentOptions solve_options;
  if (max_score) {
    solve_options.objective = AssignmentObjective::kMaxScore;
    solve_options.min_score = options.min_score;
  }
  const Clock::time_point solve_start = Clock::now();
  const absl::StatusOr<AssignmentResult> result =
      SolveCapacitatedAssignment(problem, solve_options);
  const double seconds_solve = Since(solve_start);
  if (!result.ok()) {
    std::cerr << "sopu: " << options.matrix_path << ": "
              << result.status().message() << '\n';
    return result.status().code() == absl::StatusCode::kInvalidArgument
               ? kExitInvalidInput
               : kExitInternal;
  }
  const AssignmentSolution& solution = result->solution;

  if (!options.assign_out_path.empty()) {
    std::ofstream out(options.assign_out_path);
    for (int i = 0; i < problem.rows; ++i) {
      const int j = solution.mentor_of[static_cast<std::size_t>(i)];
      if (j >= 0) out << i << ' ' << j << '\n';
    }
    if (!out) {
      std::cerr << "sopu: " << options.assign_out_path << ": cannot write\n";
      return kExitIo;
    }
  }

  // Integer totals are exact in double (|total| < 2^53 here); print them as
  // integers, decimals with the file's precision like the peers.
  const std::string objective =
      instance->decimals == 0
          ? absl::StrFormat("%.0f", solution.total)
          : absl::StrFormat("%.*f", instance->decimals, solution.total);
  std::cout << absl::StrFormat(
      "{\"solver\": \"sopu\", \"objective\": %s, \"matched\": %d, "
      "\"seconds_solve\": %.6f, \"seconds_total\": %.6f, "
      "\"seconds_read\": %.6f}\n",
      objective, solution.matched, seconds_solve, Since(start), seconds_read);
  return kExitOk;
}

}  // namespace sopu::cli
