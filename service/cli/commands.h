// The `sopu` command line's commands. Each builds the same request message
// the gRPC API takes, runs the shared request handler (embedded engine), and
// renders the response; so the command line and the server behave alike.
//
// Exit codes: 0 success; 1 the input has problems (all are listed);
// 2 usage error; 3 a file cannot be read or written; 4 internal error.
#ifndef SOPU_SERVICE_CLI_COMMANDS_H_
#define SOPU_SERVICE_CLI_COMMANDS_H_

#include <string>

namespace sopu::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitIo = 3;
inline constexpr int kExitInternal = 4;

struct ValidateOptions {
  std::string cohort_path;
  std::string policy_path;      // empty: validate against the default policy
  std::string format = "text";  // text | json
};

struct ScoreOptions {
  std::string cohort_path;
  std::string policy_path;  // empty: the default policy
  int top = 5;
  std::string format = "table";  // table | csv | json
  std::string output_path;       // empty: standard output
};

struct MatchOptions {
  std::string cohort_path;
  std::string policy_path;            // empty: the default policy
  std::string objective = "optimal";  // optimal | max-score | fair | stable
  std::string lock_path;              // CSV of pairs that must stay
  std::string forbid_path;            // CSV of pairs that must not be made
  std::string previous_path;          // CSV of an earlier assignment
  double continuity_bonus = -1.0;     // < 0: unset (the default, 0.1)
  double min_score = -1.0;            // < 0: unset
  bool use_wishes = false;
  std::string format = "table";  // table | csv | json
  std::string output_path;       // empty: standard output
};

struct PairsOptions {
  std::string cohort_path;
  std::string policy_path;  // empty: the default policy
  bool max_score_only = false;
  double min_score = -1.0;       // < 0: unset
  std::string format = "table";  // table | csv | json
  std::string output_path;       // empty: standard output
};

[[nodiscard]] int RunValidate(const ValidateOptions& options);
[[nodiscard]] int RunScore(const ScoreOptions& options);
[[nodiscard]] int RunMatch(const MatchOptions& options);
[[nodiscard]] int RunPairs(const PairsOptions& options);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_COMMANDS_H_
