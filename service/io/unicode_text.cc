#include "service/io/unicode_text.h"

#include <cstddef>
#include <cstdint>

namespace sopu::io::internal {
namespace {

// Decoded is one UTF-8 character: its code point and byte length (length 0:
// an invalid byte).
struct Decoded {
  char32_t code = 0;
  std::size_t length = 0;
};

// DecodeAt decodes the character starting at text[i]; shortest forms only.
Decoded DecodeAt(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1FU;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0FU;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07U;
  } else {
    return {};
  }
  if (i + length > text.size()) return {};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0U) != 0x80U) return {};
    code = (code << 6U) | (byte(i + k) & 0x3FU);
  }
  const char32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
    return {};
  return {code, length};
}

// DecodeBefore decodes the character that ends at text[end - 1].
Decoded DecodeBefore(std::string_view text, std::size_t end) {
  std::size_t start = end - 1;
  // Back over at most three continuation bytes to the lead byte.
  while (start > 0 && end - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    --start;
  }
  const Decoded decoded = DecodeAt(text, start);
  if (decoded.length != end - start) return {};
  return decoded;
}

bool IsInvisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
         IsInvisible(c);
}

// LowerOf returns the lower-case letter of a Latin capital, else `c`.
char32_t LowerOf(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x178) return 0xFF;  // Ÿ
  // Latin Extended-A pairs capital and small letters, the capital first,
  // except in U+0139..U+0148 and U+0179..U+017E (odd capitals); U+0130,
  // U+0131 (dotted and dotless i) and U+0138, U+0149, U+017F stand alone.
  const bool even_capital = (c >= 0x100 && c <= 0x12F) ||
                            (c >= 0x132 && c <= 0x137) ||
                            (c >= 0x14A && c <= 0x177);
  const bool odd_capital =
      (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  if (even_capital && c % 2 == 0) return c + 1;
  if (odd_capital && c % 2 == 1) return c + 1;
  return c;
}

void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0U | (c >> 6U));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0U | (c >> 12U));
    out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (c >> 18U));
    out += static_cast<char>(0x80U | ((c >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  }
}

}  // namespace

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty()) {
    const Decoded first = DecodeAt(text, 0);
    if (first.length == 0 || !IsSpace(first.code)) break;
    text.remove_prefix(first.length);
  }
  while (!text.empty()) {
    const Decoded last = DecodeBefore(text, text.size());
    if (last.length == 0 || !IsSpace(last.code)) break;
    text.remove_suffix(last.length);
  }
  return text;
}

std::string CleanId(std::string_view text) {
  text = TrimSpace(text);
  std::string id;
  id.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded c = DecodeAt(text, i);
    const std::size_t length = c.length == 0 ? 1 : c.length;
    if (c.length == 0 || !IsInvisible(c.code)) id.append(text, i, length);
    i += length;
  }
  return id;
}

std::string LowerLatin(std::string_view text) {
  std::string lower;
  lower.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded c = DecodeAt(text, i);
    if (c.length == 0) {
      lower += text[i];
      ++i;
      continue;
    }
    AppendUtf8(LowerOf(c.code), lower);
    i += c.length;
  }
  return lower;
}

}  // namespace sopu::io::internal
