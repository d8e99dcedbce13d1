#include "service/io/header_aliases.h"

#include "gtest/gtest.h"

namespace sopu::io::internal {
namespace {

TEST(HeaderAliasesTest, FinnishAndSwedishHeadersNameTheSameColumns) {
  EXPECT_EQ(CanonicalColumn("Tunnus"), "id");
  EXPECT_EQ(CanonicalColumn(" NRO\xC2\xA0"), "id");
  EXPECT_EQ(CanonicalColumn("Nimi"), "name");
  EXPECT_EQ(CanonicalColumn("Namn"), "name");
  EXPECT_EQ(CanonicalColumn("Rooli"), "role");
  EXPECT_EQ(CanonicalColumn("Roll"), "role");
  EXPECT_EQ(CanonicalColumn("Kunta"), "municipality");
  EXPECT_EQ(CanonicalColumn("Kommun"), "municipality");
  EXPECT_EQ(CanonicalColumn("Maakunta"), "region");
  EXPECT_EQ(CanonicalColumn("Landskap"), "region");
  EXPECT_EQ(CanonicalColumn("Kapasiteetti"), "capacity");
  EXPECT_EQ(CanonicalColumn("Kapacitet"), "capacity");
  EXPECT_EQ(CanonicalColumn("Kielet"), "languages");
  EXPECT_EQ(CanonicalColumn("SPRÅK"), "languages");
  EXPECT_EQ(CanonicalColumn("Toimiala"), "sector");
  EXPECT_EQ(CanonicalColumn("Bransch"), "sector");
  EXPECT_EQ(CanonicalColumn("Organisaatio"), "organisation");
  EXPECT_EQ(CanonicalColumn("Organisation"), "organisation");
}

TEST(HeaderAliasesTest, UnknownHeadersNameNothing) {
  EXPECT_EQ(CanonicalColumn("email"), "");
  EXPECT_EQ(CanonicalColumn("Aikaleima"), "");
  EXPECT_EQ(CanonicalColumn("goal.x"), "");
}

TEST(HeaderAliasesTest, RoleWords) {
  EXPECT_EQ(RoleOfWord("Mentori"), sopu::v1::ROLE_MENTOR);
  EXPECT_EQ(RoleOfWord(" aktori\xC2\xA0"), sopu::v1::ROLE_MENTEE);
  EXPECT_EQ(RoleOfWord("ADEPTI"), sopu::v1::ROLE_MENTEE);
  EXPECT_EQ(RoleOfWord("mentee"), sopu::v1::ROLE_MENTEE);
  EXPECT_EQ(RoleOfWord("Handledare"), sopu::v1::ROLE_FACILITATOR);
  EXPECT_EQ(RoleOfWord("fasilitaattori"), sopu::v1::ROLE_FACILITATOR);
  EXPECT_EQ(RoleOfWord("vertainen"), sopu::v1::ROLE_PEER);
  // A networking list's participants take part as peers.
  EXPECT_EQ(RoleOfWord("Osallistuja"), sopu::v1::ROLE_PEER);
  EXPECT_EQ(RoleOfWord("deltagare"), sopu::v1::ROLE_PEER);
  EXPECT_EQ(RoleOfWord("osallistujat"), std::nullopt);
}

}  // namespace
}  // namespace sopu::io::internal
