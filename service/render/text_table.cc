#include "service/render/text_table.h"

#include <array>
#include <cstdio>

namespace sopu::service {
namespace {

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

}  // namespace

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  for (char c : text) width += IsContinuationByte(c) ? 0 : 1;
  return width;
}

std::string PadRight(std::string_view text, std::size_t width) {
  if (DisplayWidth(text) > width) {
    std::string cut;
    std::size_t points = 0;
    for (char c : text) {
      if (!IsContinuationByte(c)) {
        if (points + 1 == width) break;
        ++points;
      }
      cut.push_back(c);
    }
    cut += "…";
    return cut;
  }
  std::string out(text);
  out.append(width - DisplayWidth(text), ' ');
  return out;
}

std::string CsvField(std::string_view text) {
  // A cell starting with = + - @ would run as a formula in a spreadsheet:
  // prefix it with an apostrophe, which spreadsheets show as text.
  std::string guarded;
  if (!text.empty() &&
      std::string_view("=+-@").find(text.front()) != std::string_view::npos) {
    guarded.reserve(text.size() + 1);
    guarded.push_back('\'');
    guarded.append(text);
    text = guarded;
  }
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string FormatFixed(double value, int digits) {
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f", digits, value);
  return buffer.data();
}

}  // namespace sopu::service
