#include "service/render/csv_dialect.h"

#include <algorithm>

#include "service/render/text_table.h"

namespace sopu::service {

std::string CsvCell(std::string_view text, const CsvDialect& dialect) {
  // A cell starting with = + - @ would run as a formula in a spreadsheet:
  // prefix it with an apostrophe, which spreadsheets show as text.
  std::string cell;
  cell.reserve(text.size() + 1);
  if (!text.empty() &&
      std::string_view("=+-@").find(text.front()) != std::string_view::npos) {
    cell.push_back('\'');
  }
  cell.append(text);
  const bool quote = cell.find_first_of("\"\r\n") != std::string::npos ||
                     cell.find(dialect.delimiter) != std::string::npos;
  if (!quote) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string CsvNumber(double value, int digits, const CsvDialect& dialect) {
  std::string text = FormatFixed(value, digits);
  if (dialect.decimal_comma) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string CsvHeader(std::string_view comma_separated,
                      const CsvDialect& dialect) {
  std::string header(comma_separated);
  std::replace(header.begin(), header.end(), ',', dialect.delimiter);
  return header;
}

}  // namespace sopu::service
