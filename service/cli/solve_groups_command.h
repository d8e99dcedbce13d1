// `sopu solve groups`: the grouping benchmark interface. Reads an MDGPLIB
// instance (service/io/mdgp_instance_reader.h), runs SolveGroups and prints
// one JSON line:
//   {"solver":"sopu","objective":…,"seconds":…,"time_to_best":…,
//    "upper_bound":…,"rounds":…,"tabu_iterations":…,"seed":…,"threads":…}
// `objective` is the MDGP objective of the grouping re-evaluated on the
// file's distances, printed with the file's number of decimals; `seconds`
// covers the solver call, `time_to_best` when its best grouping was found.
#ifndef SOPU_SERVICE_CLI_SOLVE_GROUPS_COMMAND_H_
#define SOPU_SERVICE_CLI_SOLVE_GROUPS_COMMAND_H_

#include <cstdint>
#include <string>

namespace sopu::cli {

struct SolveGroupsOptions {
  std::string mdgp_path;
  double time_limit_seconds = 3.0;
  std::int64_t rounds = 0;  // 0: no round limit
  std::uint64_t seed = 1;
  int threads = 0;              // 0: every core
  std::string groups_out_path;  // empty: none; else one group id per line
};

// RunSolveGroups: exit codes as in commands.h.
[[nodiscard]] int RunSolveGroups(const SolveGroupsOptions& options);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_SOLVE_GROUPS_COMMAND_H_
