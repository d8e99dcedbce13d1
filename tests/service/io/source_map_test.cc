#include "service/io/source_map.h"

#include <optional>

#include "gtest/gtest.h"

namespace sopu::io {
namespace {

// Header row of the map below: A id, B name, C role, D languages,
// E competence.self.care, F goal.leadership, G avoid, H lat.
SourceMap ExampleMap() {
  SourceMap map;
  map.AddColumn("id", 1, "id");
  map.AddColumn("display_name", 2, "Name");
  map.AddColumn("roles", 3, "role");
  map.AddColumn("tags.languages", 4, "languages");
  map.AddColumn("competences.self.care", 5, "competence.self.care");
  map.AddColumn("goals.leadership", 6, "goal.leadership");
  map.AddColumn("avoid", 7, "avoid");
  map.AddColumn("location.lat", 8, "lat");
  map.AddParticipant(0, 2);
  map.AddParticipant(3, 5);  // rows 3..4 were empty or skipped
  return map;
}

TEST(SourceMapTest, ExactKeyWithCohortPrefix) {
  EXPECT_EQ(ExampleMap().Locate("cohort.participants[3].goals.leadership"),
            "row 5, column F (goal.leadership)");
}

TEST(SourceMapTest, ExactKeyWithoutCohortPrefix) {
  EXPECT_EQ(ExampleMap().Locate("participants[0].display_name"),
            "row 2, column B (Name)");
}

TEST(SourceMapTest, ArrayIndexIsDropped) {
  EXPECT_EQ(ExampleMap().Locate("participants[3].avoid[1]"),
            "row 5, column G (avoid)");
  EXPECT_EQ(ExampleMap().Locate("participants[0].roles[0]"),
            "row 2, column C (role)");
}

TEST(SourceMapTest, TagSetValuesAreDropped) {
  EXPECT_EQ(ExampleMap().Locate("participants[3].tags.languages.values[0]"),
            "row 5, column D (languages)");
  EXPECT_EQ(ExampleMap().Locate("participants[3].tags.languages"),
            "row 5, column D (languages)");
}

TEST(SourceMapTest, ThemeWithDotsMatchesWholeKey) {
  EXPECT_EQ(ExampleMap().Locate("participants[0].competences.self.care"),
            "row 2, column E (competence.self.care)");
}

TEST(SourceMapTest, LongestKeyPrefix) {
  // A deeper path under a column's key still names that column.
  EXPECT_EQ(ExampleMap().Locate("participants[0].location.lat.value"),
            "row 2, column H (lat)");
  // A prefix must end at a '.': "goals.lead" does not match
  // "goals.leadership" and "goals.leadershipx" does not match either.
  EXPECT_EQ(ExampleMap().Locate("participants[0].goals.lead"), "row 2");
  EXPECT_EQ(ExampleMap().Locate("participants[0].goals.leadershipx"), "row 2");
}

TEST(SourceMapTest, NoColumnGivesTheRow) {
  EXPECT_EQ(ExampleMap().Locate("participants[3].goals"), "row 5");
  EXPECT_EQ(ExampleMap().Locate("participants[3].location"), "row 5");
  EXPECT_EQ(ExampleMap().Locate("participants[3].capacity"), "row 5");
  EXPECT_EQ(ExampleMap().Locate("cohort.participants[3]"), "row 5");
}

TEST(SourceMapTest, NoParticipantGivesNullopt) {
  const SourceMap map = ExampleMap();
  EXPECT_EQ(map.Locate("participants[1].id"), std::nullopt);  // unknown row
  EXPECT_EQ(map.Locate("participants[4].id"), std::nullopt);  // past the end
  EXPECT_EQ(map.Locate("taxonomy.themes[0].id"), std::nullopt);
  EXPECT_EQ(map.Locate("program"), std::nullopt);
  EXPECT_EQ(map.Locate("participants"), std::nullopt);
  EXPECT_EQ(map.Locate("participants[].id"), std::nullopt);
  EXPECT_EQ(map.Locate("participants[x].id"), std::nullopt);
  EXPECT_EQ(map.Locate("row 4, column C (capacity)"), std::nullopt);
  EXPECT_EQ(SourceMap().Locate("participants[0]"), std::nullopt);
}

TEST(SourceMapTest, ThemeGivesItsHeaderCell) {
  SourceMap map = ExampleMap();
  map.AddTheme(1, 6, "goal.leadership");
  EXPECT_EQ(map.Locate("cohort.taxonomy.themes[1].id"),
            "row 1, column F (goal.leadership)");
  EXPECT_EQ(map.Locate("cohort.taxonomy.themes[0].id"), std::nullopt);
  EXPECT_EQ(map.Locate("cohort.taxonomy.themes[2].id"), std::nullopt);
}

TEST(SourceMapTest, ColumnLetters) {
  EXPECT_EQ(SourceMap::ColumnLetters(1), "A");
  EXPECT_EQ(SourceMap::ColumnLetters(2), "B");
  EXPECT_EQ(SourceMap::ColumnLetters(26), "Z");
  EXPECT_EQ(SourceMap::ColumnLetters(27), "AA");
  EXPECT_EQ(SourceMap::ColumnLetters(28), "AB");
  EXPECT_EQ(SourceMap::ColumnLetters(26 + 26), "AZ");
  EXPECT_EQ(SourceMap::ColumnLetters(26 + 26 * 26), "ZZ");
  EXPECT_EQ(SourceMap::ColumnLetters(26 + 26 * 26 + 1), "AAA");
  EXPECT_EQ(SourceMap::ColumnLetters(0), "");
}

}  // namespace
}  // namespace sopu::io
