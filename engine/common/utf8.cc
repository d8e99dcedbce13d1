#include "engine/common/utf8.h"

namespace sopu {
namespace {

struct Decoded {
  char32_t cp = 0;
  std::size_t length = 1;  // bytes used
};

// DecodeAt: the code point starting at text[i] (an invalid byte alone).
Decoded DecodeAt(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t length = 1;
  char32_t cp = b0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    cp = b0 & 0x1FU;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    cp = b0 & 0x0FU;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    cp = b0 & 0x07U;
  } else if (b0 >= 0x80) {
    return {kInvalidByteBase + b0, 1};  // a stray continuation or bad lead
  }
  if (i + length > text.size()) return {kInvalidByteBase + b0, 1};
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0U) != 0x80U) return {kInvalidByteBase + b0, 1};
    cp = (cp << 6U) | (b & 0x3FU);
  }
  return {cp, length};
}

}  // namespace

std::vector<char32_t> DecodeUtf8(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = DecodeAt(text, i);
    out.push_back(d.cp);
    i += d.length;
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp >= kInvalidByteBase + 0x80 && cp <= kInvalidByteBase + 0xFF) {
    out.push_back(static_cast<char>(cp - kInvalidByteBase));
  } else if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  }
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    i += DecodeAt(text, i).length;
  }
  return count;
}

bool IsUnicodeSpace(char32_t cp) {
  switch (cp) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\f':
    case U'\v':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200B;
  }
}

bool IsLetter(char32_t cp) {
  if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) return true;
  if (cp == 0xD7 || cp == 0xF7) return false;  // × and ÷
  return (cp >= 0xC0 && cp <= 0x24F) ||        // Latin-1, Latin Extended
         (cp >= 0x370 && cp <= 0x3FF && cp != 0x37E && cp != 0x387) ||
         (cp >= 0x400 && cp <= 0x52F);  // Cyrillic
}

std::string_view TrimUnicodeSpace(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const Decoded d = DecodeAt(text, begin);
    if (!IsUnicodeSpace(d.cp)) break;
    begin += d.length;
  }
  std::size_t end = begin;  // end of the last non-space code point
  for (std::size_t i = begin; i < text.size();) {
    const Decoded d = DecodeAt(text, i);
    i += d.length;
    if (!IsUnicodeSpace(d.cp)) end = i;
  }
  return text.substr(begin, end - begin);
}

}  // namespace sopu
