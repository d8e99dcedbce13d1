// `sopu groups`: builds a GroupsRequest from the command line, runs the
// groups handler (embedded engine) with a progress bar on a terminal, and
// renders the response.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/progress_bar.h"
#include "service/handlers/groups_handler.h"
#include "service/io/json_files.h"
#include "service/io/pair_list_reader.h"
#include "service/render/groups_render.h"
#include "service/status/bad_request.h"
#include "service/validation/violation_list.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

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

}  // namespace

int RunGroups(const GroupsOptions& options, EngineClient& engine) {
  sopu::v1::GroupsRequest request;
  if (!options.size.empty()) {
    int min_size = 0;
    int max_size = 0;
    if (!ParseSize(options.size, min_size, max_size)) {
      std::cerr << "sopu: --size: expected MIN-MAX (e.g. 4-6) or N\n";
      return kExitUsage;
    }
    request.set_min_size(min_size);
    request.set_max_size(max_size);
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
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  if (auto code = ReportReadProblems(inputs, options.cohort_path, engine)) {
    return *code;
  }
  std::vector<service::FieldViolation> problems;
  std::vector<PairSource> sources;
  if (!options.together_path.empty()) {
    absl::StatusOr<std::string> bytes =
        io::ReadFileBytes(options.together_path);
    if (!bytes.ok()) {
      std::cerr << "sopu: " << bytes.status().message() << '\n';
      return ExitCodeOf(bytes.status());
    }
    const std::string file =
        std::filesystem::path(options.together_path).filename().string();
    io::MemberPairList list = io::ReadMemberPairList(*bytes, file);
    for (auto& pair : list.pairs) *request.add_together() = std::move(pair);
    problems = std::move(list.problems);
    sources.push_back({"together", file, std::move(list.rows)});
  }
  if (!problems.empty()) {
    return ReportProblems(inputs, options.cohort_path, problems, false);
  }
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  request.set_member_role(RoleOf(options.role));
  request.set_group_count(options.groups);
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
  request.set_time_limit_seconds(options.time_limit);
  request.set_seed(options.seed);
  if (options.rounds > 0) request.set_max_rounds(options.rounds);

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
  absl::StatusOr<sopu::v1::GroupsResponse> response =
      engine.FormGroups(request, progress);
  if (!response.ok()) {
    if (response.status().code() != absl::StatusCode::kInvalidArgument) {
      return ReportHandlerError(response.status(), inputs, options.cohort_path);
    }
    problems = service::ViolationsOf(response.status());
    LocatePairProblems(sources, problems);
    return ReportProblems(inputs, options.cohort_path, problems,
                          problems.size() >= service::kDefaultMaxViolations);
  }
  spdlog::info("formed {} groups of {} of {} members in {:.1f} s",
               response->summary().groups(), response->summary().assigned(),
               response->summary().members(), response->summary().seconds());
  const int written = Emit(options.format, *response, request.cohort(),
                           service::RenderGroupsCsv, service::RenderGroupsTable,
                           options.output_path);
  if (written != kExitOk) return written;
  // Infeasible rules and unmet rules are the input's problems.
  const auto status = response->status();
  return status == sopu::v1::GROUPS_STATUS_INFEASIBLE ||
                 status == sopu::v1::GROUPS_STATUS_RULES_NOT_MET
             ? kExitInvalidInput
             : kExitOk;
}

}  // namespace sopu::cli
