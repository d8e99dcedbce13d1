// ParseCsvGrid: cuts a staff CSV file into a CellGrid with libcsv.
//
// Accepts ',' ';' or tab delimiters (an Excel `sep=;` first line names it
// and is not a row; otherwise detected from the first line), UTF-8 with or
// without BOM, CRLF, LF or CR line ends, quoted fields with embedded
// delimiters, quotes and newlines. Rows keep the numbers a spreadsheet shows
// (a quoted cell with line breaks is still one row; empty lines count).
// Problems: a UTF-16 file (no rows), a quote never closed (at its cell,
// which is emptied). Complexity: O(file size).
#ifndef SOPU_SERVICE_IO_CSV_GRID_H_
#define SOPU_SERVICE_IO_CSV_GRID_H_

#include <string_view>

#include "service/io/cell_grid.h"

namespace sopu::io {

struct CsvGrid {
  CellGrid grid;
  char delimiter = ',';   // the delimiter used
  bool sep_line = false;  // true when a `sep=` first line named it
};

[[nodiscard]] CsvGrid ParseCsvGrid(std::string_view bytes);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_CSV_GRID_H_
