// `sopu gen`: writes synthetic cohorts (CSV or JSON), or past cohorts with
// historical pairs and outcomes (--history; with --groups also historical
// groups), seeded and reproducible.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/common/limits.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/common_options.h"
#include "service/gen/cohort_csv_writer.h"
#include "service/gen/cohort_generator.h"
#include "service/gen/deterministic_json.h"
#include "service/gen/gen_random.h"
#include "service/gen/history_generator.h"
#include "service/io/json_files.h"
#include "service/render/violations_render.h"
#include "service/status/bad_request.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

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

// GenPlan: the options with their defaults resolved, and what they imply.
struct GenPlan {
  GenOptions options;
  std::string format;  // csv | json
  int group_min = 0;   // with --groups
  int group_max = 0;
  sopu::v1::Policy staff;  // the staff policy of --history
  sopu::v1::Policy truth;  // its hidden true weights
};

bool ParseInt(std::string_view text, int& out) {
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// ParseGroupSize reads "MIN-MAX" or "N" into 2 <= min <= max <= 50.
bool ParseGroupSize(const std::string& text, int& min, int& max) {
  const std::size_t dash = text.find('-');
  const bool ok =
      dash == std::string::npos
          ? ParseInt(text, min) && ParseInt(text, max)
          : ParseInt(std::string_view(text).substr(0, dash), min) &&
                ParseInt(std::string_view(text).substr(dash + 1), max);
  return ok && min >= 2 && min <= max && max <= 50;
}

// WithDefaults: the counts of unset roles (15 mentors and 40 mentees, or
// none of either with --peers) and the format (JSON for --history, else by
// -o's extension, else CSV).
GenPlan WithDefaults(const GenOptions& options) {
  GenPlan plan;
  plan.options = options;
  plan.format = options.format;
  GenOptions& o = plan.options;
  if (o.peers > 0) {
    o.mentors = std::max(o.mentors, 0);
    o.mentees = std::max(o.mentees, 0);
  } else {
    if (o.mentors < 0) o.mentors = 15;
    if (o.mentees < 0) o.mentees = 40;
  }
  if (o.history) {
    plan.format = "json";
  } else if (plan.format.empty()) {
    plan.format = o.output_path.ends_with(".json") ? "json" : "csv";
  }
  return plan;
}

// UsageProblem prints the first combination of options that cannot be
// generated and returns kExitUsage; sets the group sizes otherwise.
std::optional<int> UsageProblem(GenPlan& plan) {
  const GenOptions& o = plan.options;
  const bool bad_size =
      o.groups && !ParseGroupSize(o.group_size, plan.group_min, plan.group_max);
  const std::vector<std::pair<bool, const char*>> rules = {
      {o.mentors + o.mentees + o.peers == 0,
       "nothing to generate; give --mentors, --mentees or --peers"},
      {o.groups && !o.history, "--groups needs --history"},
      {bad_size,
       "--group-size must be MIN-MAX or N with 2 <= MIN <= MAX <= 50"},
      {o.history && !o.groups && (o.mentors == 0 || o.mentees == 0),
       "--history needs mentors and mentees"},
      {o.history && o.groups && o.peers == 0 && o.mentees == 0,
       "--groups needs peers or mentees"},
      {o.history && o.format == "csv",
       "--history writes past cohorts as JSON; drop --format csv"},
      {!o.history && (!o.policy_path.empty() || !o.truth_path.empty()),
       "--policy and --truth need --history"},
      {o.count > 1 && o.out_dir.empty(), "--count needs --out DIR"},
      {!o.out_dir.empty() && !o.output_path.empty(),
       "give either -o FILE or --out DIR"},
  };
  for (const auto& [broken, message] : rules) {
    if (broken) {
      std::cerr << "sopu: " << message << '\n';
      return kExitUsage;
    }
  }
  return std::nullopt;
}

// LoadPolicies sets the staff policy and the hidden truth of --history: the
// built-in ones, or --policy's with its own soft weights as the truth.
std::optional<int> LoadPolicies(GenPlan& plan) {
  plan.staff = gen::GeneratorPolicy();
  plan.truth = gen::GeneratorTruth();
  if (plan.options.policy_path.empty()) return std::nullopt;
  absl::StatusOr<sopu::v1::Policy> policy =
      io::ReadPolicyFile(plan.options.policy_path);
  if (!policy.ok()) return PrintFailure(policy.status());
  plan.staff = *policy;
  plan.truth = plan.staff;  // a custom policy's own soft weights are the truth
  plan.truth.set_name("true weights (the policy's soft weights)");
  for (auto& c : *plan.truth.mutable_criteria()) {
    if (c.hard()) c.set_weight(0.0);
  }
  return std::nullopt;
}

// PrepareOutputs writes --truth and creates --out's folder.
std::optional<int> PrepareOutputs(const GenPlan& plan) {
  const GenOptions& o = plan.options;
  if (!o.truth_path.empty()) {
    if (const int code =
            WriteOutput(o.truth_path, gen::DeterministicJson(plan.truth));
        code != kExitOk) {
      return code;
    }
  }
  if (!o.out_dir.empty()) {
    std::error_code error;
    std::filesystem::create_directories(o.out_dir, error);
    if (error) {
      std::cerr << "sopu: " << o.out_dir << ": cannot create the folder\n";
      return kExitIo;
    }
  }
  return std::nullopt;
}

// PastCohortJson: a past cohort (named `name`) of `cohort` as JSON: pairs,
// groups and outcomes made by the plan's staff policy and truth.
absl::StatusOr<std::string> PastCohortJson(const GenPlan& plan,
                                           const std::string& name,
                                           const sopu::v1::Cohort& cohort,
                                           std::uint64_t cohort_seed) {
  gen::HistoryGenOptions history;
  history.noise = plan.options.noise;
  history.seed = gen::MixSeed(cohort_seed, 1);
  history.groups = plan.options.groups;
  history.group_min = plan.group_min;
  history.group_max = plan.group_max;
  absl::StatusOr<sopu::v1::PastCohort> past =
      gen::GeneratePastCohort(name, cohort, plan.staff, plan.truth, history);
  if (!past.ok()) return past.status();
  return gen::DeterministicJson(*past);
}

// WriteCohort generates and writes the k-th cohort (0-based) of the plan.
int WriteCohort(const GenPlan& plan, int k) {
  const GenOptions& o = plan.options;
  gen::CohortGenOptions cohort_options;
  cohort_options.mentors = o.mentors;
  cohort_options.mentees = o.mentees;
  cohort_options.peers = o.peers;
  cohort_options.avoid_rate = o.avoid_rate;
  cohort_options.seed = gen::MixSeed(o.seed, static_cast<std::uint64_t>(k));
  cohort_options.program = absl::StrFormat(
      "Synteettinen kohortti (siemen %d, nro %d)", o.seed, k + 1);
  const sopu::v1::Cohort cohort = gen::GenerateCohort(cohort_options);
  const int width =
      std::max(3, static_cast<int>(std::to_string(o.count).size()));
  const std::string name =
      absl::StrFormat("%s-%0*d", o.history ? "past" : "cohort", width, k + 1);
  absl::StatusOr<std::string> text =
      o.history ? PastCohortJson(plan, name, cohort, cohort_options.seed)
      : plan.format == "json" ? gen::DeterministicJson(cohort)
                              : gen::WriteCohortCsv(cohort);
  if (!text.ok()) {
    const auto problems = service::ViolationsOf(text.status());
    std::cerr << "sopu: " << text.status().message() << '\n';
    if (!problems.empty()) {
      service::PrintViolations(problems, false, nullptr, std::cerr);
    }
    return ExitCodeOf(text.status());
  }
  const std::string path =
      o.out_dir.empty()
          ? o.output_path
          : (std::filesystem::path(o.out_dir) /
             absl::StrCat(name, plan.format == "json" ? ".json" : ".csv"))
                .string();
  return WriteOutput(path, *text);
}

int RunGen(const GenOptions& options) {
  GenPlan plan = WithDefaults(options);
  if (auto code = UsageProblem(plan)) return *code;
  if (auto code = LoadPolicies(plan)) return *code;
  if (auto code = PrepareOutputs(plan)) return *code;
  for (int k = 0; k < plan.options.count; ++k) {
    if (const int code = WriteCohort(plan, k); code != kExitOk) return code;
  }
  const GenOptions& o = plan.options;
  spdlog::info("generated {} cohorts of {} mentors, {} mentees, {} peers",
               o.count, o.mentors, o.mentees, o.peers);
  return kExitOk;
}

// AddHistoryOptions adds the options of --history.
void AddHistoryOptions(CLI::App& command, GenOptions& options) {
  command.add_flag("--history", options.history,
                   "Write past cohorts (protobuf JSON of "
                   "sopu.v1.PastCohort): staff-made pairs (same region "
                   "first) with ratings and completion");
  command.add_option("--policy", options.policy_path,
                     "With --history: the staff policy recorded and obeyed "
                     "(default: the built-in one of examples/policy.json); "
                     "its soft weights are then the true weights");
  command.add_option("--truth", options.truth_path,
                     "With --history: write the hidden true weights (a "
                     "policy JSON) to this file");
  command
      .add_option("--noise", options.noise,
                  "With --history: standard deviation of the rating noise")
      ->check(CLI::Range(0.0, 5.0))
      ->capture_default_str();
  command.add_flag("--groups", options.groups,
                   "With --history: also write staff-made groups of the "
                   "peers (without peers: of the mentees), region first, "
                   "with ratings and completion from the same truth; a "
                   "peers-only cohort gets groups and no pairs");
  command
      .add_option("--group-size", options.group_size,
                  "With --groups: group sizes MIN-MAX or N, 2..50")
      ->capture_default_str();
}

// AddCohortOptions adds the options of the cohorts and their output.
void AddCohortOptions(CLI::App& command, GenOptions& options) {
  command.add_option("--mentors", options.mentors, "Mentors (default 15)")
      ->check(CLI::Range(0, kMaxParticipants));
  command.add_option("--mentees", options.mentees, "Mentees (default 40)")
      ->check(CLI::Range(0, kMaxParticipants));
  command
      .add_option("--peers", options.peers,
                  "Peers (peer pairs and groups); without --mentors and "
                  "--mentees, peers only")
      ->check(CLI::Range(0, kMaxParticipants));
  command.add_option("--seed", options.seed, "Seed")->capture_default_str();
  command
      .add_option("--avoid-rate", options.avoid_rate,
                  "Share of participants with an avoid-list entry, 0..1")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command
      .add_option("--format", options.format,
                  "csv (staff format: ;-separated, BOM, decimal commas) or "
                  "json (default: by -o's extension, else csv)")
      ->check(CLI::IsMember({"csv", "json"}));
  AddOutputOption(command, options.output_path);
}

}  // namespace

Command AddGenCommand(CLI::App& app) {
  auto options = std::make_shared<GenOptions>();
  CLI::App* command = app.add_subcommand(
      "gen",
      "Generate realistic synthetic cohorts (invented people in real Finnish "
      "municipalities, arts sectors, the five coaching themes, fi/sv/en): "
      "staff CSV or JSON; with --history, past cohorts (historical pairs and "
      "outcomes from a hidden true model) for `sopu bench` and `sopu "
      "calibrate`. The same seed gives the same bytes");
  AddCohortOptions(*command, *options);
  AddHistoryOptions(*command, *options);
  command
      ->add_option("--count", options->count, "Cohorts to write (with --out)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command->add_option("--out", options->out_dir,
                      "Folder for the cohorts: past-001.json … (--history), "
                      "cohort-001.csv …");
  return {command, LocalRun([options] { return RunGen(*options); })};
}

}  // namespace sopu::cli
