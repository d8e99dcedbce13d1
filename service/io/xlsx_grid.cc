#include "service/io/xlsx_grid.h"

#include <charconv>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "service/io/sheet_cells.h"
#include "service/io/sheet_values.h"

namespace sopu::io::internal {
namespace {

constexpr std::string_view kWorkbook = "xl/workbook.xml";

// Workbook is what the workbook part says about its sheets.
struct Workbook {
  std::vector<std::string> names;
  std::vector<std::string> parts;  // each sheet's part, e.g. xl/worksheets/..
  bool date1904 = false;
  std::string shared_strings = "xl/sharedStrings.xml";
  std::string styles = "xl/styles.xml";
};

// PartPath resolves a relationship target against xl/.
std::string PartPath(std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

absl::StatusOr<Workbook> ReadWorkbook(ZipArchive& archive) {
  absl::StatusOr<std::string> text = archive.Read(std::string(kWorkbook));
  if (!text.ok()) {
    if (absl::IsNotFound(text.status())) {
      return absl::InvalidArgumentError(
          "the file is not an Excel workbook (xl/workbook.xml is missing)");
    }
    return text.status();
  }
  pugi::xml_document document;
  if (absl::Status parsed = ParseXml(*text, std::string(kWorkbook), document);
      !parsed.ok()) {
    return parsed;
  }
  // Relationship ids to parts.
  std::map<std::string, std::string> targets;
  absl::StatusOr<std::string> rels = archive.Read("xl/_rels/workbook.xml.rels");
  pugi::xml_document rels_document;
  Workbook book;
  if (rels.ok() &&
      ParseXml(*rels, "xl/_rels/workbook.xml.rels", rels_document).ok()) {
    for (pugi::xml_node rel :
         Child(rels_document.root(), "Relationships").children()) {
      const std::string target = PartPath(Attribute(rel, "Target").value());
      const std::string_view type = Attribute(rel, "Type").value();
      targets[Attribute(rel, "Id").value()] = target;
      if (type.ends_with("/sharedStrings")) book.shared_strings = target;
      if (type.ends_with("/styles")) book.styles = target;
    }
  }
  const pugi::xml_node workbook = Child(document.root(), "workbook");
  const std::string_view date1904 =
      Attribute(Child(workbook, "workbookPr"), "date1904").value();
  book.date1904 = date1904 == "1" || date1904 == "true";
  int number = 0;
  for (pugi::xml_node sheet : Child(workbook, "sheets").children()) {
    if (LocalName(sheet.name()) != "sheet") continue;
    ++number;
    book.names.emplace_back(Attribute(sheet, "name").value());
    const auto target = targets.find(Attribute(sheet, "id").value());
    book.parts.push_back(
        target != targets.end()
            ? target->second
            : absl::StrCat("xl/worksheets/sheet", number, ".xml"));
  }
  return book;
}

// RunText joins the text of a shared or inline string: its <t>, and the
// <t> of its rich-text runs <r>; phonetic runs (<rPh>) are not text.
void RunText(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = LocalName(child.name());
    if (name == "t") {
      out += child.text().get();
    } else if (name == "r") {
      RunText(child, out);
    }
  }
}

// IsDateFormat is true for a number format that shows a date: the built-in
// date formats, or a format code with day, month or year fields (text in
// quotes, [colours] and escaped characters aside; "m" with hours or
// seconds is minutes).
bool IsDateFormat(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
      (id >= 50 && id <= 58)) {
    return true;
  }
  bool day_or_year = false;
  bool month = false;
  bool time = false;
  bool quoted = false;
  bool bracket = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = absl::ascii_tolower(code[i]);
    if (quoted) {
      quoted = c != '"';
    } else if (bracket) {
      bracket = c != ']';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      bracket = true;
    } else if (c == '\\' || c == '_') {
      ++i;
    } else if (c == 'd' || c == 'y') {
      day_or_year = true;
    } else if (c == 'm') {
      month = true;
    } else if (c == 'h' || c == 's') {
      time = true;
    }
  }
  return day_or_year || (month && !time);
}

