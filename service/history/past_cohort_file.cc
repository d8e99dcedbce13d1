#include "service/history/past_cohort_file.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/history/past_cohort_validator.h"
#include "service/io/json_files.h"
#include "service/validation/violation_list.h"

namespace sopu::service {

absl::StatusOr<std::vector<std::string>> ListPastCohortFiles(
    const std::string& dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return absl::NotFoundError(absl::StrCat(dir, ": not a folder"));
  }
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      paths.push_back(entry.path().string());
    }
  }
  if (error) {
    return absl::UnknownError(absl::StrCat(dir, ": cannot list the folder"));
  }
  if (paths.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(dir, ": no past-cohort file (*.json) in the folder"));
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

absl::StatusOr<LoadedPastCohort> ReadPastCohortFile(const std::string& path) {
  absl::StatusOr<std::string> bytes = io::ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  LoadedPastCohort loaded;
  loaded.path = path;
  if (absl::Status parsed = io::ParseJson(*bytes, loaded.past); !parsed.ok()) {
    FieldViolation& v = loaded.problems.emplace_back();
    v.set_field("file");
    v.set_description(absl::StrCat(
        "not a valid past-cohort file (protobuf JSON of sopu.v1.PastCohort): ",
        parsed.message()));
    return loaded;
  }
  if (loaded.past.name().empty()) {
    loaded.past.set_name(std::filesystem::path(path).stem().string());
  }
  ViolationList violations;
  ValidatePastCohort(loaded.past, violations);
  loaded.problems = violations.violations();
  loaded.truncated = violations.truncated();
  return loaded;
}

}  // namespace sopu::service
