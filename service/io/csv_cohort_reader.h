// ReadCsvCohort: the staff-facing CSV import. Turns a spreadsheet export into
// a v1 Cohort message plus a SourceMap, reporting every cell it cannot read:
// ParseCsvGrid (csv_grid.h: delimiters, sep= line, BOM, quoting, line ends)
// followed by ReadGridCohort (grid_cohort_reader.h: header row, columns,
// cells). Column conventions: docs/csv-format.md.
//
// Complexity: O(file size). Never throws; never logs cell contents.
#ifndef SOPU_SERVICE_IO_CSV_COHORT_READER_H_
#define SOPU_SERVICE_IO_CSV_COHORT_READER_H_

#include <string_view>

#include "service/io/grid_cohort_reader.h"

namespace sopu::io {

// A CSV file reads into the same result as any sheet.
using CsvReadOptions = GridReadOptions;

struct CsvCohort : GridCohort {
  char delimiter = ',';  // the delimiter the file used
};

// ReadCsvCohort parses a whole file's bytes. Cells it cannot read are left
// unset in the cohort and listed in `problems`. A ZIP archive (an .xlsx or
// .ods file saved under a .csv name) gives one problem saying so.
// `options.delimiter` is ignored (the file's own is used).
[[nodiscard]] CsvCohort ReadCsvCohort(std::string_view bytes,
                                      const CsvReadOptions& options = {});

// IsZipArchive is true when `bytes` start as a ZIP archive does (PK\3\4):
// an .xlsx or .ods file, whatever its name.
[[nodiscard]] bool IsZipArchive(std::string_view bytes);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_CSV_COHORT_READER_H_
