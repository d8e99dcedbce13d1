// `sopu validate`: checks a cohort file (and a policy) and lists every
// problem; the Validate call of the API.
#include <iostream>
#include <memory>
#include <string>

#include "service/cli/commands.h"
#include "service/cli/common_options.h"
#include "service/cli/engine_pipeline.h"
#include "service/io/json_files.h"

namespace sopu::cli {
namespace {

struct ValidateOptions {
  std::string cohort_path;
  std::string sheet;  // --sheet: the spreadsheet's sheet; empty: the first
  std::string policy_path;      // empty: validate against the default policy
  std::string format = "text";  // text | json
};

class ValidateCommand final : public EngineCommand<sopu::v1::ValidateRequest,
                                                   sopu::v1::ValidateResponse> {
 public:
  explicit ValidateCommand(const ValidateOptions& options)
      : EngineCommand(options.cohort_path, options.sheet, options.policy_path),
        options_(options) {}

 private:
  // The response lists the cells that could not be read, first.
  bool ListsReadProblems() const override { return true; }
  std::optional<int> Prepare(sopu::v1::ValidateRequest& /*request*/) override {
    return std::nullopt;
  }
  absl::StatusOr<sopu::v1::ValidateResponse> Call(
      EngineClient& engine,
      const sopu::v1::ValidateRequest& /*request*/) override {
    return ValidateInputs(inputs(), engine);
  }
  int Render(const sopu::v1::ValidateResponse& response,
             const sopu::v1::ValidateRequest& request) override;

  const ValidateOptions& options_;
};

int ValidateCommand::Render(const sopu::v1::ValidateResponse& response,
                            const sopu::v1::ValidateRequest& /*request*/) {
  if (options_.format == "json") {
    std::cout << io::MessageToPrettyJson(response);
    return response.valid() ? kExitOk : kExitInvalidInput;
  }
  if (!response.valid()) {
    return ReportProblems(
        inputs(), {response.violations().begin(), response.violations().end()},
        response.truncated());
  }
  const auto& s = response.summary();
  std::cout << options_.cohort_path << ": valid · " << s.participants()
            << " participants (" << s.mentors() << " mentors, " << s.mentees()
            << " mentees) · " << s.themes() << " themes"
            << (inputs().policy.has_value() ? " · policy valid" : "") << '\n';
  return kExitOk;
}

}  // namespace

Command AddValidateCommand(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = app.add_subcommand(
      "validate",
      "Check a cohort file (and a policy) and list every problem; exit 1 "
      "when there is one");
  AddCohortArgument(*command, options->cohort_path, options->sheet);
  command->add_option("--policy", options->policy_path,
                      "Policy file (JSON) to check against the cohort");
  AddFormatOption(*command, options->format, {"text", "json"});
  return {command, EngineRun([options](EngineClient& engine) {
            return ValidateCommand(*options).Run(engine);
          })};
}

}  // namespace sopu::cli
