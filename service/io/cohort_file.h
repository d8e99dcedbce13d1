// ReadCohortFile loads a cohort from a CSV file (staff format, see
// docs/csv-format.md), a spreadsheet (.xlsx or .ods, see
// docs/spreadsheets.md) or a JSON file (protobuf JSON of sopu.v1.Cohort, see
// docs/json-format.md). The format is chosen by extension (.json, .xlsx,
// .ods, or .csv/.tsv/.txt), then by content: a ZIP archive is a spreadsheet
// whatever its name (with a notice), '{' first means JSON.
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

enum class CohortFormat { kCsv, kJson, kXlsx, kOds };

struct CohortFileOptions {
  // The spreadsheet's sheet to read; empty: the first. Only for .xlsx and
  // .ods files: given for a CSV or JSON file it is an error.
  std::string sheet;
};

struct LoadedCohort {
  CohortFormat format = CohortFormat::kCsv;
  sopu::v1::Cohort cohort;
  // Set for CSV and spreadsheets: turns validation paths into rows and
  // columns.
  std::optional<SourceMap> source;
  // Problems met while reading (unreadable cells, invalid JSON). Validation
  // problems come later, from the handlers.
  std::vector<google::rpc::BadRequest::FieldViolation> problems;
  bool truncated = false;
  // Things staff should know that are not problems, one line each, e.g.
  // "ignored 3 columns sopu does not use: email, Lisätiedot, Aikaleima".
  // Column names, sheet names, ids and row numbers only; never a cell.
  std::vector<std::string> notices;
  // CSV only: the delimiter the file used, and whether its numbers were
  // written with decimal commas ("3,5"); so that output can follow the
  // input's style. Defaults for other formats.
  char delimiter = ',';
  bool decimal_comma = false;
};

// ReadCohortFile fails only when the file cannot be read (NotFound, ...),
// names a sheet the spreadsheet does not have (NotFound, listing the
// sheets) or `options.sheet` is given for a CSV or JSON file
// (InvalidArgument); content problems are listed in LoadedCohort::problems.
[[nodiscard]] absl::StatusOr<LoadedCohort> ReadCohortFile(
    const std::string& path, const CohortFileOptions& options = {});

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_COHORT_FILE_H_
