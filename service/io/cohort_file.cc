#include "service/io/cohort_file.h"

#include <filesystem>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "service/io/csv_cohort_reader.h"
#include "service/io/json_files.h"

namespace sopu::io {
namespace {

CohortFormat DetectFormat(const std::string& path, std::string_view bytes) {
  const std::string ext =
      absl::AsciiStrToLower(std::filesystem::path(path).extension().string());
  if (ext == ".json") return CohortFormat::kJson;
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt")
    return CohortFormat::kCsv;
  for (char c : StripUtf8Bom(bytes)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' ? CohortFormat::kJson : CohortFormat::kCsv;
  }
  return CohortFormat::kCsv;
}

}  // namespace

absl::StatusOr<LoadedCohort> ReadCohortFile(const std::string& path) {
  absl::StatusOr<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  LoadedCohort loaded;
  loaded.format = DetectFormat(path, *bytes);
  if (loaded.format == CohortFormat::kJson) {
    if (absl::Status parsed = ParseJson(*bytes, loaded.cohort); !parsed.ok()) {
      auto& problem = loaded.problems.emplace_back();
      problem.set_field(std::filesystem::path(path).filename().string());
      problem.set_description(absl::StrCat(
          "not a valid cohort file (protobuf JSON of sopu.v1.Cohort): ",
          parsed.message()));
    }
    return loaded;
  }
  CsvReadOptions options;
  CsvCohort csv = ReadCsvCohort(*bytes, options);
  loaded.cohort = std::move(csv.cohort);
  loaded.source = std::move(csv.source);
  loaded.problems = std::move(csv.problems);
  loaded.truncated = csv.truncated;
  return loaded;
}

}  // namespace sopu::io
