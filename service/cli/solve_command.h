// `sopu solve assignment`: the benchmark interface. Reads an instance in the
// peers' text format (service/io/assignment_instance_reader.h), solves it
// with SolveCapacitatedAssignment and prints one JSON line, the same shape
// the peer solvers print:
//   {"solver":"sopu","objective":…,"matched":…,"seconds_solve":…,
//    "seconds_total":…,"seconds_read":…}
// `objective` is exact for integer instances and printed with the file's
// number of decimals otherwise; seconds_solve covers the solver call only,
// seconds_total the whole command from its start to the print.
#ifndef SOPU_SERVICE_CLI_SOLVE_COMMAND_H_
#define SOPU_SERVICE_CLI_SOLVE_COMMAND_H_

#include <optional>
#include <string>

namespace sopu::cli {

struct SolveAssignmentOptions {
  std::string matrix_path;
  std::string objective = "lexicographic";  // lexicographic | max-score
  std::optional<double> min_score;          // only with max-score
  std::string assign_out_path;  // empty: none; else "mentee mentor" lines
};

// RunSolveAssignment: exit codes as in commands.h.
[[nodiscard]] int RunSolveAssignment(const SolveAssignmentOptions& options);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_SOLVE_COMMAND_H_
