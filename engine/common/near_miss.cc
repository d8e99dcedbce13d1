#include "engine/common/near_miss.h"

#include <algorithm>

#include "engine/common/utf8.h"

namespace sopu {
namespace {

char32_t FoldCodePoint(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') return cp + 0x20;
  // Latin-1 capitals À..Þ except the multiplication sign.
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  return cp;
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
