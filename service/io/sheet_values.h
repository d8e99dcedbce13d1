// Cell values of .xlsx and .ods sheets as staff see them, shared by both
// readers: numbers in their shortest form, date serials as ISO dates, cell
// references ("C4") as row and column, and the limits of a sheet.
#ifndef SOPU_SERVICE_IO_SHEET_VALUES_H_
#define SOPU_SERVICE_IO_SHEET_VALUES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sopu::io::internal {

// A sheet's limits (Excel's and LibreOffice's): a reference beyond them is
// damage. kMaxSheetCells bounds the cells a sheet may hold (repeated cells
// and rows counted), so that a repeat count cannot exhaust memory.
inline constexpr int kMaxSheetColumns = 16384;
inline constexpr int kMaxSheetRows = 1048576;
inline constexpr std::size_t kMaxSheetCells = 1'000'000;

// FormatSheetNumber writes `value` as staff see it: a whole number without
// decimals ("3", "-12"), else the shortest form that reads back the same
// ("3.5", "0.1").
[[nodiscard]] std::string FormatSheetNumber(double value);

// SerialToIsoDate turns a spreadsheet day number (days since 1899-12-30 as
// Excel counts them, or since 1904-01-01 when `date1904`) into an ISO date,
// with "THH:MM:SS" when it has a time of day. nullopt outside years
// 1900..9999.
[[nodiscard]] std::optional<std::string> SerialToIsoDate(double serial,
                                                         bool date1904);

// IsoDateToSerial reads "YYYY-MM-DD" (ignoring a time part) as a day number
// since 1899-12-30; nullopt when it is not such a date.
[[nodiscard]] std::optional<std::int64_t> IsoDateToSerial(
    std::string_view date);

// ParseCellReference reads "C4" into {row 4, column 3}; nullopt when it is
// not a reference within the sheet's limits.
[[nodiscard]] std::optional<std::pair<int, int>> ParseCellReference(
    std::string_view reference);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_SHEET_VALUES_H_