// DateStyles returns the style indexes (a cell's s="N") that show dates.
std::set<int> DateStyles(ZipArchive& archive, const std::string& part) {
  std::set<int> dates;
  absl::StatusOr<std::string> text = archive.Read(part);
  pugi::xml_document document;
  if (!text.ok() || !ParseXml(*text, part, document).ok()) return dates;
  const pugi::xml_node styles = Child(document.root(), "styleSheet");
  std::map<int, std::string> codes;
  for (pugi::xml_node format : Child(styles, "numFmts").children()) {
    codes[Attribute(format, "numFmtId").as_int()] =
        Attribute(format, "formatCode").value();
  }
  int index = 0;
  for (pugi::xml_node xf : Child(styles, "cellXfs").children()) {
    if (LocalName(xf.name()) != "xf") continue;
    const int id = Attribute(xf, "numFmtId").as_int();
    const auto code = codes.find(id);
    if (IsDateFormat(id, code != codes.end() ? code->second : "")) {
      dates.insert(index);
    }
    ++index;
  }
  return dates;
}

// SheetReader reads one worksheet part into a grid.
class SheetReader {
 public:
  SheetReader(const Workbook& book, std::set<int> date_styles,
              std::optional<std::vector<std::string>> shared, CellGrid& grid)
      : book_(book),
        date_styles_(std::move(date_styles)),
        shared_(std::move(shared)),
        grid_(grid),
        cells_(grid) {}

  void Read(pugi::xml_node sheet_data);

 private:
  // ReadRow reads the cells of row `row`; false to stop (damage, or the
  // sheet is full).
  bool ReadRow(pugi::xml_node row_node, int row);
  // CellValue is the cell's value as staff see it; a problem for damage.
  GridCell CellValue(pugi::xml_node cell, int row, int column);
  // SharedString is shared string `value` (an index), or "" with a problem.
  std::string SharedString(const std::string& value, int row, int column);
  // NumberValue is a number cell's value: a date when its style shows one.
  GridCell NumberValue(pugi::xml_node cell, const std::string& value, int row,
                       int column);
  void Problem(int row, int column, std::string description) {
    grid_.problems.push_back({row, column, std::move(description)});
  }

  const Workbook& book_;
  std::set<int> date_styles_;
  std::optional<std::vector<std::string>> shared_;
  CellGrid& grid_;
  SheetCells cells_;
  bool missing_shared_said_ = false;
};

void SheetReader::Read(pugi::xml_node sheet_data) {
  int row = 0;
  for (pugi::xml_node row_node : sheet_data.children()) {
    if (LocalName(row_node.name()) != "row") continue;
    const int given = Attribute(row_node, "r").as_int();
    if (given != 0 && (given <= row || given > kMaxSheetRows)) {
      Problem(0, 0, "the file is damaged: its rows are out of order");
      return;
    }
    row = given != 0 ? given : row + 1;
    if (!ReadRow(row_node, row)) return;
  }
}

bool SheetReader::ReadRow(pugi::xml_node row_node, int row) {
  int column = 0;
  for (pugi::xml_node cell : row_node.children()) {
    if (LocalName(cell.name()) != "c") continue;
    const pugi::xml_attribute reference = Attribute(cell, "r");
    const auto place =
        reference ? ParseCellReference(reference.value())
                  : std::make_optional(std::make_pair(row, column + 1));
    if (!place || place->first != row || place->second <= column ||
        place->second > kMaxSheetColumns) {
      Problem(row, 0, "the file is damaged: a cell reference is wrong");
      return false;
    }
    column = place->second;
    if (!cells_.Put(row, column, CellValue(cell, row, column))) return false;
  }
  return true;
}

