// `sopu groups`: splits the members into groups within size bounds under
// hard rules (with --together pairs read from a CSV pair file), with a
// progress bar on a terminal; the FormGroups call of the API.
#include <charconv>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"
#include "engine/common/limits.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/common_options.h"
#include "service/cli/csv_style.h"
#include "service/cli/engine_pipeline.h"
#include "service/cli/progress_bar.h"
#include "service/render/groups_render.h"
#include "service/render/groups_xlsx.h"
#include "service/render/report_groups.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

// Formats: the --format values.
const std::vector<std::string>& Formats() {
  static const auto* const kFormats =
      new std::vector<std::string>{"table", "csv", "json", "xlsx", "html"};
  return *kFormats;
}

struct GroupsOptions {
  std::string cohort_path;
  std::string sheet;  // --sheet: the spreadsheet's sheet; empty: the first
  std::string policy_path;  // empty: the default policy
  std::string size;         // "4-6" or "5"; empty: with groups only
  int groups = 0;           // 0: the fewest that fit the size
  std::string role = "peer";
  std::string key;           // attribute members of a group share
  std::string facilitators;  // role of facilitators; empty: none
  int max_per_organisation = 0;
  bool uneven_sizes = false;
  std::vector<std::string> spread;       // attributes
  std::vector<std::string> no_isolated;  // ATTRIBUTE=VALUE
  std::string together_path;             // CSV of pairs (first_id, second_id)
  double time_limit = 5.0;
  std::uint64_t seed = 1;
  std::int64_t rounds = 0;  // 0: no round limit
  std::string format;       // table|csv|json|xlsx|html; "": ResolveFormat
  std::string output_path;  // empty: standard output
  std::string csv_style = "auto";
};

bool ParseInt(std::string_view text, int& out) {
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// ParseSize: "4-6" or "5" into min and max.
bool ParseSize(const std::string& text, int& min_size, int& max_size) {
  const auto dash = text.find('-');
  if (dash == std::string::npos) {
    if (!ParseInt(text, min_size)) return false;
    max_size = min_size;
    return true;
  }
  return ParseInt(std::string_view(text).substr(0, dash), min_size) &&
         ParseInt(std::string_view(text).substr(dash + 1), max_size);
}

// UsageProblem checks what CLI11 cannot: --size's form, that --size or
// --groups is given, and --no-isolated's form; prints the first problem and
// returns kExitUsage.
std::optional<int> UsageProblem(const GroupsOptions& options) {
  int min_size = 0;
  int max_size = 0;
  if (!options.size.empty() && !ParseSize(options.size, min_size, max_size)) {
    std::cerr << "sopu: --size: expected MIN-MAX (e.g. 4-6) or N\n";
    return kExitUsage;
  }
  if (options.size.empty() && options.groups == 0) {
    std::cerr << "sopu: give --size MIN-MAX, --groups N, or both\n";
    return kExitUsage;
  }
  for (const std::string& item : options.no_isolated) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
      std::cerr << "sopu: --no-isolated: expected ATTRIBUTE=VALUE\n";
      return kExitUsage;
    }
  }
  return std::nullopt;
}

// SetRules sets the request's sizes and rules from the options (checked by
// UsageProblem).
void SetRules(const GroupsOptions& options, sopu::v1::GroupsRequest& request) {
  int min_size = 0;
  int max_size = 0;
  if (!options.size.empty() && ParseSize(options.size, min_size, max_size)) {
    request.set_min_size(min_size);
    request.set_max_size(max_size);
  }
  request.set_member_role(RoleOf(options.role));
  request.set_group_count(options.groups);
  request.set_uneven_sizes(options.uneven_sizes);
  request.set_key_attribute(options.key);
  if (!options.facilitators.empty()) {
    request.set_facilitator_role(RoleOf(options.facilitators));
  }
  request.set_max_per_organisation(options.max_per_organisation);
  for (const std::string& attribute : options.spread) {
    auto* b = request.add_balance();
    b->set_attribute(attribute);
    b->set_spread(true);
  }
  for (const std::string& item : options.no_isolated) {
    const auto eq = item.find('=');
    auto* b = request.add_balance();
    b->set_attribute(item.substr(0, eq));
    b->add_no_isolated_values(item.substr(eq + 1));
  }
}

