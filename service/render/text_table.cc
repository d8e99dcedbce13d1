#include "service/render/text_table.h"

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
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (!IsContinuationByte(text[i])) {
        if (points + 1 == width) break;
        ++points;
      }
      cut.push_back(text[i]);
    }
    cut += "…";
    return cut;
  }
  std::string out(text);
  out.append(width - DisplayWidth(text), ' ');
  return out;
}

std::string CsvField(std::string_view text) {
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
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

}  // namespace sopu::service
