#include "service/cli/commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "service/handlers/match_handler.h"
#include "service/handlers/peer_pairs_handler.h"
#include "service/handlers/score_handler.h"
#include "service/handlers/validate_handler.h"
#include "service/io/cohort_file.h"
#include "service/io/json_files.h"
#include "service/io/pair_list_reader.h"
#include "service/render/match_render.h"
#include "service/render/peer_pairs_render.h"
#include "service/render/score_render.h"
#include "service/render/violations_render.h"
#include "service/status/bad_request.h"
#include "service/validation/violation_list.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

using service::FieldViolation;

// Inputs are the files of a command, read and parsed.
struct Inputs {
  io::LoadedCohort cohort;
  std::optional<sopu::v1::Policy> policy;
};

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

// LoadInputs reads the cohort and policy files; on failure prints the reason
// and returns the exit code.
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

// ValidateInputs runs the validate handler on the inputs and puts the
// reader's problems (cells that could not be read) first, so that every
// problem is reported at once, in file order.
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

// ReportProblems prints every problem, located, and returns
// kExitInvalidInput.
int ReportProblems(const Inputs& inputs, const std::string& path,
                   const std::vector<FieldViolation>& problems,
                   bool truncated) {
  std::cerr << path << ": the input has problems; nothing was computed.\n";
  service::PrintViolations(problems, truncated, SourceOf(inputs), std::cerr);
  return kExitInvalidInput;
}

// WriteOutput writes `text` to the file (through a temporary file renamed in
// place, so a failed run never leaves half a file) or to standard output.
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

}  // namespace

int RunValidate(const ValidateOptions& options) {
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  const sopu::v1::ValidateResponse response = ValidateInputs(inputs);
  if (options.format == "json") {
    std::cout << io::MessageToPrettyJson(response);
    return response.valid() ? kExitOk : kExitInvalidInput;
  }
  if (!response.valid()) {
    return ReportProblems(
        inputs, options.cohort_path,
        {response.violations().begin(), response.violations().end()},
        response.truncated());
  }
  const auto& s = response.summary();
  std::cout << options.cohort_path << ": valid · " << s.participants()
            << " participants (" << s.mentors() << " mentors, " << s.mentees()
            << " mentees) · " << s.themes() << " themes"
            << (inputs.policy.has_value() ? " · policy valid" : "") << '\n';
  return kExitOk;
}

int RunScore(const ScoreOptions& options) {
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  sopu::v1::ScoreRequest request;
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  request.set_top_k(options.top);

  if (!inputs.cohort.problems.empty()) {
    // Still validate, so that every problem is reported at once.
    const sopu::v1::ValidateResponse response = ValidateInputs(inputs);
    return ReportProblems(
        inputs, options.cohort_path,
        {response.violations().begin(), response.violations().end()},
        response.truncated());
  }

  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<sopu::v1::ScoreResponse> response =
      service::HandleScore(request);
  if (!response.ok()) {
    if (response.status().code() == absl::StatusCode::kInvalidArgument) {
      const std::vector<FieldViolation> problems =
          service::ViolationsOf(response.status());
      return ReportProblems(inputs, options.cohort_path, problems,
                            problems.size() >= service::kDefaultMaxViolations);
    }
    std::cerr << "sopu: " << response.status().message() << '\n';
    return ExitCodeOf(response.status());
  }
  spdlog::info("scored {} x {} pairs in {} ms", response->summary().mentees(),
               response->summary().mentors(),
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - start)
                   .count());

  std::ostringstream text;
  if (options.format == "json") {
    service::RenderScoreJson(*response, text);
  } else if (options.format == "csv") {
    service::RenderScoreCsv(*response, request.cohort(), text);
  } else {
    service::RenderScoreTable(*response, request.cohort(), text);
  }
  return WriteOutput(options.output_path, text.str());
}

