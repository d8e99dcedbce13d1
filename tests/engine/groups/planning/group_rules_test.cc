#include "engine/groups/planning/group_rules.h"

#include "gtest/gtest.h"
#include "tests/engine/groups/planning/planning_fixtures.h"

namespace sopu {
namespace {

using ::sopu::testing::Peer;

TEST(AttributeValue, ReadsAttributesAndTheLocationsReservedNames) {
  Participant p = Peer("p1", {{"town", "Vaasa"}, {"sector", ""}});
  p.municipality = "Mustasaari";
  p.region = "Pohjanmaa";
  EXPECT_EQ(AttributeValue(p, "town"), "Vaasa");
  EXPECT_EQ(AttributeValue(p, "municipality"), "Mustasaari");
  EXPECT_EQ(AttributeValue(p, "region"), "Pohjanmaa");
  EXPECT_EQ(AttributeValue(p, "sector"), "");  // empty = none
  EXPECT_EQ(AttributeValue(p, "organisation"), "");
}

}  // namespace
}  // namespace sopu
