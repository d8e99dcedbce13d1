#include "engine/common/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace sopu {
namespace {

TEST(Utf8, CountsCharactersNotBytes) {
  EXPECT_EQ(CodePointCount("abc"), 3U);
  EXPECT_EQ(CodePointCount("\u00e4\u00f6\u00e5"), 3U);  // 6 bytes
  EXPECT_EQ(CodePointCount("\xE4x"), 2U);               // Latin-1 byte + x
  EXPECT_EQ(CodePointCount("\xF0\x9F\x98\x80"), 1U);    // an emoji
}

TEST(Utf8, DecodesAndEncodesBackByteForByte) {
  const std::string text = "K\u00e4\u20ac\xF0\x9F\x98\x80 \xE4\xC3";
  std::string back;
  for (const char32_t cp : DecodeUtf8(text)) AppendUtf8(cp, back);
  EXPECT_EQ(back, text);
}

TEST(Utf8, TrimsEveryKindOfSpaceStaffPaste) {
  EXPECT_EQ(TrimUnicodeSpace("m01\u00a0"), "m01");
  EXPECT_EQ(TrimUnicodeSpace("\u200b\ufeffm01\u202f\u3000\t"), "m01");
  EXPECT_EQ(TrimUnicodeSpace("a\u00a0b"), "a\u00a0b");  // inside: kept
  EXPECT_EQ(TrimUnicodeSpace("\u00a0 \u2007"), "");
}

TEST(Utf8, LettersBeyondAsciiAreLetters) {
  for (const char32_t cp :
       DecodeUtf8("aZ\u00e4\u00f6\u00e5\u00c4\u00df\u0161\u03b1\u0436")) {
    EXPECT_TRUE(IsLetter(cp)) << static_cast<int>(cp);
  }
  for (const char32_t cp : DecodeUtf8("1_ \u00d7\u00f7\u00a0.")) {
    EXPECT_FALSE(IsLetter(cp)) << static_cast<int>(cp);
  }
}

}  // namespace
}  // namespace sopu
