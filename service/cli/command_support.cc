#include "service/cli/command_support.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>

#include "service/handlers/validate_handler.h"
#include "service/render/violations_render.h"
#include "service/status/bad_request.h"
#include "service/validation/violation_list.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {

using service::FieldViolation;

int ExitCodeOf(const absl::Status& status) {
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

sopu::v1::ValidateResponse ValidateInputs(const Inputs& inputs) {
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
  sopu::v1::ValidateResponse checked = service::HandleValidate(request);
  sopu::v1::ValidateResponse response = checked;
  response.clear_violations();
  for (const auto& p : inputs.cohort.problems) *response.add_violations() = p;
  for (const auto& v : checked.violations()) *response.add_violations() = v;
  response.set_valid(response.violations().empty());
  response.set_truncated(checked.truncated() || inputs.cohort.truncated);
  return response;
}

int ReportProblems(const Inputs& inputs, const std::string& path,
                   const std::vector<FieldViolation>& problems,
                   bool truncated) {
  std::cerr << path << ": the input has problems; nothing was computed.\n";
  service::PrintViolations(problems, truncated, SourceOf(inputs), std::cerr);
  return kExitInvalidInput;
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

}  // namespace sopu::cli
