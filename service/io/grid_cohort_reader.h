// ReadGridCohort: turns a sheet's cells (CellGrid, from a CSV, .xlsx or .ods
// file) into a v1 Cohort message plus a SourceMap, reporting every cell it
// cannot read at its row and column ("row 4, column C (capacity)").
//
// The header is the first row that names an id column (any alias,
// header_aliases.h); title and blank rows above it are skipped with a
// notice. Columns sopu does not read are listed once in a notice, not as
// problems. When many cells fail the same way the likely cause comes first
// (likely_cause.h). Column conventions: docs/csv-format.md.
//
// Only syntax is checked here (unreadable number, unknown role, ...): range
// and cross-row rules (levels 0..5, duplicate ids, unknown avoid ids) are
// the validator's, which reports them through the SourceMap.
// Complexity: O(cells). Never throws; never repeats a cell's content.
#ifndef SOPU_SERVICE_IO_GRID_COHORT_READER_H_
#define SOPU_SERVICE_IO_GRID_COHORT_READER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "google/rpc/error_details.pb.h"
#include "service/io/cell_grid.h"
#include "service/io/source_map.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::io {

struct GridReadOptions {
  // Program name stored in the cohort.
  std::string program;
  // Stop collecting problems after this many (the read still finishes).
  std::size_t max_problems = 100;
  // The CSV delimiter the grid was cut with; 0 for a spreadsheet. Used only
  // to tell a wrong delimiter or decimal commas as the likely cause.
  char delimiter = 0;
};

struct GridCohort {
  sopu::v1::Cohort cohort;
  SourceMap source;
  // Cell-level problems in reading order; `field` is a location such as
  // "row 4, column C (capacity)" ("row 1, column G (foo)" for the header,
  // "file" for the file as a whole: UTF-16, or the likely cause of many
  // problems, which comes first) and `description` never repeats the cell.
  std::vector<google::rpc::BadRequest::FieldViolation> problems;
  // True when problems were dropped after max_problems.
  bool truncated = false;
  // The grid's notices, then the reader's: rows skipped above the header,
  // columns ignored. Column names, sheet names and row numbers only.
  std::vector<std::string> notices;
  // True when a number was written with a decimal comma ("3,5").
  bool decimal_comma = false;
};

// ReadGridCohort reads `grid`. Cells it cannot read are left unset in the
// cohort and listed in `problems`.
[[nodiscard]] GridCohort ReadGridCohort(const CellGrid& grid,
                                        const GridReadOptions& options = {});

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_GRID_COHORT_READER_H_
