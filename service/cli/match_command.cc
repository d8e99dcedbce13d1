// `sopu match`: assigns mentees to mentors as a whole (exact optimum, fair,
// or stable), with locked, forbidden and previous pairs read from CSV pair
// files; the Match call of the API.
#include <memory>
#include <string>
#include <vector>

#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/common_options.h"
#include "service/cli/csv_style.h"
#include "service/cli/engine_pipeline.h"
#include "service/render/match_render.h"
#include "service/render/match_xlsx.h"
#include "service/render/report_match.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

// Formats: the --format values.
const std::vector<std::string>& Formats() {
  static const auto* const kFormats =
      new std::vector<std::string>{"table", "csv", "json", "xlsx", "html"};
  return *kFormats;
}

struct MatchOptions {
  std::string cohort_path;
  std::string sheet;  // --sheet: the spreadsheet's sheet; empty: the first
  std::string policy_path;            // empty: the default policy
  std::string objective = "optimal";  // optimal | max-score | fair | stable
  std::string lock_path;              // CSV of pairs that must stay
  std::string forbid_path;            // CSV of pairs that must not be made
  std::string previous_path;          // CSV of an earlier assignment
  double continuity_bonus = -1.0;     // < 0: unset (the default, 0.1)
  double min_score = -1.0;            // < 0: unset
  bool use_wishes = false;
  std::string format;       // table|csv|json|xlsx|html; "": ResolveFormat
  std::string output_path;  // empty: standard output
  std::string csv_style = "auto";
};

sopu::v1::Objective ObjectiveOf(const std::string& name) {
  if (name == "max-score") return sopu::v1::OBJECTIVE_MAX_SCORE;
  if (name == "fair") return sopu::v1::OBJECTIVE_FAIR;
  if (name == "stable") return sopu::v1::OBJECTIVE_STABLE;
  return sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED;
}

class MatchCommand final
    : public EngineCommand<sopu::v1::MatchRequest, sopu::v1::MatchResponse> {
 public:
  explicit MatchCommand(const MatchOptions& options)
      : EngineCommand(options.cohort_path, options.sheet, options.policy_path),
        options_(options) {}

 private:
  std::optional<int> ReadPairFiles(sopu::v1::MatchRequest& request) override {
    if (auto code = ReadPairFile(options_.lock_path, "locked",
                                 *request.mutable_locked())) {
      return code;
    }
    if (auto code = ReadPairFile(options_.forbid_path, "forbidden",
                                 *request.mutable_forbidden())) {
      return code;
    }
    return ReadPairFile(options_.previous_path, "previous",
                        *request.mutable_previous());
  }
  std::optional<int> Prepare(sopu::v1::MatchRequest& request) override {
    request.set_objective(ObjectiveOf(options_.objective));
    if (options_.continuity_bonus >= 0.0) {
      request.set_continuity_bonus(options_.continuity_bonus);
    }
    if (options_.min_score >= 0.0) request.set_min_score(options_.min_score);
    request.set_use_wishes(options_.use_wishes);
    return std::nullopt;
  }
  absl::StatusOr<sopu::v1::MatchResponse> Call(
      EngineClient& engine, const sopu::v1::MatchRequest& request) override {
    return engine.Match(request);
  }
  int Render(const sopu::v1::MatchResponse& response,
             const sopu::v1::MatchRequest& request) override {
    spdlog::info("matched {} of {} mentees in {} ms",
                 response.summary().matched(), response.summary().mentees(),
                 call_time().count());
    if (options_.format == "xlsx") {
      return WriteWorkbook(options_.output_path, [&](const std::string& file) {
        return service::WriteMatchXlsx(response, request.cohort(), file);
      });
    }
    if (options_.format == "html") {
      return WriteOutput(
          options_.output_path,
          service::RenderMatchReport(response, request.cohort(),
                                     {.created = ReportCreatedTime()}));
    }
    return Emit(options_.format, response, request.cohort(),
                service::RenderMatchCsv, service::RenderMatchTable,
                options_.output_path,
                CsvDialectFor(inputs().cohort, options_.csv_style));
  }

  const MatchOptions& options_;
};

void AddPairFileOptions(CLI::App& command, MatchOptions& options) {
  command.add_option("--lock", options.lock_path,
                     "CSV of pairs that must be in the result (columns "
                     "mentee_id, mentor_id)");
  command.add_option("--forbid", options.forbid_path,
                     "CSV of pairs that must not be made");
  command.add_option("--previous", options.previous_path,
                     "CSV of an earlier assignment (e.g. a previous "
                     "`sopu match --format csv`): its pairs are kept "
                     "unless changing them is worth more than the bonus");
  command
      .add_option("--continuity-bonus", options.continuity_bonus,
                  "Score added to previous pairs while solving, 0..1 "
                  "(default 0.1)")
      ->check(CLI::Range(0.0, 1.0));
}

}  // namespace

Command AddMatchCommand(CLI::App& app) {
  auto options = std::make_shared<MatchOptions>();
  CLI::App* command = app.add_subcommand(
      "match",
      "Assign mentees to mentors as a whole: exact optimum (as many mentees "
      "as possible, then the best total), fair, or stable; every pair "
      "explained, every unmatched mentee given a reason");
  AddCohortArgument(*command, options->cohort_path, options->sheet);
  command->add_option("--policy", options->policy_path,
                      "Policy file (JSON). Default: see `sopu score`");
  command
      ->add_option("--objective", options->objective,
                   "optimal: most mentees matched, then the best total; "
                   "max-score: best total only; fair: most mentees, then the "
                   "best worst pair, then the total; stable: no mentee and "
                   "mentor who would both rather be together")
      ->check(CLI::IsMember({"optimal", "max-score", "fair", "stable"}))
      ->capture_default_str();
  AddPairFileOptions(*command, *options);
  command
      ->add_option("--min-score", options->min_score,
                   "With --objective max-score: leave out pairs scoring below "
                   "this, 0..1")
      ->check(CLI::Range(0.0, 1.0));
  command->add_flag("--use-wishes", options->use_wishes,
                    "With --objective stable: mentees rank mentors by their "
                    "wish-lists (mentees without one rank by score)");
  AddFormatOption(*command, options->format, Formats());
  AddOutputOption(*command, options->output_path);
  AddCsvStyleOption(*command, options->csv_style);
  return {command, EngineRun([options](EngineClient& engine) {
            if (auto code = ResolveFormat(options->format, options->output_path,
                                          Formats())) {
              return *code;
            }
            return MatchCommand(*options).Run(engine);
          })};
}

}  // namespace sopu::cli
