// The style of a CSV file sopu writes: the field delimiter and the decimal
// separator. Staff in Finland and Sweden often keep spreadsheets with `;`
// and decimal commas, so a result goes out in the style its cohort came in.
// Every CSV file is UTF-8 with a BOM and CRLF line ends, whatever the style.
#ifndef SOPU_SERVICE_RENDER_CSV_DIALECT_H_
#define SOPU_SERVICE_RENDER_CSV_DIALECT_H_

#include <string>
#include <string_view>

namespace sopu::service {

// CsvDialect: ',' / ';' / '\t' between fields; decimal_comma writes 0,25.
// Invariant (kept by the writers of the CLI): a decimal comma goes with a
// delimiter other than ','.
struct CsvDialect {
  char delimiter = ',';
  bool decimal_comma = false;
};

// CsvCell is CsvField for `dialect`: quotes the text when it holds the
// delimiter, a quote, CR or LF (quotes doubled), and prefixes "'" to text
// starting with = + - @ so that a spreadsheet does not run it as a formula.
[[nodiscard]] std::string CsvCell(std::string_view text,
                                  const CsvDialect& dialect);

// CsvNumber prints `value` with `digits` decimals and the dialect's decimal
// separator.
[[nodiscard]] std::string CsvNumber(double value, int digits,
                                    const CsvDialect& dialect);

// CsvHeader joins comma-written column names with the dialect's delimiter
// (the names hold no delimiter themselves).
[[nodiscard]] std::string CsvHeader(std::string_view comma_separated,
                                    const CsvDialect& dialect);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_CSV_DIALECT_H_
