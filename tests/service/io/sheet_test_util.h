// Helpers of the spreadsheet reader tests: the committed fixtures of
// tests/data/sheets (made by make_sheets.py there) and a grid rendered as
// text for exact comparison.
#ifndef SOPU_TESTS_SERVICE_IO_SHEET_TEST_UTIL_H_
#define SOPU_TESTS_SERVICE_IO_SHEET_TEST_UTIL_H_

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "service/io/cell_grid.h"

namespace sopu::io::testing {

inline std::string SheetPath(const std::string& name) {
  return std::string(SOPU_TEST_DATA_DIR) + "/sheets/" + name;
}

inline std::string SheetBytes(const std::string& name) {
  std::ifstream file(SheetPath(name), std::ios::binary);
  return {std::istreambuf_iterator<char>(file),
          std::istreambuf_iterator<char>()};
}

// GridLines renders each row as "N: a|b|c", a date cell as "text=number".
inline std::vector<std::string> GridLines(const CellGrid& grid) {
  std::vector<std::string> lines;
  for (const GridRow& row : grid.rows) {
    std::string line = std::to_string(row.row) + ":";
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      line += i == 0 ? " " : "|";
      line += row.cells[i].text;
      if (!row.cells[i].number.empty()) line += "=" + row.cells[i].number;
    }
    lines.push_back(line);
  }
  return lines;
}

// ProblemLines renders grid problems as "row:column: description".
inline std::vector<std::string> ProblemLines(const CellGrid& grid) {
  std::vector<std::string> lines;
  for (const GridProblem& p : grid.problems) {
    lines.push_back(std::to_string(p.row) + ":" + std::to_string(p.column) +
                    ": " + p.description);
  }
  return lines;
}

}  // namespace sopu::io::testing

#endif  // SOPU_TESTS_SERVICE_IO_SHEET_TEST_UTIL_H_
