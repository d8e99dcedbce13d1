// fuzz_cohort_csv: bytes -> a cohort file -> validation -> the problem list,
// as `sopu validate FILE` does for a file without a .csv/.json extension.
//
// Covers the staff CSV reader (io::ReadCsvCohort: delimiter detection, BOM,
// quoting, decimal commas, header and cell parsing, the SourceMap), the
// protobuf JSON reader when the first non-blank byte is '{' (io::ParseJson,
// as io::ReadCohortFile chooses), the cohort validator (HandleValidate) and
// the rendering of the problems at their rows and columns (PrintViolations
// through SourceMap::Locate).
//
// The contract checked: reading never fails and never crashes; whatever is
// wrong with the bytes comes back as problems, each with a place and a
// description (an empty one aborts, so libFuzzer reports it).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "google/rpc/error_details.pb.h"
#include "service/handlers/validate_handler.h"
#include "service/io/csv_cohort_reader.h"
#include "service/io/json_files.h"
#include "service/render/violations_render.h"
#include "sopu/v1/sopu.pb.h"

namespace {

using google::rpc::BadRequest;

// CheckProblem aborts on a problem that does not say where or what.
void CheckProblem(const BadRequest::FieldViolation& problem) {
  if (problem.field().empty() || problem.description().empty()) {
    std::fprintf(stderr, "fuzz_cohort_csv: a problem without %s\n",
                 problem.field().empty() ? "a place" : "a description");
    std::abort();
  }
}

bool LooksLikeJson(std::string_view bytes) {
  for (const char c : sopu::io::StripUtf8Bom(bytes)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{';
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  sopu::v1::ValidateRequest request;
  std::vector<BadRequest::FieldViolation> problems;
  bool truncated = false;
  sopu::io::SourceMap source;
  if (LooksLikeJson(bytes)) {
    const absl::Status parsed =
        sopu::io::ParseJson(bytes, *request.mutable_cohort());
    if (!parsed.ok()) {
      if (parsed.message().empty()) {
        std::fprintf(stderr, "fuzz_cohort_csv: JSON error without message\n");
        std::abort();
      }
      return 0;
    }
  } else {
    sopu::io::CsvCohort csv = sopu::io::ReadCsvCohort(bytes);
    for (const BadRequest::FieldViolation& p : csv.problems) CheckProblem(p);
    problems = std::move(csv.problems);
    truncated = csv.truncated;
    source = std::move(csv.source);
    *request.mutable_cohort() = std::move(csv.cohort);
  }

  const absl::StatusOr<sopu::v1::ValidateResponse> validated =
      sopu::service::HandleValidate(request);
  if (!validated.ok()) std::abort();  // validation fails only when cancelled
  const sopu::v1::ValidateResponse& response = *validated;
  for (const BadRequest::FieldViolation& v : response.violations()) {
    CheckProblem(v);
    problems.push_back(v);
  }
  std::ostringstream out;
  sopu::service::PrintViolations(problems, truncated || response.truncated(),
                                 &source, out);
  return 0;
}
