// ReadCsvCohort: the staff-facing CSV import. Turns a spreadsheet export into
// a v1 Cohort message plus a SourceMap, reporting every cell it cannot read.
//
// Accepts ',' ';' or tab delimiters (detected from the header row), UTF-8 with
// or without BOM, CRLF or LF line ends, quoted fields with embedded
// delimiters, quotes and newlines, decimal commas ("3,5"), and trailing empty
// columns. Column conventions: docs/csv-format.md.
//
// Only syntax is checked here (unknown column, unreadable number, unknown
// role, ...): range and cross-row rules (levels 0..5, duplicate ids, unknown
// avoid ids) are the validator's, which reports them through the SourceMap.
// Complexity: O(file size). Never throws; never logs cell contents.
#ifndef SOPU_SERVICE_IO_CSV_COHORT_READER_H_
#define SOPU_SERVICE_IO_CSV_COHORT_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "google/rpc/error_details.pb.h"
#include "service/io/source_map.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::io {

struct CsvReadOptions {
  // Program name stored in the cohort.
  std::string program;
  // Stop collecting problems after this many (the read still finishes).
  std::size_t max_problems = 100;
};

struct CsvCohort {
  sopu::v1::Cohort cohort;
  SourceMap source;
  // Cell-level problems in reading order; `field` is a location such as
  // "row 4, column C (capacity)" ("row 1, column G (foo)" for the header,
  // "file" for the file as a whole, e.g. UTF-16) and `description` never
  // repeats the cell.
  std::vector<google::rpc::BadRequest::FieldViolation> problems;
  // True when problems were dropped after max_problems.
  bool truncated = false;
};

// ReadCsvCohort parses a whole file's bytes. Cells it cannot read are left
// unset in the cohort and listed in `problems`.
[[nodiscard]] CsvCohort ReadCsvCohort(std::string_view bytes,
                                      const CsvReadOptions& options = {});

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_CSV_COHORT_READER_H_
