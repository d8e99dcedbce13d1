// Unicode-aware text clean-up for staff sheets, without ICU: trimming every
// kind of white space a spreadsheet or a copy from a web page leaves around a
// cell (no-break spaces, ideographic space, zero-width space, a stray BOM),
// and lower-casing the Latin letters Finnish, Swedish and other European
// staff write (a-z, Latin-1 à-þ, Latin Extended-A š ž ł ...).
//
// All functions take UTF-8 and tolerate invalid bytes: an invalid byte is
// neither space nor letter and is kept as it is. O(text length).
#ifndef SOPU_SERVICE_IO_UNICODE_TEXT_H_
#define SOPU_SERVICE_IO_UNICODE_TEXT_H_

#include <string>
#include <string_view>

namespace sopu::io::internal {

// TrimSpace returns `text` without leading and trailing white space: ASCII
// white space, U+0085, U+00A0 (no-break space), U+1680, U+2000..U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000 and the invisible U+200B..U+200D,
// U+2060 and U+FEFF (BOM).
[[nodiscard]] std::string_view TrimSpace(std::string_view text);

// CleanId is TrimSpace that also drops the invisible characters (U+200B..
// U+200D, U+2060, U+FEFF) inside the text: an id pasted with a zero-width
// space equals the id typed by hand.
[[nodiscard]] std::string CleanId(std::string_view text);

// LowerLatin lowers A-Z, the Latin-1 capitals U+00C0..U+00DE (but U+00D7)
// and the capitals of Latin Extended-A (U+0100..U+017F); every other
// character is kept.
[[nodiscard]] std::string LowerLatin(std::string_view text);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_UNICODE_TEXT_H_
