// LikelyCause: when many cells of a sheet fail the same way, the one mistake
// behind them, said once before the list (as the first problem, field
// "file"): a wrong delimiter, decimal commas in a comma-separated file, a
// Windows-1252 (Latin-1) file, a spreadsheet saved under a .csv name.
// Documented in docs/csv-format.md ("When many cells fail the same way").
#ifndef SOPU_SERVICE_IO_LIKELY_CAUSE_H_
#define SOPU_SERVICE_IO_LIKELY_CAUSE_H_

#include <string>

namespace sopu::io::internal {

// Symptoms are counts the grid reader keeps while reading.
struct Symptoms {
  char delimiter = 0;  // the CSV delimiter used; 0 for a spreadsheet
  int data_rows = 0;   // non-blank rows below the header
  int header_columns = 0;
  // Cells (header cells too) that are not valid UTF-8.
  int not_utf8_cells = 0;
  // Rows with a value right of the last header column.
  int rows_with_extra_cells = 0;
  // Rows whose only value is in column A and holds another delimiter
  // (, ; or TAB).
  int rows_in_one_cell = 0;
  // The header row has one cell, which holds another delimiter.
  bool header_in_one_cell = false;
  // Which other delimiter those cells hold most (0: none).
  char other_delimiter = 0;
};

// kManyFailures: how many rows (or cells) failing the same way make a likely
// cause worth saying; fewer is said too when every data row fails so (and
// there are at least two).
inline constexpr int kManyFailures = 3;

// LikelyCause returns the likely cause in plain English, or "" when the
// symptoms point at none.
[[nodiscard]] std::string LikelyCause(const Symptoms& symptoms);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_LIKELY_CAUSE_H_
