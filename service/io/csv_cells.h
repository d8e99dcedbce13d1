// Cell readers for the staff CSV import (service/io/csv_cohort_reader.h):
// numbers with a decimal comma or point, whole numbers, roles (with Finnish
// and Swedish words) and '|'-separated lists. Conventions: docs/csv-format.md.
//
// Error statuses are InvalidArgument with a message fit for staff that never
// repeats the cell (cells are personal data), e.g. "not a number".
#ifndef SOPU_SERVICE_IO_CSV_CELLS_H_
#define SOPU_SERVICE_IO_CSV_CELLS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::io::internal {

// DetectDelimiter picks ',', ';' or tab, whichever occurs most often outside
// quotes in the first row; ties go to ',' then ';'.
[[nodiscard]] unsigned char DetectDelimiter(std::string_view bytes);

// TrimAscii returns `text` without leading and trailing ASCII whitespace.
[[nodiscard]] std::string_view TrimAscii(std::string_view text);

// AsciiLower returns `text` with A-Z lowered; other bytes are kept.
[[nodiscard]] std::string AsciiLower(std::string_view text);

// IsBlankCell is true when `cell` holds nothing but white space (no-break
// spaces too; unicode_text.h TrimSpace): such a cell means "not given".
[[nodiscard]] bool IsBlankCell(std::string_view cell);

// IsValidUtf8 is true when `bytes` is well-formed UTF-8 (no overlong forms,
// no surrogates, nothing above U+10FFFF).
[[nodiscard]] bool IsValidUtf8(std::string_view bytes);

// ParseCsvNumber reads a decimal number, surrounding white space ignored: an
// optional sign, digits with one decimal comma or point ("3,5", "3.5", "-2",
// ".5"), optionally an exponent ("1e3"). No thousands separators. "nan" and
// "inf"/"infinity" (any case, optionally signed) give NaN and infinities for
// the validator to judge. Errors: "not a number", "number out of range".
[[nodiscard]] absl::StatusOr<double> ParseCsvNumber(std::string_view cell);

// ParseCsvWholeNumber reads a number as ParseCsvNumber does and requires it
// to be a whole int32 ("2", "2,0", "-1"; any sign). Errors: those of
// ParseCsvNumber, "must be a whole number", "number out of range".
[[nodiscard]] absl::StatusOr<std::int32_t> ParseCsvWholeNumber(
    std::string_view cell);

// ParseCsvRoles reads '|'-separated role words, case-insensitive: mentor,
// mentee, facilitator, peer and their Finnish and Swedish words
// (header_aliases.h). Repeats are dropped, order is kept.
// Error: "unknown role; use mentor, mentee, facilitator or peer".
[[nodiscard]] absl::StatusOr<std::vector<sopu::v1::Role>> ParseCsvRoles(
    std::string_view cell);

// SplitCsvList splits at '|', trims each item of white space (no-break
// spaces too) and drops empty items: " fi | sv ||" gives {"fi", "sv"}.
[[nodiscard]] std::vector<std::string> SplitCsvList(std::string_view cell);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_CSV_CELLS_H_
