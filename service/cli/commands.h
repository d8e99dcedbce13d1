// The `sopu` command line's commands. Each builds the same request message
// the gRPC API takes, runs the shared request handler (embedded engine), and
// renders the response; so the command line and the server behave alike.
//
// Exit codes: 0 success; 1 the input has problems (all are listed);
// 2 usage error; 3 a file cannot be read or written; 4 internal error.
#ifndef SOPU_SERVICE_CLI_COMMANDS_H_
#define SOPU_SERVICE_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

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

struct GroupsOptions {
  std::string cohort_path;
  std::string policy_path;  // empty: the default policy
  std::string size;         // "4-6" or "5"; empty: with groups only
  int groups = 0;           // 0: the fewest that fit the size
  std::string role = "peer";
  std::string key;           // attribute members of a group share
  std::string facilitators;  // role of facilitators; empty: none
  int max_per_organisation = 0;
  std::vector<std::string> spread;       // attributes
  std::vector<std::string> no_isolated;  // ATTRIBUTE=VALUE
  std::string together_path;             // CSV of pairs (first_id, second_id)
  double time_limit = 5.0;
  std::uint64_t seed = 1;
  std::int64_t rounds = 0;       // 0: no round limit
  std::string format = "table";  // table | csv | json
  std::string output_path;       // empty: standard output
};

[[nodiscard]] int RunValidate(const ValidateOptions& options);
[[nodiscard]] int RunScore(const ScoreOptions& options);
[[nodiscard]] int RunMatch(const MatchOptions& options);
[[nodiscard]] int RunPairs(const PairsOptions& options);
[[nodiscard]] int RunGroups(const GroupsOptions& options);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_COMMANDS_H_