namespace {

// ReadPairs reads a pair-list CSV into `out`; false (after printing the
// reason) when the file cannot be read. Content problems go to `problems`.
std::optional<int> ReadPairs(
    const std::string& path,
    google::protobuf::RepeatedPtrField<sopu::v1::PairRef>& out,
    std::vector<FieldViolation>& problems) {
  if (path.empty()) return std::nullopt;
  absl::StatusOr<std::string> bytes = io::ReadFileBytes(path);
  if (!bytes.ok()) {
    std::cerr << "sopu: " << bytes.status().message() << '\n';
    return ExitCodeOf(bytes.status());
  }
  io::PairList list =
      io::ReadPairList(*bytes, std::filesystem::path(path).filename().string());
  for (auto& pair : list.pairs) *out.Add() = std::move(pair);
  problems.insert(problems.end(), list.problems.begin(), list.problems.end());
  return std::nullopt;
}

sopu::v1::Objective ObjectiveOf(const std::string& name) {
  if (name == "max-score") return sopu::v1::OBJECTIVE_MAX_SCORE;
  if (name == "fair") return sopu::v1::OBJECTIVE_FAIR;
  if (name == "stable") return sopu::v1::OBJECTIVE_STABLE;
  return sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED;
}

}  // namespace

int RunMatch(const MatchOptions& options) {
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  sopu::v1::MatchRequest request;
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  request.set_objective(ObjectiveOf(options.objective));
  if (options.continuity_bonus >= 0.0) {
    request.set_continuity_bonus(options.continuity_bonus);
  }
  if (options.min_score >= 0.0) request.set_min_score(options.min_score);
  request.set_use_wishes(options.use_wishes);

  std::vector<FieldViolation> pair_problems;
  for (auto [path, list] :
       {std::pair{&options.lock_path, request.mutable_locked()},
        std::pair{&options.forbid_path, request.mutable_forbidden()},
        std::pair{&options.previous_path, request.mutable_previous()}}) {
    if (auto code = ReadPairs(*path, *list, pair_problems)) return *code;
  }

  if (!inputs.cohort.problems.empty() || !pair_problems.empty()) {
    sopu::v1::ValidateResponse response = ValidateInputs(inputs);
    std::vector<FieldViolation> all(response.violations().begin(),
                                    response.violations().end());
    all.insert(all.end(), pair_problems.begin(), pair_problems.end());
    return ReportProblems(inputs, options.cohort_path, all,
                          response.truncated());
  }

  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<sopu::v1::MatchResponse> response =
      service::HandleMatch(request);
  if (!response.ok()) {
    if (response.status().code() == absl::StatusCode::kInvalidArgument) {
      const std::vector<FieldViolation> problems =
          service::ViolationsOf(response.status());
      return ReportProblems(inputs, options.cohort_path, problems,
                            problems.size() >= service::kDefaultMaxViolations);
    }
    std::cerr << "sopu: " << response.status().message() << '\n';
    return ExitCodeOf(response.status());
  }
  spdlog::info("matched {} of {} mentees in {} ms",
               response->summary().matched(), response->summary().mentees(),
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - start)
                   .count());

  std::ostringstream text;
  if (options.format == "json") {
    service::RenderMatchJson(*response, text);
  } else if (options.format == "csv") {
    service::RenderMatchCsv(*response, request.cohort(), text);
  } else {
    service::RenderMatchTable(*response, request.cohort(), text);
  }
  return WriteOutput(options.output_path, text.str());
}

int RunPairs(const PairsOptions& options) {
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  if (!inputs.cohort.problems.empty()) {
    const sopu::v1::ValidateResponse response = ValidateInputs(inputs);
    return ReportProblems(
        inputs, options.cohort_path,
        {response.violations().begin(), response.violations().end()},
        response.truncated());
  }
  sopu::v1::PeerPairsRequest request;
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  request.set_max_score_only(options.max_score_only);
  if (options.min_score >= 0.0) request.set_min_score(options.min_score);

  absl::StatusOr<sopu::v1::PeerPairsResponse> response =
      service::HandlePeerPairs(request);
  if (!response.ok()) {
    if (response.status().code() == absl::StatusCode::kInvalidArgument) {
      const std::vector<FieldViolation> problems =
          service::ViolationsOf(response.status());
      return ReportProblems(inputs, options.cohort_path, problems,
                            problems.size() >= service::kDefaultMaxViolations);
    }
    std::cerr << "sopu: " << response.status().message() << '\n';
    return ExitCodeOf(response.status());
  }
  spdlog::info("paired {} of {} peers", response->summary().paired(),
               response->summary().peers());
  std::ostringstream text;
  if (options.format == "json") {
    text << io::MessageToPrettyJson(*response);
  } else if (options.format == "csv") {
    service::RenderPeerPairsCsv(*response, request.cohort(), text);
  } else {
    service::RenderPeerPairsTable(*response, request.cohort(), text);
  }
  return WriteOutput(options.output_path, text.str());
}

}  // namespace sopu::cli
