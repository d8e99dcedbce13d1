// Past-cohort files: listing a folder of them and reading one (protobuf JSON
// of sopu.v1.PastCohort, validated).
#ifndef SOPU_SERVICE_HISTORY_PAST_COHORT_FILE_H_
#define SOPU_SERVICE_HISTORY_PAST_COHORT_FILE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "service/status/bad_request.h"
#include "sopu/v1/history.pb.h"

namespace sopu::service {

// ListPastCohortFiles returns the paths of the `.json` files directly in
// `dir`, sorted by name. NotFound when `dir` is not a folder; InvalidArgument
// when it holds no `.json` file.
[[nodiscard]] absl::StatusOr<std::vector<std::string>> ListPastCohortFiles(
    const std::string& dir);

// LoadedPastCohort is a read file: the message, or its problems.
struct LoadedPastCohort {
  std::string path;
  sopu::v1::PastCohort past;
  // Parse problems (one, naming the JSON place) or validation problems (all,
  // by field path); empty when the file is valid.
  std::vector<FieldViolation> problems;
  bool truncated = false;
};

// ReadPastCohortFile fails only when the file cannot be read (NotFound, ...);
// content problems are listed in LoadedPastCohort::problems. An empty name is
// replaced by the file's name without extension.
[[nodiscard]] absl::StatusOr<LoadedPastCohort> ReadPastCohortFile(
    const std::string& path);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HISTORY_PAST_COHORT_FILE_H_
