#include "service/io/csv_cells.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "service/io/header_aliases.h"
#include "service/io/unicode_text.h"

namespace sopu::io::internal {

unsigned char DetectDelimiter(std::string_view bytes) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  std::size_t tabs = 0;
  bool quoted = false;
  for (const char c : bytes) {
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '\r' || c == '\n') {
      break;
    } else if (c == ',') {
      ++commas;
    } else if (c == ';') {
      ++semicolons;
    } else if (c == '\t') {
      ++tabs;
    }
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

namespace {

using sopu::v1::Role;

absl::Status NotANumber() { return absl::InvalidArgumentError("not a number"); }

absl::Status OutOfRange() {
  return absl::InvalidArgumentError("number out of range");
}

// Utf8SequenceLength returns the length of the well-formed sequence starting
// at bytes[i], or 0 when there is none.
std::size_t Utf8SequenceLength(std::string_view bytes, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(bytes[k]);
  };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;  // allowed range of the second byte
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > bytes.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && absl::ascii_isspace(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && absl::ascii_isspace(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = absl::ascii_tolower(c);
  return lower;
}

bool IsBlankCell(std::string_view cell) { return TrimSpace(cell).empty(); }

bool IsValidUtf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = Utf8SequenceLength(bytes, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

absl::StatusOr<double> ParseCsvNumber(std::string_view cell) {
  std::string text(TrimSpace(cell));
  // One decimal comma becomes a point; a comma next to a point, or several
  // commas, are thousands separators we do not guess at.
  if (const std::size_t comma = text.find(','); comma != std::string::npos) {
    if (text.find('.') != std::string::npos ||
        text.find(',', comma + 1) != std::string::npos) {
      return NotANumber();
    }
    text[comma] = '.';
  }
  std::string_view number = text;
  // std::from_chars takes '-' but not '+'.
  if (number.starts_with('+')) {
    number.remove_prefix(1);
    if (number.starts_with('+') || number.starts_with('-')) {
      return NotANumber();
    }
  }
  if (number.empty()) return NotANumber();
  double value = 0;
  const char* const end = number.data() + number.size();
  const auto [stop, error] = std::from_chars(number.data(), end, value);
  if (stop != end) return NotANumber();
  if (error == std::errc::result_out_of_range) return OutOfRange();
  if (error != std::errc()) return NotANumber();
  return value;
}

absl::StatusOr<std::int32_t> ParseCsvWholeNumber(std::string_view cell) {
  absl::StatusOr<double> value = ParseCsvNumber(cell);
  if (!value.ok()) return value.status();
  if (!std::isfinite(*value) || std::trunc(*value) != *value) {
    return absl::InvalidArgumentError("must be a whole number");
  }
  if (*value < std::numeric_limits<std::int32_t>::min() ||
      *value > std::numeric_limits<std::int32_t>::max()) {
    return OutOfRange();
  }
  return static_cast<std::int32_t>(*value);
}

absl::StatusOr<std::vector<Role>> ParseCsvRoles(std::string_view cell) {
  std::vector<Role> roles;
  for (const std::string& item : SplitCsvList(cell)) {
    const std::optional<Role> role = RoleOfWord(item);
    if (!role.has_value()) {
      return absl::InvalidArgumentError(
          "unknown role; use mentor, mentee, facilitator or peer");
    }
    if (std::find(roles.begin(), roles.end(), *role) == roles.end()) {
      roles.push_back(*role);
    }
  }
  return roles;
}

std::vector<std::string> SplitCsvList(std::string_view cell) {
  std::vector<std::string> items;
  while (true) {
    const std::size_t bar = cell.find('|');
    const std::string_view item = TrimSpace(cell.substr(0, bar));
    if (!item.empty()) items.emplace_back(item);
    if (bar == std::string_view::npos) break;
    cell.remove_prefix(bar + 1);
  }
  return items;
}

}  // namespace sopu::io::internal