class GroupsCommand final
    : public EngineCommand<sopu::v1::GroupsRequest, sopu::v1::GroupsResponse> {
 public:
  explicit GroupsCommand(const GroupsOptions& options)
      : EngineCommand(options.cohort_path, options.sheet, options.policy_path),
        options_(options) {}

 private:
  std::optional<int> ReadPairFiles(sopu::v1::GroupsRequest& request) override {
    return ReadPairFile(options_.together_path, "together",
                        *request.mutable_together());
  }
  std::optional<int> Prepare(sopu::v1::GroupsRequest& request) override {
    SetRules(options_, request);
    NameOptions(request);
    request.set_time_limit_seconds(options_.time_limit);
    request.set_seed(options_.seed);
    if (options_.rounds > 0) request.set_max_rounds(options_.rounds);
    return std::nullopt;
  }
  absl::StatusOr<sopu::v1::GroupsResponse> Call(
      EngineClient& engine, const sopu::v1::GroupsRequest& request) override;
  int Render(const sopu::v1::GroupsResponse& response,
             const sopu::v1::GroupsRequest& request) override;
  // Write writes the response in the --format; returns the exit code.
  int Write(const sopu::v1::GroupsResponse& response,
            const sopu::v1::Cohort& cohort) const;

  // NameOptions makes problems name the options the rules came from.
  void NameOptions(const sopu::v1::GroupsRequest& request) {
    NameOption("key_attribute", "--key " + options_.key);
    NameOption("min_size", "--size " + options_.size);
    NameOption("max_size", "--size " + options_.size);
    NameOption("group_count", "--groups");
    NameOption("member_role", "--role " + options_.role);
    for (int b = 0; b < request.balance_size(); ++b) {
      const sopu::v1::GroupBalanceRule& rule = request.balance(b);
      const std::string option = rule.spread()
                                     ? "--spread " + rule.attribute()
                                     : "--no-isolated " + rule.attribute() +
                                           "=" + rule.no_isolated_values(0);
      const std::string base = "balance[" + std::to_string(b) + "]";
      NameOption(base + ".attribute", option);
      NameOption(base + ".no_isolated_values[0]", option);
    }
  }

  const GroupsOptions& options_;
};

absl::StatusOr<sopu::v1::GroupsResponse> GroupsCommand::Call(
    EngineClient& engine, const sopu::v1::GroupsRequest& request) {
  ProgressBar bar;
  ProgressCallback progress;
  if (bar.enabled()) {
    progress = [&bar](const Progress& p) {
      const double fraction = p.total > 0 ? static_cast<double>(p.done) /
                                                static_cast<double>(p.total)
                                          : 0.0;
      bar.Draw(fraction, absl::StrFormat("%3d%% · best %.3f",
                                         static_cast<int>(100.0 * fraction),
                                         p.best_objective));
    };
  }
  return engine.FormGroups(request, progress);
}

int GroupsCommand::Write(const sopu::v1::GroupsResponse& response,
                         const sopu::v1::Cohort& cohort) const {
  if (options_.format == "xlsx") {
    return WriteWorkbook(options_.output_path, [&](const std::string& file) {
      return service::WriteGroupsXlsx(response, cohort, file);
    });
  }
  if (options_.format == "html") {
    return WriteOutput(options_.output_path,
                       service::RenderGroupsReport(
                           response, cohort, {.created = ReportCreatedTime()}));
  }
  return Emit(options_.format, response, cohort, service::RenderGroupsCsv,
              service::RenderGroupsTable, options_.output_path,
              CsvDialectFor(inputs().cohort, options_.csv_style));
}

