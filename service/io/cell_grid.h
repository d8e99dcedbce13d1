// CellGrid: a sheet as rows of cells, whatever file it came from (CSV, .xlsx,
// .ods), with the row and column numbers staff see in their spreadsheet. The
// readers of each format fill one; ReadGridCohort (grid_cohort_reader.h)
// turns it into a cohort, so every format reports problems the same way
// ("row 4, column C (capacity)").
#ifndef SOPU_SERVICE_IO_CELL_GRID_H_
#define SOPU_SERVICE_IO_CELL_GRID_H_

#include <string>
#include <vector>

namespace sopu::io {

// GridCell is one cell as staff see it.
struct GridCell {
  // The text: a string as written, a number in its shortest form ("3",
  // "3.5"; never "3.0"), TRUE or FALSE, a date as an ISO date
  // ("2024-03-01", with "T13:30:00" when it has a time of day).
  std::string text;
  // For a date cell only: the spreadsheet's day number ("45352"), which is
  // what a column that expects a number reads. Empty otherwise.
  std::string number;
};

// GridRow is one row; cells[i] is column i + 1 (empty cells are empty
// GridCells; the row ends at its last cell given).
struct GridRow {
  int row = 0;  // 1-based, as the spreadsheet numbers it
  std::vector<GridCell> cells;
};

// GridProblem is a problem of the file itself (not of a cell's meaning),
// found while cutting it into cells.
struct GridProblem {
  int row = 0;     // 0: the file as a whole
  int column = 0;  // 1-based; 0: the row as a whole
  std::string description;
};

// CellGrid: rows in increasing row order (rows not in the file, such as
// empty rows a spreadsheet does not store, may be missing).
struct CellGrid {
  std::vector<GridRow> rows;
  std::vector<GridProblem> problems;
  // Things staff should know that are not problems (ids, column names and
  // sheet names only; never a cell's content).
  std::vector<std::string> notices;
};

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_CELL_GRID_H_
