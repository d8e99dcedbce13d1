// Small UTF-8 helpers for names staff type: decoding to code points, length
// in characters (limits are documented in characters, not bytes), white space
// beyond ASCII (a no-break space pasted after an id), and letters beyond a–z
// (theme ids and attribute names may be Finnish or Swedish words). No ICU:
// the letter and space sets cover Latin, Greek and Cyrillic scripts and the
// Unicode space separators, which is what the programs' files hold.
#ifndef SOPU_ENGINE_COMMON_UTF8_H_
#define SOPU_ENGINE_COMMON_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sopu {

// kInvalidByteBase: DecodeUtf8 maps an invalid byte b to kInvalidByteBase + b
// (a lone surrogate, never a letter or a space), so nothing is lost.
inline constexpr char32_t kInvalidByteBase = 0xDC00;

// DecodeUtf8: the code points of `text`. O(|text|).
[[nodiscard]] std::vector<char32_t> DecodeUtf8(std::string_view text);

// AppendUtf8: encodes `cp` (an invalid byte from DecodeUtf8 as that byte).
void AppendUtf8(char32_t cp, std::string& out);

// CodePointCount: the number of characters of `text`. O(|text|).
[[nodiscard]] std::size_t CodePointCount(std::string_view text);

// IsUnicodeSpace: ASCII white space, the no-break spaces (U+00A0, U+2007,
// U+202F), the other Unicode space separators, line and paragraph
// separators, and the invisible U+200B and U+FEFF that copy-paste leaves.
[[nodiscard]] bool IsUnicodeSpace(char32_t cp);

// IsLetter: a–z, A–Z, and the letters of the Latin-1, Latin Extended,
// Greek and Cyrillic blocks (ä, ö, å, é, ß, …; not × or ÷).
[[nodiscard]] bool IsLetter(char32_t cp);

// TrimUnicodeSpace: `text` without leading and trailing IsUnicodeSpace code
// points. O(|text|).
[[nodiscard]] std::string_view TrimUnicodeSpace(std::string_view text);

}  // namespace sopu

#endif  // SOPU_ENGINE_COMMON_UTF8_H_
