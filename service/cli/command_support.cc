#include "service/cli/command_support.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "service/render/violations_render.h"
#include "service/status/bad_request.h"
#include "service/validation/violation_list.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {

using service::FieldViolation;

int ExitCodeOf(const absl::Status& status) {
  if (client::IsServerFailure(status)) return kExitServer;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      return kExitInvalidInput;
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kFailedPrecondition:
      return kExitIo;
    default:
      return kExitInternal;
  }
}

std::optional<int> LoadInputs(const std::string& cohort_path,
                              const std::string& policy_path, Inputs& inputs) {
  absl::StatusOr<io::LoadedCohort> cohort = io::ReadCohortFile(cohort_path);
  if (!cohort.ok()) {
    std::cerr << "sopu: " << cohort.status().message() << '\n';
    return ExitCodeOf(cohort.status());
  }
  inputs.cohort = *std::move(cohort);
  if (!policy_path.empty()) {
    absl::StatusOr<sopu::v1::Policy> policy = io::ReadPolicyFile(policy_path);
    if (!policy.ok()) {
      std::cerr << "sopu: " << policy.status().message() << '\n';
      return ExitCodeOf(policy.status());
    }
    inputs.policy = *std::move(policy);
  }
  spdlog::info("read cohort: {} participants, {} themes",
               inputs.cohort.cohort.participants_size(),
               inputs.cohort.cohort.taxonomy().themes_size());
  return std::nullopt;
}

const io::SourceMap* SourceOf(const Inputs& inputs) {
  return inputs.cohort.source.has_value() ? &*inputs.cohort.source : nullptr;
}

absl::StatusOr<sopu::v1::ValidateResponse> ValidateInputs(
    const Inputs& inputs, EngineClient& engine) {
  if (inputs.cohort.format == io::CohortFormat::kJson &&
      !inputs.cohort.problems.empty()) {
    // The JSON did not parse: the (empty) cohort has nothing more to say.
    sopu::v1::ValidateResponse response;
    for (const auto& p : inputs.cohort.problems) *response.add_violations() = p;
    return response;
  }
  sopu::v1::ValidateRequest request;
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  absl::StatusOr<sopu::v1::ValidateResponse> checked = engine.Validate(request);
  if (!checked.ok()) return checked.status();
  sopu::v1::ValidateResponse response = *checked;
  response.clear_violations();
  for (const auto& p : inputs.cohort.problems) *response.add_violations() = p;
  for (const auto& v : checked->violations()) *response.add_violations() = v;
  response.set_valid(response.violations().empty());
  response.set_truncated(checked->truncated() || inputs.cohort.truncated);
  return response;
}

sopu::v1::Role RoleOf(const std::string& name) {
  if (name == "mentor") return sopu::v1::ROLE_MENTOR;
  if (name == "mentee") return sopu::v1::ROLE_MENTEE;
  if (name == "facilitator") return sopu::v1::ROLE_FACILITATOR;
  if (name == "peer") return sopu::v1::ROLE_PEER;
  return sopu::v1::ROLE_UNSPECIFIED;
}

int ReportProblems(const Inputs& inputs, const std::string& path,
                   const std::vector<FieldViolation>& problems,
                   bool truncated) {
  std::cerr << path << ": the input has problems; nothing was computed.\n";
  service::PrintViolations(problems, truncated, SourceOf(inputs), std::cerr);
  return kExitInvalidInput;
}

std::optional<int> ReportReadProblems(
    const Inputs& inputs, const std::string& path, EngineClient& engine,
    const std::vector<FieldViolation>& extra) {
  if (inputs.cohort.problems.empty()) return std::nullopt;
  const absl::StatusOr<sopu::v1::ValidateResponse> response =
      ValidateInputs(inputs, engine);
  if (!response.ok())
    return ReportHandlerError(response.status(), inputs, path);
  std::vector<FieldViolation> all(response->violations().begin(),
                                  response->violations().end());
  all.insert(all.end(), extra.begin(), extra.end());
  return ReportProblems(inputs, path, all, response->truncated());
}

int ReportHandlerError(const absl::Status& status, const Inputs& inputs,
                       const std::string& path) {
  if (status.code() == absl::StatusCode::kInvalidArgument) {
    const std::vector<FieldViolation> problems = service::ViolationsOf(status);
    return ReportProblems(inputs, path, problems,
                          problems.size() >= service::kDefaultMaxViolations);
  }
  std::cerr << "sopu: " << status.message() << '\n';
  return ExitCodeOf(status);
}

int WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text << std::flush;
    return kExitOk;
  }
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::cerr << "sopu: " << path << ": cannot be written\n";
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return kExitIo;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::cerr << "sopu: " << path << ": cannot be written\n";
    std::filesystem::remove(temp, ec);
    return kExitIo;
  }
  return kExitOk;
}

namespace {

// RowOf returns the file row of "<field>[k]" at the start of `text`, and
// the length of that reference; nullopt when it names no known pair.
std::optional<std::pair<int, std::size_t>> RowOf(const PairSource& source,
                                                 std::string_view text) {
  const std::string prefix = source.field + "[";
  if (!text.starts_with(prefix)) return std::nullopt;
  const std::size_t close = text.find(']');
  if (close == std::string_view::npos) return std::nullopt;
  std::size_t k = 0;
  for (std::size_t i = prefix.size(); i < close; ++i) {
    if (text[i] < '0' || text[i] > '9' || k > 1'000'000'000)
      return std::nullopt;
    k = k * 10 + static_cast<std::size_t>(text[i] - '0');
  }
  if (close == prefix.size() || k >= source.rows.size()) return std::nullopt;
  return std::pair{source.rows[k], close + 1};
}

}  // namespace

void LocatePairProblems(const std::vector<PairSource>& sources,
                        std::vector<FieldViolation>& problems) {
  for (FieldViolation& v : problems) {
    for (const PairSource& source : sources) {
      const std::string needle = "in " + source.field + "[";
      const std::size_t at = v.description().find(needle);
      if (at == std::string::npos) continue;
      const std::string& d = v.description();
      if (auto row = RowOf(source, std::string_view(d).substr(at + 3))) {
        v.set_description(absl::StrCat(d.substr(0, at + 3), "row ", row->first,
                                       d.substr(at + 3 + row->second)));
      }
    }
    for (const PairSource& source : sources) {
      const auto row = RowOf(source, v.field());
      if (!row.has_value()) continue;
      std::string rest = v.field().substr(row->second);
      if (rest.starts_with(".")) rest = ", " + rest.substr(1);
      v.set_field(absl::StrCat(source.file, " row ", row->first, rest));
      break;
    }
  }
}

}  // namespace sopu::cli
