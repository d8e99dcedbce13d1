#include "service/io/ods_grid.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "service/io/sheet_cells.h"
#include "service/io/sheet_values.h"

namespace sopu::io::internal {
namespace {

// Repeats reads a repeat count attribute (1 when absent or unreadable).
std::int64_t Repeats(pugi::xml_node node, std::string_view name) {
  const auto count =
      static_cast<std::int64_t>(Attribute(node, name).as_llong(1));
  return std::max<std::int64_t>(count, 1);
}

// ParagraphText appends a text:p's text: spans and links recursed into,
// <text:s text:c="N"/> as N spaces, tabs and line breaks as themselves.
void ParagraphText(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
      continue;
    }
    const std::string_view name = LocalName(child.name());
    if (name == "s") {
      const std::int64_t count =
          std::min<std::int64_t>(Repeats(child, "c"), 1000);
      out.append(static_cast<std::size_t>(count), ' ');
    } else if (name == "tab") {
      out += '\t';
    } else if (name == "line-break") {
      out += '\n';
    } else if (name != "annotation" && name != "note") {
      ParagraphText(child, out);
    }
  }
}

// CellValue is a table-cell's value as staff see it.
GridCell CellValue(pugi::xml_node cell) {
  GridCell out;
  const std::string_view type = Attribute(cell, "value-type").value();
  if (type == "float" || type == "percentage" || type == "currency") {
    const std::string_view value = Attribute(cell, "value").value();
    double number = 0;
    const auto [end, error] =
        std::from_chars(value.data(), value.data() + value.size(), number);
    if (error == std::errc() && end == value.data() + value.size()) {
      out.text = FormatSheetNumber(number);
      return out;
    }
  } else if (type == "boolean") {
    const std::string_view value = Attribute(cell, "boolean-value").value();
    out.text = value == "true" ? "TRUE" : "FALSE";
    return out;
  } else if (type == "date") {
    const std::string_view value = Attribute(cell, "date-value").value();
    if (std::optional<std::int64_t> serial = IsoDateToSerial(value)) {
      out.text = std::string(value);
      out.number = std::to_string(*serial);
      return out;
    }
  }
  // Text, and anything shown only as text (times, unreadable values).
  bool first = true;
  for (pugi::xml_node child : cell.children()) {
    if (LocalName(child.name()) != "p") continue;
    if (!first) out.text += '\n';
    first = false;
    ParagraphText(child, out.text);
  }
  return out;
}

// RowsOf collects a table's rows in order, through header-rows, row-groups
// and rows elements.
void RowsOf(pugi::xml_node node, std::vector<pugi::xml_node>& rows) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = LocalName(child.name());
    if (name == "table-row") {
      rows.push_back(child);
    } else if (name == "table-header-rows" || name == "table-row-group" ||
               name == "table-rows") {
      RowsOf(child, rows);
    }
  }
}

// RowValues returns a table-row's non-empty cells with their columns, read
// once however often the row repeats; empty repeated cells only advance
// the column, and nothing goes past the sheet's last column.
std::vector<std::pair<int, GridCell>> RowValues(pugi::xml_node row_node) {
  std::vector<std::pair<int, GridCell>> values;
  std::int64_t column = 0;
  for (pugi::xml_node cell : row_node.children()) {
    const std::string_view name = LocalName(cell.name());
    if (name != "table-cell" && name != "covered-table-cell") continue;
    const std::int64_t repeats = std::min<std::int64_t>(
        Repeats(cell, "number-columns-repeated"), kMaxSheetColumns - column);
    GridCell value = CellValue(cell);
    if (value.text.empty()) {
      column += repeats;
    } else {
      for (std::int64_t k = 0; k < repeats; ++k) {
        values.emplace_back(static_cast<int>(++column), value);
      }
    }
    if (column >= kMaxSheetColumns) break;
  }
  return values;
}

// ReadTable fills `grid` from a table:table element.
void ReadTable(pugi::xml_node table, CellGrid& grid) {
  SheetCells cells(grid);
  std::vector<pugi::xml_node> rows;
  RowsOf(table, rows);
  std::int64_t row = 0;
  for (pugi::xml_node row_node : rows) {
    const std::vector<std::pair<int, GridCell>> values = RowValues(row_node);
    const std::int64_t repeats = std::min<std::int64_t>(
        Repeats(row_node, "number-rows-repeated"), kMaxSheetRows - row);
    if (values.empty()) {
      row += repeats;
    } else {
      for (std::int64_t k = 0; k < repeats; ++k) {
        ++row;
        for (const auto& [at, value] : values) {
          if (!cells.Put(static_cast<int>(row), at, value)) return;
        }
      }
    }
    if (row >= kMaxSheetRows) return;
  }
}

}  // namespace

absl::StatusOr<CellGrid> ReadOdsGrid(ZipArchive& archive,
                                     const std::string& sheet) {
  absl::StatusOr<std::string> text = archive.Read("content.xml");
  if (!text.ok()) {
    if (absl::IsNotFound(text.status())) {
      return absl::InvalidArgumentError(
          "the file is not an OpenDocument spreadsheet (content.xml is "
          "missing)");
    }
    return text.status();
  }
  pugi::xml_document document;
  if (absl::Status parsed = ParseXml(*text, "content.xml", document);
      !parsed.ok()) {
    return parsed;
  }
  const pugi::xml_node spreadsheet = Child(
      Child(Child(document.root(), "document-content"), "body"), "spreadsheet");
  std::vector<pugi::xml_node> tables;
  std::vector<std::string> names;
  for (pugi::xml_node table : spreadsheet.children()) {
    if (LocalName(table.name()) != "table") continue;
    tables.push_back(table);
    names.emplace_back(Attribute(table, "name").value());
  }
  CellGrid grid;
  absl::StatusOr<std::size_t> chosen = ChooseSheet(names, sheet, grid);
  if (!chosen.ok()) return chosen.status();
  ReadTable(tables[*chosen], grid);
  return grid;
}

}  // namespace sopu::io::internal
