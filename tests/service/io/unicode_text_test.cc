#include "service/io/unicode_text.h"

#include "gtest/gtest.h"

namespace sopu::io::internal {
namespace {

TEST(UnicodeTextTest, TrimSpaceDropsEveryKindOfSpaceAround) {
  EXPECT_EQ(TrimSpace(" \t m1 \r\n"), "m1");
  EXPECT_EQ(TrimSpace("m1\xC2\xA0"), "m1");                  // U+00A0
  EXPECT_EQ(TrimSpace("\xE2\x80\x87m1\xE2\x80\xAF"), "m1");  // U+2007, U+202F
  EXPECT_EQ(TrimSpace("\xE3\x80\x80m1"), "m1");              // U+3000
  EXPECT_EQ(TrimSpace("\xEF\xBB\xBFm1\xE2\x80\x8B"), "m1");  // BOM, U+200B
  EXPECT_EQ(TrimSpace("m 1"), "m 1");
  EXPECT_EQ(TrimSpace("\xC2\xA0\xC2\xA0"), "");
}

TEST(UnicodeTextTest, TrimSpaceKeepsInvalidBytes) {
  EXPECT_EQ(TrimSpace(" M\xE4ki\xA0"), "M\xE4ki\xA0");
}

TEST(UnicodeTextTest, CleanIdDropsInvisibleCharactersInside) {
  EXPECT_EQ(CleanId("\tm\xE2\x80\x8B"
                    "1\xC2\xA0"),
            "m1");
  EXPECT_EQ(CleanId("a\xEF\xBB\xBF"
                    "2"),
            "a2");
  EXPECT_EQ(CleanId("a b"), "a b");
}

TEST(UnicodeTextTest, LowerLatinLowersFinnishSwedishAndOtherLatinLetters) {
  EXPECT_EQ(LowerLatin("GOAL.COMPETENCE"), "goal.competence");
  EXPECT_EQ(LowerLatin("ITSENSÄ_JOHTAMINEN"), "itsensä_johtaminen");
  EXPECT_EQ(LowerLatin("ÅÄÖ ÉÜ Ø"), "åäö éü ø");
  EXPECT_EQ(LowerLatin("ŠŽ Ł"), "šž ł");
  EXPECT_EQ(LowerLatin("×"), "×");  // not a letter
  EXPECT_EQ(LowerLatin("A\xC4"), "a\xC4");
}

}  // namespace
}  // namespace sopu::io::internal
