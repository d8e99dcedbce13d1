// `sopu score`: the best-fitting allowed mentors of every mentee, with the
// criteria that contribute most; the Score call of the API.
#include <memory>
#include <string>
#include <vector>

#include "engine/common/limits.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/common_options.h"
#include "service/cli/csv_style.h"
#include "service/cli/engine_pipeline.h"
#include "service/render/score_render.h"
#include "service/render/score_xlsx.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

// Formats: the --format values.
const std::vector<std::string>& Formats() {
  static const auto* const kFormats =
      new std::vector<std::string>{"table", "csv", "json", "xlsx"};
  return *kFormats;
}

struct ScoreOptions {
  std::string cohort_path;
  std::string sheet;  // --sheet: the spreadsheet's sheet; empty: the first
  std::string policy_path;  // empty: the default policy
  int top = 5;
  std::string format;       // table | csv | json | xlsx; "": ResolveFormat
  std::string output_path;  // empty: standard output
  std::string csv_style = "auto";
};

class ScoreCommand final
    : public EngineCommand<sopu::v1::ScoreRequest, sopu::v1::ScoreResponse> {
 public:
  explicit ScoreCommand(const ScoreOptions& options)
      : EngineCommand(options.cohort_path, options.sheet, options.policy_path),
        options_(options) {}

 private:
  std::optional<int> Prepare(sopu::v1::ScoreRequest& request) override {
    request.set_top_k(options_.top);
    return std::nullopt;
  }
  absl::StatusOr<sopu::v1::ScoreResponse> Call(
      EngineClient& engine, const sopu::v1::ScoreRequest& request) override {
    return engine.Score(request);
  }
  int Render(const sopu::v1::ScoreResponse& response,
             const sopu::v1::ScoreRequest& request) override {
    spdlog::info("scored {} x {} pairs in {} ms", response.summary().mentees(),
                 response.summary().mentors(), call_time().count());
    if (options_.format == "xlsx") {
      return WriteWorkbook(options_.output_path, [&](const std::string& file) {
        return service::WriteScoreXlsx(response, request.cohort(), file);
      });
    }
    return Emit(options_.format, response, request.cohort(),
                service::RenderScoreCsv, service::RenderScoreTable,
                options_.output_path,
                CsvDialectFor(inputs().cohort, options_.csv_style));
  }

  const ScoreOptions& options_;
};

}  // namespace

Command AddScoreCommand(CLI::App& app) {
  auto options = std::make_shared<ScoreOptions>();
  CLI::App* command = app.add_subcommand(
      "score",
      "List the best-fitting allowed mentors of every mentee, with the "
      "criteria that contribute most; mentees with no allowed mentor are "
      "listed with the rule that excludes them");
  AddCohortArgument(*command, options->cohort_path, options->sheet);
  command->add_option(
      "--policy", options->policy_path,
      "Policy file (JSON). Default: complement over all themes, a shared "
      "language required, avoid-lists honoured");
  command->add_option("--top", options->top, "Mentors listed per mentee")
      ->check(CLI::Range(1, kMaxTopK))
      ->capture_default_str();
  AddFormatOption(*command, options->format, Formats());
  AddOutputOption(*command, options->output_path);
  AddCsvStyleOption(*command, options->csv_style);
  return {command, EngineRun([options](EngineClient& engine) {
            if (auto code = ResolveFormat(options->format, options->output_path,
                                          Formats())) {
              return *code;
            }
            return ScoreCommand(*options).Run(engine);
          })};
}

}  // namespace sopu::cli
