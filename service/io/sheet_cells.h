// SheetCells places the cells an .xlsx or .ods reader finds into a CellGrid,
// row by row, keeping a sheet's limits: at most kMaxSheetCells cells are
// stored (empty cells cost nothing), so repeated rows and columns cannot
// exhaust memory. Also the XML helpers both readers use.
#ifndef SOPU_SERVICE_IO_SHEET_CELLS_H_
#define SOPU_SERVICE_IO_SHEET_CELLS_H_

#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "service/io/cell_grid.h"

namespace sopu::io::internal {

class SheetCells {
 public:
  explicit SheetCells(CellGrid& grid) : grid_(grid) {}

  // Put stores `cell` at `row`, `column` (1-based). Rows must come in
  // increasing order, cells of a row in increasing column order. An empty
  // cell is not stored. Returns false once the sheet is full (a problem is
  // added, once); the caller stops reading.
  bool Put(int row, int column, GridCell cell);

  [[nodiscard]] bool full() const { return full_; }

 private:
  CellGrid& grid_;
  std::size_t stored_ = 0;
  bool full_ = false;
};

// LocalName is an XML name without its namespace prefix ("table:table-cell"
// -> "table-cell"): files from other writers may use other prefixes.
[[nodiscard]] std::string_view LocalName(const char* name);

// Child returns the first child element with local name `name`.
[[nodiscard]] pugi::xml_node Child(pugi::xml_node node, std::string_view name);

// Attribute returns the attribute with local name `name` (any prefix).
[[nodiscard]] pugi::xml_attribute Attribute(pugi::xml_node node,
                                            std::string_view name);

// ParseXml parses one part of the archive; `part` names it in the error
// (InvalidArgument "the file is damaged: xl/workbook.xml is not valid XML").
[[nodiscard]] absl::Status ParseXml(const std::string& text,
                                    const std::string& part,
                                    pugi::xml_document& document);

// ChooseSheet returns the index of sheet `wanted` in `names` (the first
// sheet when `wanted` is empty; case-sensitive, then case-insensitive). An
// unknown name is NotFound listing the sheets there are. When the book has
// several sheets, a notice in `grid` says which one was read.
[[nodiscard]] absl::StatusOr<std::size_t> ChooseSheet(
    const std::vector<std::string>& names, const std::string& wanted,
    CellGrid& grid);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_SHEET_CELLS_H_