std::string SheetReader::SharedString(const std::string& value, int row,
                                      int column) {
  if (!shared_.has_value()) {
    if (!missing_shared_said_) {
      Problem(0, 0,
              "the file is damaged: its shared strings "
              "(xl/sharedStrings.xml) are missing, so its text cells are "
              "empty; save it again from the spreadsheet program");
    }
    missing_shared_said_ = true;
    return "";
  }
  std::size_t index = 0;
  const auto [end, error] =
      std::from_chars(value.data(), value.data() + value.size(), index);
  if (error != std::errc() || end != value.data() + value.size() ||
      index >= shared_->size()) {
    Problem(row, column,
            "the file is damaged: the cell names a shared string that does "
            "not exist");
    return "";
  }
  return (*shared_)[index];
}

GridCell SheetReader::NumberValue(pugi::xml_node cell, const std::string& value,
                                  int row, int column) {
  GridCell out;
  double number = 0;
  const auto [end, error] =
      std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size()) {
    Problem(row, column, "the file is damaged: a number cannot be read");
    return out;
  }
  out.text = FormatSheetNumber(number);
  if (date_styles_.contains(Attribute(cell, "s").as_int(-1))) {
    if (std::optional<std::string> date =
            SerialToIsoDate(number, book_.date1904)) {
      out.number = out.text;
      out.text = *date;
    }
  }
  return out;
}

GridCell SheetReader::CellValue(pugi::xml_node cell, int row, int column) {
  const std::string_view type = Attribute(cell, "t").value();
  const std::string value = Child(cell, "v").text().get();
  GridCell out;
  if (type == "inlineStr") {
    RunText(Child(cell, "is"), out.text);
  } else if (type == "s") {
    out.text = SharedString(value, row, column);
  } else if (type == "str" || type == "d") {
    out.text = value;  // a formula's text result; an ISO date
  } else if (type == "b") {
    if (!value.empty()) out.text = value == "1" ? "TRUE" : "FALSE";
  } else if (type == "e") {
    Problem(row, column, "the cell holds a formula error; fix the formula");
  } else if (!value.empty()) {
    out = NumberValue(cell, value, row, column);
  }
  return out;
}

}  // namespace

absl::StatusOr<CellGrid> ReadXlsxGrid(ZipArchive& archive,
                                      const std::string& sheet) {
  absl::StatusOr<Workbook> book = ReadWorkbook(archive);
  if (!book.ok()) return book.status();
  CellGrid grid;
  absl::StatusOr<std::size_t> chosen = ChooseSheet(book->names, sheet, grid);
  if (!chosen.ok()) return chosen.status();
  const std::string& part = book->parts[*chosen];
  const auto damaged = [&](const absl::Status& status) {
    grid.problems.push_back({0, 0, std::string(status.message())});
    return grid;
  };

  std::optional<std::vector<std::string>> shared;
  if (archive.Has(book->shared_strings)) {
    absl::StatusOr<std::string> text = archive.Read(book->shared_strings);
    if (!text.ok()) return damaged(text.status());
    pugi::xml_document document;
    if (absl::Status parsed = ParseXml(*text, book->shared_strings, document);
        !parsed.ok()) {
      return damaged(parsed);
    }
    shared.emplace();
    for (pugi::xml_node si : Child(document.root(), "sst").children()) {
      if (LocalName(si.name()) != "si") continue;
      RunText(si, shared->emplace_back());
    }
  }
  std::set<int> date_styles = DateStyles(archive, book->styles);

  absl::StatusOr<std::string> text = archive.Read(part);
  if (!text.ok()) {
    if (absl::IsNotFound(text.status())) {
      return damaged(absl::InvalidArgumentError(
          absl::StrCat("the file is damaged: sheet \"", book->names[*chosen],
                       "\" is missing from it")));
    }
    return damaged(text.status());
  }
  pugi::xml_document document;
  if (absl::Status parsed = ParseXml(*text, part, document); !parsed.ok()) {
    return damaged(parsed);
  }
  SheetReader(*book, std::move(date_styles), std::move(shared), grid)
      .Read(Child(Child(document.root(), "worksheet"), "sheetData"));
  return grid;
}

}  // namespace sopu::io::internal
