#include "service/io/sheet_values.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace sopu::io::internal {

std::string FormatSheetNumber(double value) {
  if (std::isfinite(value) && std::trunc(value) == value &&
      std::fabs(value) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  std::array<char, 64> buffer{};
  const auto [end, error] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (error != std::errc()) return "";
  return {buffer.data(), end};
}

std::optional<std::string> SerialToIsoDate(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 3e6) return std::nullopt;
  const double whole = std::floor(serial);
  const auto days = static_cast<std::int64_t>(whole);
  absl::CivilDay base(1899, 12, 30);
  if (date1904) {
    base = absl::CivilDay(1904, 1, 1);
  } else if (days < 60) {
    // Excel counts a 29 February 1900 that never was: before it, day 1 is
    // 1 January 1900.
    base = absl::CivilDay(1899, 12, 31);
  }
  const absl::CivilDay day = base + days;
  if (day.year() < 1900 || day.year() > 9999) return std::nullopt;
  std::string text =
      absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
  const auto seconds =
      static_cast<std::int64_t>(std::llround((serial - whole) * 86400));
  if (seconds > 0 && seconds < 86400) {
    text += absl::StrFormat("T%02d:%02d:%02d", seconds / 3600,
                            seconds / 60 % 60, seconds % 60);
  }
  return text;
}

std::optional<std::int64_t> IsoDateToSerial(std::string_view date) {
  int year = 0;
  int month = 0;
  int day = 0;
  const auto number = [&](std::size_t at, std::size_t length, int& out) {
    if (date.size() < at + length) return false;
    const char* first = date.data() + at;
    const auto [end, error] = std::from_chars(first, first + length, out);
    return error == std::errc() && end == first + length;
  };
  if (!number(0, 4, year) || date.size() < 10 || date[4] != '-' ||
      date[7] != '-' || !number(5, 2, month) || !number(8, 2, day)) {
    return std::nullopt;
  }
  const absl::CivilDay civil(year, month, day);
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(civil - absl::CivilDay(1899, 12, 30));
}

std::optional<std::pair<int, int>> ParseCellReference(
    std::string_view reference) {
  int column = 0;
  std::size_t i = 0;
  for (; i < reference.size() && i < 4; ++i) {
    char c = reference[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
  }
  if (i == 0 || column > kMaxSheetColumns) return std::nullopt;
  // Absolute references ("$C$4") do not appear in cells; digits follow.
  int row = 0;
  const char* first = reference.data() + i;
  const char* last = reference.data() + reference.size();
  const auto [end, error] = std::from_chars(first, last, row);
  if (error != std::errc() || end != last || row < 1 || row > kMaxSheetRows) {
    return std::nullopt;
  }
  return std::make_pair(row, column);
}

}  // namespace sopu::io::internal
