#include "service/cli/problem_report.h"

#include <iostream>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "service/cli/command_support.h"
#include "service/render/violations_render.h"
#include "service/validation/violation_list.h"

namespace sopu::cli {

using service::FieldViolation;

absl::StatusOr<sopu::v1::ValidateResponse> ValidateInputs(
    const Inputs& inputs, EngineClient& engine) {
  if (inputs.cohort.format == io::CohortFormat::kJson &&
      !inputs.cohort.problems.empty()) {
    // The JSON did not parse: the (empty) cohort has nothing more to say.
    sopu::v1::ValidateResponse response;
    for (const auto& p : inputs.cohort.problems) *response.add_violations() = p;
    return response;
  }
  absl::StatusOr<sopu::v1::ValidateResponse> checked =
      engine.Validate(RequestFor<sopu::v1::ValidateRequest>(inputs));
  if (!checked.ok()) return checked.status();
  sopu::v1::ValidateResponse response = *checked;
  response.clear_violations();
  for (const auto& p : inputs.cohort.problems) *response.add_violations() = p;
  for (const auto& v : checked->violations()) *response.add_violations() = v;
  response.set_valid(response.violations().empty());
  response.set_truncated(checked->truncated() || inputs.cohort.truncated);
  return response;
}

int ReportProblems(const Inputs& inputs, std::vector<FieldViolation> problems,
                   bool truncated) {
  for (FieldViolation& problem : problems) {
    const std::optional<io::PairLocation> own =
        inputs.source.LocatePair(problem.field());
    problem.set_description(LocateEntryReferences(
        problem.description(), inputs.source, own ? own->file : ""));
  }
  std::cerr << inputs.cohort_path
            << ": the input has problems; nothing was computed.\n";
  service::PrintViolations(problems, truncated, &inputs.source, std::cerr);
  return kExitInvalidInput;
}

std::optional<int> ReportReadProblems(const Inputs& inputs,
                                      EngineClient& engine) {
  if (inputs.cohort.problems.empty()) return std::nullopt;
  const absl::StatusOr<sopu::v1::ValidateResponse> response =
      ValidateInputs(inputs, engine);
  if (!response.ok()) return ReportFailure(response.status(), inputs);
  std::vector<FieldViolation> all(response->violations().begin(),
                                  response->violations().end());
  all.insert(all.end(), inputs.pair_problems.begin(),
             inputs.pair_problems.end());
  return ReportProblems(inputs, std::move(all), response->truncated());
}

int ReportFailure(const absl::Status& status, const Inputs& inputs,
                  const std::vector<FieldViolation>& first) {
  if (!status.ok() && status.code() != absl::StatusCode::kInvalidArgument) {
    return PrintFailure(status);
  }
  std::vector<FieldViolation> problems = first;
  const std::vector<FieldViolation> more = service::ViolationsOf(status);
  problems.insert(problems.end(), more.begin(), more.end());
  const bool truncated = problems.size() >= service::kDefaultMaxViolations;
  return ReportProblems(inputs, std::move(problems), truncated);
}

std::string LocateEntryReferences(const std::string& text,
                                  const io::SourceMap& source,
                                  const std::string& own_file) {
  std::string out;
  std::size_t done = 0;  // text[0, done) is in `out`
  for (std::size_t open = text.find('['); open != std::string::npos;
       open = text.find('[', open + 1)) {
    std::size_t start = open;
    while (start > done &&
           (absl::ascii_isalnum(text[start - 1]) || text[start - 1] == '_')) {
      --start;
    }
    const std::size_t close = text.find(']', open);
    if (start == open || close == std::string::npos) continue;
    const std::optional<io::PairLocation> entry = source.LocatePair(
        std::string_view(text).substr(start, close + 1 - start));
    if (!entry.has_value()) continue;
    out.append(text, done, start - done);
    if (entry->file != own_file) out += entry->file + " ";
    out += "row " + std::to_string(entry->row);
    done = close + 1;
  }
  out += std::string_view(text).substr(done);
  return out;
}

}  // namespace sopu::cli
