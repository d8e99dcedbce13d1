// ReadCohortFile loads a cohort from a CSV file (staff format, see
// docs/csv-format.md) or a JSON file (protobuf JSON of sopu.v1.Cohort, see
// docs/json-format.md). The format is chosen by extension (.json, or
// .csv/.tsv/.txt) and otherwise by the first character ('{' means JSON).
#ifndef SOPU_SERVICE_IO_COHORT_FILE_H_
#define SOPU_SERVICE_IO_COHORT_FILE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/rpc/error_details.pb.h"
#include "service/io/source_map.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::io {

enum class CohortFormat { kCsv, kJson };

struct LoadedCohort {
  CohortFormat format = CohortFormat::kCsv;
  sopu::v1::Cohort cohort;
  // Set for CSV: turns validation paths into rows and columns.
  std::optional<SourceMap> source;
  // Problems met while reading (unreadable cells, invalid JSON). Validation
  // problems come later, from the handlers.
  std::vector<google::rpc::BadRequest::FieldViolation> problems;
  bool truncated = false;
};

// ReadCohortFile fails only when the file cannot be read (NotFound, ...);
// content problems are listed in LoadedCohort::problems.
[[nodiscard]] absl::StatusOr<LoadedCohort> ReadCohortFile(
    const std::string& path);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_COHORT_FILE_H_
