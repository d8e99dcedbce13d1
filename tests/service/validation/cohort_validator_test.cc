#include "service/validation/cohort_validator.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::sopu::testing::Pairs;
using ::sopu::testing::ToPairs;
using ::sopu::testing::ValidCohort;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

Pairs Check(const sopu::v1::Cohort& cohort, std::size_t cap = 100) {
  ViolationList list(cap);
  ValidateCohort(cohort, "cohort", list);
  return ToPairs(list.violations());
}

TEST(CohortValidator, ValidCohortHasNoProblem) {
  EXPECT_THAT(Check(ValidCohort()), IsEmpty());
}

TEST(CohortValidator, EmptyCohort) {
  sopu::v1::Cohort cohort;
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants",
                               "the cohort is empty: add at least one "
                               "participant")));
}

TEST(CohortValidator, DuplicateIdNamesTheFirstOccurrence) {
  auto cohort = ValidCohort();
  cohort.mutable_participants(3)->set_id("m1");
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[3].id",
                               "duplicates the id of participants[0]")));
}

TEST(CohortValidator, MissingAndPaddedIds) {
  auto cohort = ValidCohort();
  cohort.mutable_participants(0)->set_id("");
  cohort.mutable_participants(1)->set_id(" m2");
  cohort.mutable_participants(2)->set_id("a1\u00a0");  // no-break space
  cohort.mutable_participants(3)->set_id(
      "\u200b"
      "a2");  // zero-width space
  const std::string padded =
      "must not start or end with white space (a no-break space copied with "
      "the id counts too)";
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[0].id", "is required"),
                          Pair("cohort.participants[1].id", padded),
                          Pair("cohort.participants[2].id", padded),
                          Pair("cohort.participants[3].id", padded)));
}

TEST(CohortValidator, Issue12LimitsCountCharactersNotBytes) {
  auto cohort = ValidCohort();
  std::string id;
  for (int k = 0; k < 100; ++k) id += "\u00e4";  // 100 'ä': 200 bytes
  cohort.mutable_participants(0)->set_id(id);
  cohort.mutable_participants(0)->set_capacity(2);
  std::string too_long;
  for (int k = 0; k < 129; ++k) too_long += "\u00e4";
  cohort.mutable_participants(1)->set_id(too_long);
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[1].id",
                               "must be at most 128 characters")));
}

TEST(CohortValidator, Issue12ThemeIdsMayBeFinnishWords) {
  auto cohort = ValidCohort();
  cohort.mutable_taxonomy()->add_themes()->set_id("itsens\u00e4_johtaminen");
  (*cohort.mutable_participants(2)
        ->mutable_goals())["itsens\u00e4_johtaminen"] = 3;
  EXPECT_THAT(Check(cohort), ::testing::IsEmpty());
}

TEST(CohortValidator, UnknownThemeListsTheProgramThemes) {
  auto cohort = ValidCohort();
  (*cohort.mutable_participants(2)->mutable_goals())["leadership"] = 3;
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[2].goals.leadership",
                               "unknown theme; the program's themes are: "
                               "craft, lead")));
}

TEST(CohortValidator, LevelOutOfRange) {
  auto cohort = ValidCohort();
  (*cohort.mutable_participants(2)->mutable_goals())["lead"] = 7;
  (*cohort.mutable_participants(0)->mutable_competences())["craft"] = -1;
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[0].competences.craft",
                               "level must be in 0..5"),
                          Pair("cohort.participants[2].goals.lead",
                               "importance must be in 0..5")));
}

TEST(CohortValidator, NanAndInfinity) {
  auto cohort = ValidCohort();
  (*cohort.mutable_participants(0)->mutable_competences())["lead"] =
      std::numeric_limits<double>::quiet_NaN();
  (*cohort.mutable_participants(1)->mutable_numbers())["years"] =
      std::numeric_limits<double>::infinity();
  auto* location = cohort.mutable_participants(2)->mutable_location();
  location->set_has_coordinates(true);
  location->set_lat(std::numeric_limits<double>::quiet_NaN());
  location->set_lon(200);
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[0].competences.lead",
                               "must be a finite number"),
                          Pair("cohort.participants[1].numbers.years",
                               "must be a finite number"),
                          Pair("cohort.participants[2].location.lat",
                               "latitude must be in -90..90"),
                          Pair("cohort.participants[2].location.lon",
                               "longitude must be in -180..180")));
}

TEST(CohortValidator, NegativeCapacity) {
  auto cohort = ValidCohort();
  cohort.mutable_participants(0)->set_capacity(-1);
  cohort.mutable_participants(1)->set_capacity(1001);
  EXPECT_THAT(
      Check(cohort),
      ElementsAre(
          Pair("cohort.participants[0].capacity", "must not be negative"),
          Pair("cohort.participants[1].capacity", "must be at most 1000")));
}

