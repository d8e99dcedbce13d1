#include "engine/common/near_miss.h"

#include <algorithm>
#include <cstdint>

namespace sopu {
namespace {

// DecodeUtf8: the code points of `text`; an invalid byte is its own code
// point (0xDC00 + byte, never a letter) so that nothing is lost.
std::vector<char32_t> DecodeUtf8(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
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
      length = 0;  // a stray continuation or invalid lead byte
    }
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      valid = (b & 0xC0U) == 0x80U;
      cp = (cp << 6U) | (b & 0x3FU);
    }
    if (!valid) {
      out.push_back(0xDC00U + b0);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += length;
  }
  return out;
}

char32_t FoldCodePoint(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') return cp + 0x20;
  // Latin-1 capitals À..Þ except the multiplication sign.
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp >= 0xDC80 && cp <= 0xDCFF) {  // an invalid byte kept as it was
    out.push_back(static_cast<char>(cp - 0xDC00));
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

std::vector<char32_t> Folded(std::string_view text) {
  std::vector<char32_t> cps = DecodeUtf8(text);
  std::transform(cps.begin(), cps.end(), cps.begin(), FoldCodePoint);
  return cps;
}

std::size_t Distance(const std::vector<char32_t>& a,
                     const std::vector<char32_t>& b) {
  // Three rows of the optimal-string-alignment table: i-2, i-1 and i.
  const std::size_t m = b.size();
  std::vector<std::size_t> two_back(m + 1);
  std::vector<std::size_t> previous(m + 1);
  std::vector<std::size_t> current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], two_back[j - 2] + 1);
      }
    }
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

// One edit makes a typo of a name of 3 or more letters, two edits of a name
// of 5 or more; shorter names ("fi", "en") are distinct words.
constexpr std::size_t kMinOneEditLength = 3;
constexpr std::size_t kMinTwoEditLength = 5;

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t cp : Folded(text)) AppendUtf8(cp, out);
  return out;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  return Distance(Folded(a), Folded(b));
}

bool IsNearMiss(std::string_view a, std::string_view b) {
  if (a == b) return false;
  const std::vector<char32_t> fa = Folded(a);
  const std::vector<char32_t> fb = Folded(b);
  const std::size_t d = Distance(fa, fb);
  if (d == 0) return true;
  const std::size_t shorter = std::min(fa.size(), fb.size());
  return (d == 1 && shorter >= kMinOneEditLength) ||
         (d == 2 && shorter >= kMinTwoEditLength);
}

std::optional<std::string> ClosestName(
    std::string_view name, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    if (!IsNearMiss(name, candidate)) continue;
    const std::size_t d = EditDistance(name, candidate);
    if (!best.has_value() || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace sopu
