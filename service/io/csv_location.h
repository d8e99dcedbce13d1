// CsvLocation formats a place in a CSV file the way staff see it in their
// spreadsheet: "row 4", "row 4, column C" or "row 4, column C (capacity)".
// Shared by the CSV reader (its own problems) and SourceMap::Locate (the
// validator's problems), so both read the same.
#ifndef SOPU_SERVICE_IO_CSV_LOCATION_H_
#define SOPU_SERVICE_IO_CSV_LOCATION_H_

#include <string>
#include <string_view>

namespace sopu::io::internal {

// CsvLocation returns "row <row>", then ", column <letters>" when `column`
// (1-based) is positive, then " (<header>)" when `header` is not empty.
[[nodiscard]] std::string CsvLocation(int row, int column,
                                      std::string_view header);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_CSV_LOCATION_H_
