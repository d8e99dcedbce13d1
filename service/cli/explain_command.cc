// `sopu explain`: why one pair fits as it does (every criterion, the rules
// that forbid it) or how one group fits (its score, criteria and every
// member pair); the ExplainPair and ExplainGroup calls of the API.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/common_options.h"
#include "service/cli/engine_pipeline.h"
#include "service/render/explain_render.h"
#include "service/render/explain_xlsx.h"

namespace sopu::cli {
namespace {

// Formats: the --format values.
const std::vector<std::string>& Formats() {
  static const auto* const kFormats =
      new std::vector<std::string>{"table", "json", "xlsx"};
  return *kFormats;
}

struct ExplainOptions {
  std::string cohort_path;
  std::string sheet;  // --sheet: the spreadsheet's sheet; empty: the first
  std::string policy_path;         // empty: the default policy
  std::string pair;                // "MENTOR_ID,MENTEE_ID"
  std::vector<std::string> group;  // member ids (with pair empty)
  std::string role = "peer";       // the group's member role
  std::string format;              // table|json|xlsx; "": ResolveFormat
  std::string output_path;         // empty: standard output
};

// NoCsv: explain has no CSV form (the options only offer table and json).
template <typename Response>
void NoCsv(const Response& /*response*/, const sopu::v1::Cohort& /*cohort*/,
           const service::CsvDialect& /*dialect*/, std::ostream& /*out*/) {}

class ExplainPairCommand final
    : public EngineCommand<sopu::v1::ExplainPairRequest,
                           sopu::v1::ExplainPairResponse> {
 public:
  explicit ExplainPairCommand(const ExplainOptions& options)
      : EngineCommand(options.cohort_path, options.sheet, options.policy_path),
        options_(options) {}

 private:
  std::optional<int> Prepare(sopu::v1::ExplainPairRequest& request) override {
    const std::vector<std::string> ids = absl::StrSplit(options_.pair, ',');
    if (ids.size() != 2 || ids[0].empty() || ids[1].empty()) {
      std::cerr << "sopu: --pair takes MENTOR_ID,MENTEE_ID\n";
      return kExitUsage;
    }
    request.set_mentor_id(ids[0]);
    request.set_mentee_id(ids[1]);
    return std::nullopt;
  }
  absl::StatusOr<sopu::v1::ExplainPairResponse> Call(
      EngineClient& engine,
      const sopu::v1::ExplainPairRequest& request) override {
    return engine.ExplainPair(request);
  }
  int Render(const sopu::v1::ExplainPairResponse& response,
             const sopu::v1::ExplainPairRequest& request) override {
    if (options_.format == "xlsx") {
      return WriteWorkbook(options_.output_path, [&](const std::string& file) {
        return service::WriteExplainPairXlsx(response, request.cohort(), file);
      });
    }
    return Emit(options_.format, response, request.cohort(),
                NoCsv<sopu::v1::ExplainPairResponse>,
                service::RenderExplainPairTable, options_.output_path);
  }

  const ExplainOptions& options_;
};

class ExplainGroupCommand final
    : public EngineCommand<sopu::v1::ExplainGroupRequest,
                           sopu::v1::ExplainGroupResponse> {
 public:
  explicit ExplainGroupCommand(const ExplainOptions& options)
      : EngineCommand(options.cohort_path, options.sheet, options.policy_path),
        options_(options) {}

 private:
  std::optional<int> Prepare(sopu::v1::ExplainGroupRequest& request) override {
    for (const std::string& id : options_.group) request.add_member_ids(id);
    request.set_member_role(RoleOf(options_.role));
    return std::nullopt;
  }
  absl::StatusOr<sopu::v1::ExplainGroupResponse> Call(
      EngineClient& engine,
      const sopu::v1::ExplainGroupRequest& request) override {
    return engine.ExplainGroup(request);
  }
  int Render(const sopu::v1::ExplainGroupResponse& response,
             const sopu::v1::ExplainGroupRequest& request) override {
    if (options_.format == "xlsx") {
      return WriteWorkbook(options_.output_path, [&](const std::string& file) {
        return service::WriteExplainGroupXlsx(response, request.cohort(), file);
      });
    }
    return Emit(options_.format, response, request.cohort(),
                NoCsv<sopu::v1::ExplainGroupResponse>,
                service::RenderExplainGroupTable, options_.output_path);
  }

  const ExplainOptions& options_;
};

// AddQuestionOptions adds --pair and --group (one of them is required) and
// --role.
void AddQuestionOptions(CLI::App& command, ExplainOptions& options) {
  CLI::Option* pair = command.add_option(
      "--pair", options.pair, "MENTOR_ID,MENTEE_ID: explain this pair");
  CLI::Option* group =
      command
          .add_option("--group", options.group,
                      "ID,ID,...: explain these participants as one group")
          ->delimiter(',');
  pair->excludes(group);
  command
      .add_option("--role", options.role,
                  "With --group: the members' role (whose pool "
                  "scores them, as in `sopu groups`)")
      ->check(CLI::IsMember({"mentor", "mentee", "facilitator", "peer"}))
      ->capture_default_str();
  command.callback([&options] {
    if (options.pair.empty() && options.group.empty()) {
      throw CLI::ValidationError("explain", "give --pair or --group");
    }
  });
}

}  // namespace

Command AddExplainCommand(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* command = app.add_subcommand(
      "explain",
      "Explain one mentor-mentee pair (every criterion's value and "
      "contribution, the rules that forbid it) or one group (its score, "
      "criteria and every member pair)");
  AddCohortArgument(*command, options->cohort_path, options->sheet);
  command->add_option("--policy", options->policy_path,
                      "Policy file (JSON). Default: see `sopu score`");
  AddQuestionOptions(*command, *options);
  AddFormatOption(*command, options->format, Formats());
  AddOutputOption(*command, options->output_path);
  return {command, EngineRun([options](EngineClient& engine) {
            if (auto code = ResolveFormat(options->format, options->output_path,
                                          Formats())) {
              return *code;
            }
            if (!options->pair.empty()) {
              return ExplainPairCommand(*options).Run(engine);
            }
            return ExplainGroupCommand(*options).Run(engine);
          })};
}

}  // namespace sopu::cli
