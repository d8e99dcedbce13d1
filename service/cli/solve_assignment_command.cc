// `sopu solve assignment`: the assignment benchmark interface
// (solve_command.h).
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_format.h"
#include "engine/assignment/capacitated_assignment.h"
#include "service/cli/commands.h"
#include "service/cli/solve_command.h"
#include "service/io/assignment_instance_reader.h"

namespace sopu::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct SolveAssignmentOptions {
  std::string matrix_path;
  std::string objective = "lexicographic";  // lexicographic | max-score
  std::optional<double> min_score;          // only with max-score
  std::string assign_out_path;  // empty: none; else "mentee mentor" lines
};

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// ProblemOf moves the instance's matrix into an AssignmentProblem.
AssignmentProblem ProblemOf(io::AssignmentInstance& instance) {
  AssignmentProblem problem;
  problem.rows = instance.rows;
  problem.cols = instance.cols;
  problem.scores = std::move(instance.scores);
  problem.forbidden = std::move(instance.forbidden);
  problem.capacity = std::move(instance.capacity);
  return problem;
}

// SolveOptionsOf: the solver options of --objective and --min-score.
AssignmentOptions SolveOptionsOf(const SolveAssignmentOptions& options) {
  AssignmentOptions solve_options;
  if (options.objective == "max-score") {
    solve_options.objective = AssignmentObjective::kMaxScore;
    solve_options.min_score = options.min_score;
  }
  return solve_options;
}

// WritePairs writes the "mentee mentor" lines (0-based) of the solution's
// first `rows` mentees.
int WritePairs(const std::string& path, const AssignmentSolution& solution,
               int rows) {
  std::ofstream out(path);
  for (int i = 0; i < rows; ++i) {
    const int j = solution.mentor_of[static_cast<std::size_t>(i)];
    if (j >= 0) out << i << ' ' << j << '\n';
  }
  if (!out) {
    std::cerr << "sopu: " << path << ": cannot write\n";
    return kExitIo;
  }
  return kExitOk;
}

int RunSolveAssignment(const SolveAssignmentOptions& options) {
  const Clock::time_point start = Clock::now();
  if (options.min_score.has_value() && options.objective != "max-score") {
    std::cerr << "sopu: --min-score needs --objective max-score\n";
    return kExitUsage;
  }
  absl::StatusOr<io::AssignmentInstance> instance =
      io::ReadAssignmentInstance(options.matrix_path);
  if (!instance.ok()) return InstanceFailure(instance.status());
  const double seconds_read = Since(start);
  const AssignmentProblem problem = ProblemOf(*instance);
  const Clock::time_point solve_start = Clock::now();
  const absl::StatusOr<AssignmentResult> result =
      SolveCapacitatedAssignment(problem, SolveOptionsOf(options));
  const double seconds_solve = Since(solve_start);
  if (!result.ok()) return SolverFailure(options.matrix_path, result.status());
  const AssignmentSolution& solution = result->solution;
  if (!options.assign_out_path.empty()) {
    if (const int code =
            WritePairs(options.assign_out_path, solution, problem.rows);
        code != kExitOk) {
      return code;
    }
  }
  // Integer totals are exact in double (|total| < 2^53 here); print them as
  // integers, decimals with the file's precision like the peers.
  std::cout << absl::StrFormat(
      "{\"solver\": \"sopu\", \"objective\": %.*f, \"matched\": %d, "
      "\"seconds_solve\": %.6f, \"seconds_total\": %.6f, "
      "\"seconds_read\": %.6f}\n",
      instance->decimals, solution.total, solution.matched, seconds_solve,
      Since(start), seconds_read);
  return kExitOk;
}

}  // namespace

Command AddSolveAssignmentCommand(CLI::App& solve) {
  auto options = std::make_shared<SolveAssignmentOptions>();
  CLI::App* command = solve.add_subcommand(
      "assignment",
      "Solve a capacitated assignment instance in the peers' text format "
      "(docs/assignment.md) and print one JSON line");
  command
      ->add_option("--matrix", options->matrix_path,
                   "Instance file: rows cols, capacities, scores (x or -inf "
                   "forbidden)")
      ->required();
  command
      ->add_option("--objective", options->objective,
                   "lexicographic: most mentees matched, then the largest "
                   "total; max-score: the largest total")
      ->check(CLI::IsMember({"lexicographic", "max-score"}))
      ->capture_default_str();
  command->add_option("--min-score", options->min_score,
                      "With max-score: pairs scoring below this are not used");
  command->add_option(
      "--assign-out", options->assign_out_path,
      "Write the pairs as 'mentee mentor' lines (0-based) to this file");
  return {command,
          LocalRun([options] { return RunSolveAssignment(*options); })};
}

}  // namespace sopu::cli
