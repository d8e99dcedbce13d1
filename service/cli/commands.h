// The `sopu` command line's commands. Each builds the same request message
// the gRPC API takes, sends it to the engine (the shared request handlers in
// this process, or a sopud server with `sopu --server`: see
// service/client/engine_client.h), and renders the response; so the command
// line and the server behave alike.
//
// Exit codes: 0 success; 1 the input has problems (all are listed);
// 2 usage error; 3 a file cannot be read or written; 4 internal error;
// 5 the server could not be reached or refused the call.
#ifndef SOPU_SERVICE_CLI_COMMANDS_H_
#define SOPU_SERVICE_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "service/client/engine_client.h"

namespace sopu::cli {

using client::EngineClient;

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitIo = 3;
inline constexpr int kExitInternal = 4;
inline constexpr int kExitServer = 5;

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

struct GenOptions {
  int mentors = -1;  // < 0: unset (15, or 0 with --peers)
  int mentees = -1;  // < 0: unset (40, or 0 with --peers)
  int peers = 0;
  std::uint64_t seed = 1;
  double avoid_rate = 0.01;
  std::string format;       // csv | json; empty: by extension, else csv
  std::string output_path;  // empty: standard output
  bool history = false;     // write PastCohort JSON with pairs and outcomes
  std::string policy_path;  // staff policy of --history; empty: built-in
  std::string truth_path;   // write the hidden true weights (policy JSON)
  double noise = 0.5;       // rating noise (standard deviation)
  int count = 1;            // cohorts to write (with --out)
  std::string out_dir;      // folder for --count cohorts
  bool groups = false;      // --history: also staff-made groups
  std::string group_size = "4-6";  // group sizes MIN-MAX (or N)
};

struct BenchOptions {
  std::string dir;
  std::vector<std::string> policy_paths;
  std::string objective = "optimal";  // optimal | fair | stable
  int jobs = 1;
  std::string format = "table";  // table | csv | json
  std::string output_path;       // empty: standard output
  std::string report_path;       // HTML report; empty: none
};

struct CalibrateOptions {
  std::string dir;
  std::string policy_path;
  int folds = 5;
  std::string output_path;  // proposed policy; empty: report only
  std::string truth_path;   // optional: true weights to compare with
};

struct ExplainOptions {
  std::string cohort_path;
  std::string policy_path;         // empty: the default policy
  std::string pair;                // "MENTOR_ID,MENTEE_ID"
  std::vector<std::string> group;  // member ids (with pair empty)
  std::string role = "peer";       // the group's member role
  std::string format = "table";    // table | json
  std::string output_path;         // empty: standard output
};

[[nodiscard]] int RunValidate(const ValidateOptions& options,
                              EngineClient& engine);
[[nodiscard]] int RunScore(const ScoreOptions& options, EngineClient& engine);
[[nodiscard]] int RunMatch(const MatchOptions& options, EngineClient& engine);
[[nodiscard]] int RunPairs(const PairsOptions& options, EngineClient& engine);
[[nodiscard]] int RunGroups(const GroupsOptions& options, EngineClient& engine);
[[nodiscard]] int RunExplain(const ExplainOptions& options,
                             EngineClient& engine);
[[nodiscard]] int RunGen(const GenOptions& options);
[[nodiscard]] int RunBench(const BenchOptions& options, EngineClient& engine);
[[nodiscard]] int RunCalibrate(const CalibrateOptions& options);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_COMMANDS_H_