int GroupsCommand::Render(const sopu::v1::GroupsResponse& response,
                          const sopu::v1::GroupsRequest& request) {
  spdlog::info("formed {} groups of {} of {} members in {:.1f} s",
               response.summary().groups(), response.summary().assigned(),
               response.summary().members(), response.summary().seconds());
  const int written = Write(response, request.cohort());
  if (written != kExitOk) return written;
  // Infeasible rules and unmet rules are the input's problems.
  const auto status = response.status();
  return status == sopu::v1::GROUPS_STATUS_INFEASIBLE ||
                 status == sopu::v1::GROUPS_STATUS_RULES_NOT_MET
             ? kExitInvalidInput
             : kExitOk;
}

// AddRuleOptions adds the options of the rules every grouping must obey.
void AddRuleOptions(CLI::App& command, GroupsOptions& options) {
  command.add_option("--size", options.size,
                     "Group size bounds MIN-MAX (e.g. 4-6), or N");
  command
      .add_option("--groups", options.groups,
                  "Number of groups (default: the fewest that fit --size, "
                  "or more when the hard rules cannot all hold with them)")
      ->check(CLI::Range(0, kMaxGroupCount));
  command.add_flag("--uneven-sizes", options.uneven_sizes,
                   "Let group sizes range freely within --size (default: "
                   "sizes differ by at most one wherever the rules allow)");
  command.add_option("--role", options.role, "Who is grouped")
      ->check(CLI::IsMember({"peer", "mentee", "mentor", "facilitator"}))
      ->capture_default_str();
  command.add_option(
      "--key", options.key,
      "Attribute every member of a group shares, e.g. municipality "
      "(municipality and region read the location); each value forms its "
      "own groups, and every member needs a value");
  command
      .add_option("--facilitators", options.facilitators,
                  "Role of the facilitators: one per group by fit, each "
                  "leading at most their facilitator_capacity of groups "
                  "(default 1)")
      ->check(CLI::IsMember({"facilitator", "mentor", "mentee", "peer"}));
  command
      .add_option("--max-per-organisation", options.max_per_organisation,
                  "At most this many members of one organisation (the "
                  "policy's organisation_attribute) per group")
      ->check(CLI::Range(0, kMaxGroupSize));
  command.add_option("--spread", options.spread,
                     "Spread this attribute's values evenly over the "
                     "groups (repeatable)");
  command.add_option(
      "--no-isolated", options.no_isolated,
      "ATTRIBUTE=VALUE: a group holds none or at least two members with "
      "this value (repeatable)");
  command.add_option("--together", options.together_path,
                     "CSV of pairs who must share a group (columns "
                     "first_id, second_id)");
}

// AddSearchOptions adds the options of the search and of the output.
void AddSearchOptions(CLI::App& command, GroupsOptions& options) {
  command
      .add_option("--time-limit", options.time_limit,
                  "Seconds for the whole grouping, scoring and search")
      ->check(CLI::Range(0.01, kMaxTimeLimitSeconds))
      ->capture_default_str();
  command
      .add_option("--seed", options.seed,
                  "Seed: the same seed and --rounds give the same groups")
      ->capture_default_str();
  command
      .add_option("--rounds", options.rounds,
                  "Stop after this many search rounds (0: time limit only)")
      ->check(CLI::NonNegativeNumber);
  AddFormatOption(command, options.format, Formats());
  AddOutputOption(command, options.output_path);
  AddCsvStyleOption(command, options.csv_style);
}

}  // namespace

Command AddGroupsCommand(CLI::App& app) {
  auto options = std::make_shared<GroupsOptions>();
  CLI::App* command = app.add_subcommand(
      "groups",
      "Split the members (participants with --role) into groups within the "
      "size bounds: hard rules always hold, then the largest total affinity "
      "(the mean of each pair's two scores); every group explained");
  AddCohortArgument(*command, options->cohort_path, options->sheet);
  command->add_option("--policy", options->policy_path,
                      "Policy file (JSON). Default: see `sopu score`");
  AddRuleOptions(*command, *options);
  AddSearchOptions(*command, *options);
  return {command, EngineRun([options](EngineClient& engine) {
            if (auto code = UsageProblem(*options)) return *code;
            if (auto code = ResolveFormat(options->format, options->output_path,
                                          Formats())) {
              return *code;
            }
            return GroupsCommand(*options).Run(engine);
          })};
}

}  // namespace sopu::cli
