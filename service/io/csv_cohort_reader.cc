#include "service/io/csv_cohort_reader.h"

#include <utility>

#include "service/io/csv_grid.h"

namespace sopu::io {

bool IsZipArchive(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4));
}

CsvCohort ReadCsvCohort(std::string_view bytes, const CsvReadOptions& options) {
  CsvCohort result;
  if (IsZipArchive(bytes)) {
    result.cohort.set_program(options.program);
    auto& problem = result.problems.emplace_back();
    problem.set_field("file");
    problem.set_description(
        "this is an Excel (.xlsx) or OpenDocument (.ods) file, not CSV; name "
        "it .xlsx or .ods, or save it as CSV UTF-8");
    return result;
  }
  CsvGrid csv = ParseCsvGrid(bytes);
  GridReadOptions grid_options = options;
  grid_options.delimiter = csv.delimiter;
  static_cast<GridCohort&>(result) = ReadGridCohort(csv.grid, grid_options);
  result.delimiter = csv.delimiter;
  return result;
}

}  // namespace sopu::io
