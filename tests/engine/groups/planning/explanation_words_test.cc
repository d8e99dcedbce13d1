#include "engine/groups/planning/explanation_words.h"

#include "gtest/gtest.h"

namespace sopu {
namespace {

TEST(ExplanationWords, CountAndPlaceMembers) {
  EXPECT_EQ(MembersPhrase(1), "1 member");
  EXPECT_EQ(MembersPhrase(0), "0 members");
  EXPECT_EQ(MembersPhrase(7), "7 members");
  EXPECT_EQ(WherePhrase("town", "Seinäjoki"), " with town Seinäjoki");
  EXPECT_EQ(WherePhrase("", "Seinäjoki"), "");
}

}  // namespace
}  // namespace sopu
