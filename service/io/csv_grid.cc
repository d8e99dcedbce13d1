#include "service/io/csv_grid.h"

#include <csv.h>

#include <cstddef>
#include <string>
#include <utility>

#include "service/io/csv_cells.h"

namespace sopu::io {
namespace {

// SepLine recognises Excel's "sep=X" first line (X one of , ; TAB or the two
// characters \t), optionally quoted, and returns its delimiter and length
// with the line end; delimiter 0 when there is none.
std::pair<char, std::size_t> SepLine(std::string_view bytes) {
  std::string_view line = bytes.substr(0, bytes.find_first_of("\r\n"));
  std::size_t length = line.size();
  if (length < bytes.size() && bytes[length] == '\r') ++length;
  if (length < bytes.size() && bytes[length] == '\n') ++length;
  if (line.size() >= 2 && line.front() == '"' && line.back() == '"') {
    line = line.substr(1, line.size() - 2);
  }
  if (line.size() < 5 || internal::AsciiLower(line.substr(0, 4)) != "sep=") {
    return {0, 0};
  }
  const std::string_view rest = line.substr(4);
  if (rest == "," || rest == ";" || rest == "\t") return {rest[0], length};
  if (rest == "\\t") return {'\t', length};
  return {0, 0};
}

// GridBuilder receives libcsv's fields and row ends.
class GridBuilder {
 public:
  explicit GridBuilder(CellGrid& grid) : grid_(grid) {}
  GridBuilder(const GridBuilder&) = delete;
  GridBuilder& operator=(const GridBuilder&) = delete;

  // Parse cuts `bytes` with `delimiter`.
  void Parse(std::string_view bytes, char delimiter);

 private:
  static void OnField(void* data, std::size_t size, void* self);
  static void OnRowEnd(int end, void* self);
  void EndRow(int end);

  CellGrid& grid_;
  std::vector<GridCell> cells_;
  int row_ = 0;
  bool last_end_was_cr_ = false;
  bool unclosed_quote_ = false;
};

void GridBuilder::Parse(std::string_view bytes, char delimiter) {
  csv_parser parser{};
  // CSV_REPALL_NL reports empty lines too, so that rows count as in a
  // spreadsheet.
  if (csv_init(&parser, CSV_REPALL_NL) != 0) {
    grid_.problems.push_back({0, 0, "file could not be read; out of memory"});
    return;
  }
  struct Freer {
    csv_parser* parser;
    ~Freer() { csv_free(parser); }
  } freer{&parser};
  csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
  if (csv_parse(&parser, bytes.data(), bytes.size(), OnField, OnRowEnd, this) !=
      bytes.size()) {
    grid_.problems.push_back({0, 0, "file could not be read; out of memory"});
    return;
  }
  // A quoted field is still open: either its closing quote was the last
  // character (a line end then ends the row) or it never closed (a line end
  // is taken into the field and no row ends).
  if (parser.quoted != 0) {
    const int rows_before = row_;
    csv_parse(&parser, "\n", 1, OnField, OnRowEnd, this);
    unclosed_quote_ = row_ == rows_before;
  }
  csv_fini(&parser, OnField, OnRowEnd, this);
}

void GridBuilder::OnField(void* data, std::size_t size, void* self) {
  auto& builder = *static_cast<GridBuilder*>(self);
  GridCell& cell = builder.cells_.emplace_back();
  if (data != nullptr) cell.text.assign(static_cast<const char*>(data), size);
}

void GridBuilder::OnRowEnd(int end, void* self) {
  static_cast<GridBuilder*>(self)->EndRow(end);
}

void GridBuilder::EndRow(int end) {
  // With CSV_REPALL_NL the LF of a CRLF ends an empty record of its own.
  if (end == '\n' && last_end_was_cr_ && cells_.empty()) {
    last_end_was_cr_ = false;
    return;
  }
  last_end_was_cr_ = end == '\r';
  ++row_;
  if (unclosed_quote_ && !cells_.empty()) {
    grid_.problems.push_back(
        {row_, static_cast<int>(cells_.size()),
         "quote never closed; the rest of the file went into this cell"});
    cells_.back().text.clear();
  }
  grid_.rows.push_back({row_, std::move(cells_)});
  cells_.clear();
}

}  // namespace

CsvGrid ParseCsvGrid(std::string_view bytes) {
  CsvGrid result;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    result.grid.problems.push_back(
        {0, 0, "file is UTF-16; save it as CSV UTF-8"});
    return result;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  // Excel hides its sep= line: the header below it is row 1 there.
  const auto [sep, sep_length] = SepLine(bytes);
  if (sep != 0) {
    bytes.remove_prefix(sep_length);
    result.delimiter = sep;
    result.sep_line = true;
  } else {
    result.delimiter = static_cast<char>(internal::DetectDelimiter(bytes));
  }
  GridBuilder(result.grid).Parse(bytes, result.delimiter);
  return result;
}

}  // namespace sopu::io
