// Small text helpers for terminal and CSV output that are aware of UTF-8
// (names with ä, ö, å take one column each).
#ifndef SOPU_SERVICE_RENDER_TEXT_TABLE_H_
#define SOPU_SERVICE_RENDER_TEXT_TABLE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sopu::service {

// DisplayWidth counts code points (not bytes) of UTF-8 text.
[[nodiscard]] std::size_t DisplayWidth(std::string_view text);

// PadRight cuts `text` to `width` code points (ending in "…" when cut) and
// pads it with spaces to exactly `width`.
[[nodiscard]] std::string PadRight(std::string_view text, std::size_t width);

// CsvField quotes a field when it holds a comma, quote, CR or LF, and
// prefixes "'" to a field starting with = + - @ so that a spreadsheet does not
// run it as a formula.
[[nodiscard]] std::string CsvField(std::string_view text);

// FormatFixed prints a number with `digits` decimals.
[[nodiscard]] std::string FormatFixed(double value, int digits);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_TEXT_TABLE_H_
