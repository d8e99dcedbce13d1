#include "engine/common/near_miss.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

TEST(FoldCase, LowersAsciiAndTheLatinLettersOfFinnishAndSwedish) {
  EXPECT_EQ(FoldCase("GOAL.Self_Leadership"), "goal.self_leadership");
  EXPECT_EQ(FoldCase("ITSENSÄ_JOHTAMINEN ÅÖ"), "itsensä_johtaminen åö");
  EXPECT_EQ(FoldCase("×"), "×");  // not a letter
}

TEST(FoldCase, KeepsInvalidBytesAsTheyWere) {
  const std::string latin1 = "K\xC4YR\xC4";  // Windows-1252 "KÄYRÄ"
  EXPECT_EQ(FoldCase(latin1), "k\xC4yr\xC4");
}

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(EditDistance("self_leadership", "self_leadership"), 0U);
  EXPECT_EQ(EditDistance("self_leadership", "self_leadrship"), 1U);  // delete
  EXPECT_EQ(EditDistance("sector", "sektori"), 2U);                  // c->k, +i
  EXPECT_EQ(EditDistance("region", "reigon"), 1U);                   // swap
  EXPECT_EQ(EditDistance("", "abc"), 3U);
  EXPECT_EQ(EditDistance("Kunta", "kunta"), 0U);
}

TEST(EditDistance, CountsALetterBeyondAsciiAsOneEdit) {
  EXPECT_EQ(EditDistance("kayttaja", "käyttäjä"), 3U);
  EXPECT_EQ(EditDistance("ÄÄ", "ää"), 0U);
}

TEST(IsNearMiss, AcceptsCaseAndSmallEditsOfLongNamesOnly) {
  EXPECT_TRUE(IsNearMiss("COMPETENCE", "competence"));
  EXPECT_TRUE(IsNearMiss("festival", "festivals"));
  EXPECT_FALSE(IsNearMiss("festivals", "festivals"));  // the same name
  EXPECT_FALSE(IsNearMiss("fi", "en"));                // short: distinct words
  EXPECT_TRUE(IsNearMiss("twon", "town"));             // one swap
  EXPECT_FALSE(IsNearMiss("tow", "town2"));            // two edits, short
  EXPECT_TRUE(IsNearMiss("FI", "fi"));                 // but case still folds
  EXPECT_FALSE(IsNearMiss("leading_others", "developing_operations"));
}

TEST(ClosestName, PicksTheNearestAndTheFirstOnTies) {
  const std::vector<std::string> names = {"municipality", "region", "sector",
                                          "sectors"};
  EXPECT_EQ(ClosestName("sektor", names), "sector");
  EXPECT_EQ(ClosestName("Region", names), "region");
  EXPECT_EQ(ClosestName("town", names), std::nullopt);
  EXPECT_EQ(ClosestName("sectorz", {"sectors", "sector"}), "sectors");
}

}  // namespace
}  // namespace sopu
