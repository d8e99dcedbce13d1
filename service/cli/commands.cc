#include "service/cli/commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "service/cli/command_support.h"
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

using service::FieldViolation;

int RunValidate(const ValidateOptions& options, EngineClient& engine) {
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  const absl::StatusOr<sopu::v1::ValidateResponse> checked =
      ValidateInputs(inputs, engine);
  if (!checked.ok()) {
    return ReportHandlerError(checked.status(), inputs, options.cohort_path);
  }
  const sopu::v1::ValidateResponse& response = *checked;
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

int RunScore(const ScoreOptions& options, EngineClient& engine) {
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  sopu::v1::ScoreRequest request;
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  request.set_top_k(options.top);

  if (auto code = ReportReadProblems(inputs, options.cohort_path, engine)) {
    return *code;
  }

  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<sopu::v1::ScoreResponse> response = engine.Score(request);
  if (!response.ok()) {
    return ReportHandlerError(response.status(), inputs, options.cohort_path);
  }
  spdlog::info("scored {} x {} pairs in {} ms", response->summary().mentees(),
               response->summary().mentors(),
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - start)
                   .count());

  return Emit(options.format, *response, request.cohort(),
              service::RenderScoreCsv, service::RenderScoreTable,
              options.output_path);
}

namespace {

// ReadPairs reads a pair-list CSV into `out`; returns an exit code (after
// printing the reason) when the file cannot be read. Content problems go to
// `problems`.
std::optional<int> ReadPairs(
    const std::string& path, const std::string& field,
    google::protobuf::RepeatedPtrField<sopu::v1::PairRef>& out,
    std::vector<FieldViolation>& problems, std::vector<PairSource>& sources) {
  if (path.empty()) return std::nullopt;
  absl::StatusOr<std::string> bytes = io::ReadFileBytes(path);
  if (!bytes.ok()) {
    std::cerr << "sopu: " << bytes.status().message() << '\n';
    return ExitCodeOf(bytes.status());
  }
  const std::string file = std::filesystem::path(path).filename().string();
  io::PairList list = io::ReadPairList(*bytes, file);
  for (auto& pair : list.pairs) *out.Add() = std::move(pair);
  problems.insert(problems.end(), list.problems.begin(), list.problems.end());
  sources.push_back({field, file, std::move(list.rows)});
  return std::nullopt;
}

sopu::v1::Objective ObjectiveOf(const std::string& name) {
  if (name == "max-score") return sopu::v1::OBJECTIVE_MAX_SCORE;
  if (name == "fair") return sopu::v1::OBJECTIVE_FAIR;
  if (name == "stable") return sopu::v1::OBJECTIVE_STABLE;
  return sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED;
}

}  // namespace

int RunMatch(const MatchOptions& options, EngineClient& engine) {
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
  std::vector<PairSource> sources;
  for (auto [path, field, list] :
       {std::tuple{&options.lock_path, "locked", request.mutable_locked()},
        std::tuple{&options.forbid_path, "forbidden",
                   request.mutable_forbidden()},
        std::tuple{&options.previous_path, "previous",
                   request.mutable_previous()}}) {
    if (auto code = ReadPairs(*path, field, *list, pair_problems, sources)) {
      return *code;
    }
  }

  if (auto code = ReportReadProblems(inputs, options.cohort_path, engine,
                                     pair_problems)) {
    return *code;
  }

  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<sopu::v1::MatchResponse> response = engine.Match(request);
  if (!response.ok() &&
      response.status().code() != absl::StatusCode::kInvalidArgument) {
    std::cerr << "sopu: " << response.status().message() << '\n';
    return ExitCodeOf(response.status());
  }
  if (!response.ok() || !pair_problems.empty()) {
    // The pair files' own problems first, then the request's, so that one
    // run lists them all.
    std::vector<FieldViolation> problems = pair_problems;
    if (!response.ok()) {
      const std::vector<FieldViolation> more =
          service::ViolationsOf(response.status());
      problems.insert(problems.end(), more.begin(), more.end());
    }
    LocatePairProblems(sources, problems);
    return ReportProblems(inputs, options.cohort_path, problems,
                          problems.size() >= service::kDefaultMaxViolations);
  }
  spdlog::info("matched {} of {} mentees in {} ms",
               response->summary().matched(), response->summary().mentees(),
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - start)
                   .count());

  return Emit(options.format, *response, request.cohort(),
              service::RenderMatchCsv, service::RenderMatchTable,
              options.output_path);
}

int RunPairs(const PairsOptions& options, EngineClient& engine) {
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  if (auto code = ReportReadProblems(inputs, options.cohort_path, engine)) {
    return *code;
  }
  sopu::v1::PeerPairsRequest request;
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  request.set_max_score_only(options.max_score_only);
  if (options.min_score >= 0.0) request.set_min_score(options.min_score);

  absl::StatusOr<sopu::v1::PeerPairsResponse> response =
      engine.PeerPairs(request);
  if (!response.ok()) {
    return ReportHandlerError(response.status(), inputs, options.cohort_path);
  }
  spdlog::info("paired {} of {} peers", response->summary().paired(),
               response->summary().peers());
  return Emit(options.format, *response, request.cohort(),
              service::RenderPeerPairsCsv, service::RenderPeerPairsTable,
              options.output_path);
}

}  // namespace sopu::cli