TEST(CohortValidator, MenteeWithoutGoals) {
  auto cohort = ValidCohort();
  (*cohort.mutable_participants(3)->mutable_goals())["craft"] = 0;
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[3].goals",
                               "a mentee needs at least one goal above 0")));
}

TEST(CohortValidator, AvoidAndWishLists) {
  auto cohort = ValidCohort();
  auto* a1 = cohort.mutable_participants(2);
  a1->add_avoid("m2");      // fine
  a1->add_avoid("nobody");  // unknown
  a1->add_avoid("a1");      // itself
  a1->add_wishes("m1");
  a1->add_wishes("m1");  // twice
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[2].avoid[1]",
                               "names no participant of the cohort"),
                          Pair("cohort.participants[2].avoid[2]",
                               "names the participant itself"),
                          Pair("cohort.participants[2].wishes[1]",
                               "names the same participant twice")));
}

TEST(CohortValidator, RolesRequiredAndKnown) {
  auto cohort = ValidCohort();
  cohort.mutable_participants(0)->clear_roles();
  cohort.mutable_participants(1)->add_roles(sopu::v1::ROLE_UNSPECIFIED);
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.participants[0].roles",
                               "at least one role is required (mentor, mentee, "
                               "facilitator or peer)"),
                          Pair("cohort.participants[1].roles[1]",
                               "must be mentor, mentee, facilitator or peer")));
}

TEST(CohortValidator, ThemeIds) {
  auto cohort = ValidCohort();
  cohort.mutable_taxonomy()->add_themes()->set_id("lead");
  cohort.mutable_taxonomy()->add_themes()->set_id("bad theme");
  cohort.mutable_taxonomy()->add_themes()->set_id("itsens\xC3\xA4_Johtaminen");
  cohort.mutable_taxonomy()->add_themes()->set_id(
      "a\xC3\x97"
      "b");                                                  // ×
  cohort.mutable_taxonomy()->add_themes()->set_id("a\xE4");  // Latin-1
  const std::string letters = "may hold only letters, digits, '_' and '-'";
  EXPECT_THAT(Check(cohort),
              ElementsAre(Pair("cohort.taxonomy.themes[2].id",
                               "duplicates an earlier theme id"),
                          Pair("cohort.taxonomy.themes[3].id", letters),
                          Pair("cohort.taxonomy.themes[5].id", letters),
                          Pair("cohort.taxonomy.themes[6].id", letters)));
}

TEST(CohortValidator, CollectsEveryProblemUpToTheCap) {
  auto cohort = ValidCohort();
  for (int i = 0; i < cohort.participants_size(); ++i) {
    cohort.mutable_participants(i)->set_capacity(-5);
  }
  EXPECT_EQ(Check(cohort).size(), 4U);
  ViolationList capped(3);
  ValidateCohort(cohort, "cohort", capped);
  EXPECT_EQ(capped.violations().size(), 3U);
  EXPECT_TRUE(capped.truncated());
}

TEST(CohortValidator, DescriptionsNeverRepeatValues) {
  auto cohort = ValidCohort();
  (*cohort.mutable_participants(2)->mutable_goals())["lead"] = 7.25;
  cohort.mutable_participants(2)->add_avoid("Canary Name");
  const Pairs problems = Check(cohort);
  ASSERT_EQ(problems.size(), 2U);
  for (const auto& [field, description] : problems) {
    EXPECT_EQ(description.find("7.25"), std::string::npos);
    EXPECT_EQ(description.find("Canary"), std::string::npos);
    EXPECT_EQ(field.find("Canary"), std::string::npos);
  }
}

}  // namespace
}  // namespace sopu::service

namespace sopu::service {
namespace {

// Protobuf maps iterate in an unspecified order; the problems of several
// attributes and tag sets must still come in the same (sorted) order.
TEST(CohortValidator, ListsAttributeAndTagProblemsInKeyOrder) {
  auto cohort = ValidCohort();
  auto* p = cohort.mutable_participants(0);
  const std::string long_value(300, 'x');
  std::vector<std::string> want;
  for (char key = 'p'; key >= 'a'; --key) {
    (*p->mutable_attributes())[std::string(1, key)] = long_value;
  }
  for (char key = 'a'; key <= 'p'; ++key) {
    want.push_back(std::string("cohort.participants[0].attributes.") + key);
  }
  for (char key = 'p'; key >= 'a'; --key) {
    (*p->mutable_tags())[std::string("t") + key].add_values("");
  }
  for (char key = 'a'; key <= 'p'; ++key) {
    want.push_back(std::string("cohort.participants[0].tags.t") + key +
                   ".values[0]");
  }
  std::vector<std::string> got;
  for (const auto& [field, description] : Check(cohort)) got.push_back(field);
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace sopu::service
