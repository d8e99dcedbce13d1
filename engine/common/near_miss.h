// Near misses between names staff type and names that exist: an attribute,
// theme or option value misspelt by a letter or two, or written in another
// case. Used to say "did you mean …" and to catch a misspelt column that
// would otherwise become a new theme.
//
// Names are compared by Unicode code point (UTF-8 decoded; invalid bytes
// count as one code point each) after folding case for ASCII and the Latin-1
// letters Finnish and Swedish use (ä ö å é …), so `GOAL.Self_Leadership`
// and `goal.self_leadership` are 0 apart and `ä` vs `a` is one edit.
#ifndef SOPU_ENGINE_COMMON_NEAR_MISS_H_
#define SOPU_ENGINE_COMMON_NEAR_MISS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopu {

// FoldCase: `text` with ASCII and Latin-1 upper-case letters lowered (other
// code points unchanged; invalid UTF-8 bytes kept). O(|text|).
[[nodiscard]] std::string FoldCase(std::string_view text);

// EditDistance: the optimal-string-alignment distance (insertions, deletions,
// substitutions and swaps of two neighbours, each 1) between the case-folded
// code points of `a` and `b`. O(|a| * |b|) time, O(|b|) extra memory.
[[nodiscard]] std::size_t EditDistance(std::string_view a, std::string_view b);

// IsNearMiss: `a` and `b` differ but are 0 apart after folding case, 1 edit
// apart while both are at least 3 code points long, or 2 edits apart while
// both are at least 5 long (shorter names, such as "fi" and "en", are
// distinct words, not typos).
[[nodiscard]] bool IsNearMiss(std::string_view a, std::string_view b);

// ClosestName: the candidate nearest to `name` that IsNearMiss accepts (the
// first such in `candidates` order on ties); nullopt when none is near.
// O(|candidates| * |name| * max candidate length).
[[nodiscard]] std::optional<std::string> ClosestName(
    std::string_view name, const std::vector<std::string>& candidates);

}  // namespace sopu

#endif  // SOPU_ENGINE_COMMON_NEAR_MISS_H_
