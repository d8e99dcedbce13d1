#include "service/io/csv_cohort_reader.h"

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// Problems renders problems as "field: description" for exact comparison.
std::vector<std::string> Problems(const CsvCohort& read) {
  std::vector<std::string> lines;
  for (const auto& problem : read.problems) {
    lines.push_back(problem.field() + ": " + problem.description());
  }
  return lines;
}

std::vector<std::string> Ids(const CsvCohort& read) {
  std::vector<std::string> ids;
  for (const auto& participant : read.cohort.participants()) {
    ids.push_back(participant.id());
  }
  return ids;
}

std::vector<std::string> Values(const sopu::v1::TagSet& tags) {
  return {tags.values().begin(), tags.values().end()};
}

TEST(CsvCohortReaderTest, CommaDelimiter) {
  const CsvCohort read = ReadCsvCohort(
      "id,name,role,capacity\n"
      "m1,Maija,mentor,2\n"
      "a1,Antti,mentee,\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 2);
  const auto& mentor = read.cohort.participants(0);
  EXPECT_EQ(mentor.id(), "m1");
  EXPECT_EQ(mentor.display_name(), "Maija");
  EXPECT_THAT(mentor.roles(), ElementsAre(sopu::v1::ROLE_MENTOR));
  EXPECT_EQ(mentor.capacity(), 2);
  EXPECT_FALSE(read.cohort.participants(1).has_capacity());
}

TEST(CsvCohortReaderTest, SemicolonDelimiterWithDecimalCommas) {
  const CsvCohort read = ReadCsvCohort(
      "id;goal.leadership;competence.leadership;number.hours\n"
      "a1;3,5;4;1,25\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  const auto& p = read.cohort.participants(0);
  EXPECT_EQ(p.goals().at("leadership"), 3.5);
  EXPECT_EQ(p.competences().at("leadership"), 4.0);
  EXPECT_EQ(p.numbers().at("hours"), 1.25);
}

TEST(CsvCohortReaderTest, TabDelimiter) {
  const CsvCohort read = ReadCsvCohort(
      "id\tname\tgoal.music\n"
      "a1\tAnna, Liisa; Virtanen\t2.5\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_EQ(read.cohort.participants(0).display_name(),
            "Anna, Liisa; Virtanen");
  EXPECT_EQ(read.cohort.participants(0).goals().at("music"), 2.5);
}

TEST(CsvCohortReaderTest, DelimiterCountedOutsideQuotesOnly) {
  // The header's quoted cell holds two semicolons, the header itself three
  // commas: comma wins.
  const CsvCohort read = ReadCsvCohort(
      "id,\"name;;\",role,goal.x\n"
      "a1,,mentee,1\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(read.notices,
              ElementsAre("ignored 1 column sopu does not use: name;;"));
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_EQ(read.cohort.participants(0).goals().at("x"), 1.0);
}

TEST(CsvCohortReaderTest, Utf8BomIsSkipped) {
  const CsvCohort read = ReadCsvCohort("\xEF\xBB\xBFid,name\na1,Anna\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(Ids(read), ElementsAre("a1"));
}

TEST(CsvCohortReaderTest, NoBom) {
  const CsvCohort read = ReadCsvCohort("id,name\na1,Anna\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(Ids(read), ElementsAre("a1"));
}

TEST(CsvCohortReaderTest, DecimalCommaAndPoint) {
  const CsvCohort read = ReadCsvCohort(
      "id,goal.a,goal.b,goal.c,years_experience\n"
      "a1,\"3,5\",3.5,+2,\"-0,5\"\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  const auto& p = read.cohort.participants(0);
  EXPECT_THAT(p.goals(), UnorderedElementsAre(Pair("a", 3.5), Pair("b", 3.5),
                                              Pair("c", 2.0)));
  EXPECT_EQ(p.numbers().at("years_experience"), -0.5);
}

TEST(CsvCohortReaderTest, QuotedFieldWithDelimiterQuoteAndNewline) {
  const CsvCohort read = ReadCsvCohort(
      "id,name,capacity\n"
      "m1,\"Virtanen, \"\"Maija\"\"\nline two\",1\n"
      "m2,Pekka,x\n");
  // The record spanning two lines is row 2; the next one is row 3.
  EXPECT_THAT(Problems(read),
              ElementsAre("row 3, column C (capacity): not a number"));
  ASSERT_EQ(read.cohort.participants_size(), 2);
  EXPECT_EQ(read.cohort.participants(0).display_name(),
            "Virtanen, \"Maija\"\nline two");
  EXPECT_EQ(read.source.Locate("participants[1].capacity"),
            "row 3, column C (capacity)");
}

TEST(CsvCohortReaderTest, QuotedCellKeepsSpacesUnquotedIsTrimmed) {
  const CsvCohort read = ReadCsvCohort(
      "id,name,municipality\n"
      "  a1  ,\" Anna \",  Seinäjoki \n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_EQ(read.cohort.participants(0).id(), "a1");
  EXPECT_EQ(read.cohort.participants(0).display_name(), " Anna ");
  EXPECT_EQ(read.cohort.participants(0).location().municipality(), "Seinäjoki");
}

TEST(CsvCohortReaderTest, CrlfLineEnds) {
  const CsvCohort read = ReadCsvCohort(
      "id,capacity\r\n"
      "a1,1\r\n"
      "\r\n"
      "a2,x\r\n");
  // Row 3 is the empty line; "x" is on row 4.
  EXPECT_THAT(Problems(read),
              ElementsAre("row 4, column B (capacity): not a number"));
  EXPECT_THAT(Ids(read), ElementsAre("a1", "a2"));
  EXPECT_EQ(read.cohort.participants(0).capacity(), 1);
}

TEST(CsvCohortReaderTest, LastRowWithoutLineEnd) {
  const CsvCohort read = ReadCsvCohort("id,capacity\r\na1,1\r\na2,2");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(Ids(read), ElementsAre("a1", "a2"));
  EXPECT_EQ(read.source.Locate("participants[1]"), "row 3");
}

TEST(CsvCohortReaderTest, TrailingEmptyColumnsAreIgnored) {
  const CsvCohort read = ReadCsvCohort(
      "id,name,,,\n"
      "a1,Anna,,,,,\n"
      "a2,Bert\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(Ids(read), ElementsAre("a1", "a2"));
}

TEST(CsvCohortReaderTest, NonAsciiNamesPreservedByteExact) {
  const std::string name = "Äijälä-Öhman, Åsa";
  const CsvCohort read =
      ReadCsvCohort("id;name;region\np1;" + name + ";Etelä-Pohjanmaa\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_EQ(read.cohort.participants(0).display_name(),
            "\xC3\x84ij\xC3\xA4l\xC3\xA4-\xC3\x96hman, \xC3\x85sa");
  EXPECT_EQ(read.cohort.participants(0).location().region(),
            "Etel\xC3\xA4-Pohjanmaa");
}

TEST(CsvCohortReaderTest, RolesAndFinnishAliases) {
  const CsvCohort read = ReadCsvCohort(
      "id,roles\n"
      "a,Mentori\n"
      "b,AKTORI\n"
      "c,mentoroitava\n"
      "d,ohjaaja|fasilitaattori\n"
      "e,vertainen\n"
      "f, mentor | facilitator |mentor\n"
      "g,Mentee|Peer\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 7);
  const auto roles = [&](int i) {
    const auto& r = read.cohort.participants(i).roles();
    return std::vector<int>(r.begin(), r.end());
  };
  EXPECT_THAT(roles(0), ElementsAre(sopu::v1::ROLE_MENTOR));
  EXPECT_THAT(roles(1), ElementsAre(sopu::v1::ROLE_MENTEE));
  EXPECT_THAT(roles(2), ElementsAre(sopu::v1::ROLE_MENTEE));
  EXPECT_THAT(roles(3), ElementsAre(sopu::v1::ROLE_FACILITATOR));
  EXPECT_THAT(roles(4), ElementsAre(sopu::v1::ROLE_PEER));
  EXPECT_THAT(roles(5),
              ElementsAre(sopu::v1::ROLE_MENTOR, sopu::v1::ROLE_FACILITATOR));
  EXPECT_THAT(roles(6),
              ElementsAre(sopu::v1::ROLE_MENTEE, sopu::v1::ROLE_PEER));
}

TEST(CsvCohortReaderTest, UnknownRole) {
  const CsvCohort read = ReadCsvCohort("id,role\na1,mentor|boss\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 2, column B (role): unknown role; use mentor, "
                          "mentee, facilitator or peer"));
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_THAT(read.cohort.participants(0).roles(), IsEmpty());
}

TEST(CsvCohortReaderTest, UnknownColumnsAreIgnoredWithOneNotice) {
  const CsvCohort read = ReadCsvCohort(
      "id,name,email,role,capacity,goal.a,competence.a,Lis\xC3\xA4tiedot,"
      "Aikaleima\n"
      "a1,Anna,anna@example.org,mentee,1,2,3,x,2025-01-01\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(read.notices,
              ElementsAre("ignored 3 columns sopu does not use: email, "
                          "Lis\xC3\xA4tiedot, Aikaleima"));
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_EQ(read.cohort.participants(0).display_name(), "Anna");
}

TEST(CsvCohortReaderTest, PrefixWithoutName) {
  const CsvCohort read = ReadCsvCohort("id,goal. \na1,2\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 1, column B (goal.): name missing after goal."));
}

TEST(CsvCohortReaderTest, DuplicateColumn) {
  const CsvCohort read = ReadCsvCohort(
      "id,role,Roles,organisation,attr.organisation,Goal.x,goal.x\n"
      "a1,mentor,mentee,Org A,Org B,1,2\n");
  EXPECT_THAT(
      Problems(read),
      ElementsAre(
          "row 1, column C (Roles): duplicate column; same as column B",
          "row 1, column E (attr.organisation): duplicate column; same as "
          "column D",
          "row 1, column G (goal.x): duplicate column; same as column F"));
  ASSERT_EQ(read.cohort.participants_size(), 1);
  const auto& p = read.cohort.participants(0);
  EXPECT_THAT(p.roles(), ElementsAre(sopu::v1::ROLE_MENTOR));
  EXPECT_EQ(p.attributes().at("organisation"), "Org A");
  EXPECT_EQ(p.goals().at("x"), 1.0);
}

TEST(CsvCohortReaderTest, MissingIdColumn) {
  const CsvCohort read = ReadCsvCohort("name\nAnna\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 1: missing column id; add an id column"));
}

TEST(CsvCohortReaderTest, EmptyIdCellIsLeftForTheValidator) {
  const CsvCohort read = ReadCsvCohort("id,name\n,Anna\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_EQ(read.cohort.participants(0).id(), "");
}

TEST(CsvCohortReaderTest, NonNumberCell) {
  const CsvCohort read = ReadCsvCohort(
      "id;competence.a;goal.a;number.n;years_experience\n"
      "a1;high;1.5,0;3,5.1;1 000\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 2, column B (competence.a): not a number",
                          "row 2, column C (goal.a): not a number",
                          "row 2, column D (number.n): not a number",
                          "row 2, column E (years_experience): not a number"));
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_THAT(read.cohort.participants(0).competences(), IsEmpty());
  EXPECT_THAT(read.cohort.participants(0).goals(), IsEmpty());
  EXPECT_THAT(read.cohort.participants(0).numbers(), IsEmpty());
}

TEST(CsvCohortReaderTest, NumberOutOfRange) {
  const CsvCohort read = ReadCsvCohort("id,goal.a\na1,1e999\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 2, column B (goal.a): number out of range"));
}

TEST(CsvCohortReaderTest, NanAndInfPassThroughForTheValidator) {
  const CsvCohort read =
      ReadCsvCohort("id,goal.a,goal.b,goal.c\na1,NaN,inf,-Infinity\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  const auto& goals = read.cohort.participants(0).goals();
  EXPECT_TRUE(std::isnan(goals.at("a")));
  EXPECT_EQ(goals.at("b"), INFINITY);
  EXPECT_EQ(goals.at("c"), -INFINITY);
}

TEST(CsvCohortReaderTest, CapacityMustBeWhole) {
  const CsvCohort read = ReadCsvCohort(
      "id;capacity\n"
      "a;2,0\n"
      "b;2.0\n"
      "c;-3\n"
      "d;2,5\n"
      "e;nan\n"
      "f;3000000000\n"
      "g;two\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 5, column B (capacity): must be a whole number",
                          "row 6, column B (capacity): must be a whole number",
                          "row 7, column B (capacity): number out of range",
                          "row 8, column B (capacity): not a number"));
  ASSERT_EQ(read.cohort.participants_size(), 7);
  EXPECT_EQ(read.cohort.participants(0).capacity(), 2);
  EXPECT_EQ(read.cohort.participants(1).capacity(), 2);
  EXPECT_EQ(read.cohort.participants(2).capacity(), -3);
  EXPECT_FALSE(read.cohort.participants(3).has_capacity());
}

TEST(CsvCohortReaderTest, LatAndLonGoTogether) {
  const CsvCohort read = ReadCsvCohort(
      "id,lat,lon,municipality\n"
      "a,\"62,79\",22.84,Seinäjoki\n"
      "b,62.79,,\n"
      "c,,22.84,\n"
      "d,,,Vaasa\n"
      "e,north,22.84,\n");
  EXPECT_THAT(
      Problems(read),
      ElementsAre(
          "row 3, column C (lon): lon missing; give both lat and lon or "
          "neither",
          "row 4, column B (lat): lat missing; give both lat and lon or "
          "neither",
          "row 6, column B (lat): not a number"));
  ASSERT_EQ(read.cohort.participants_size(), 5);
  const auto& a = read.cohort.participants(0).location();
  EXPECT_TRUE(a.has_coordinates());
  EXPECT_EQ(a.lat(), 62.79);
  EXPECT_EQ(a.lon(), 22.84);
  EXPECT_EQ(a.municipality(), "Seinäjoki");
  for (int i = 1; i < 5; ++i) {
    EXPECT_FALSE(read.cohort.participants(i).location().has_coordinates());
  }
}

TEST(CsvCohortReaderTest, LatColumnWithoutLonColumn) {
  const CsvCohort read = ReadCsvCohort("id,lat\na,62.79\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 1, column B (lat): lat needs a lon column; add "
                          "one"));
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_FALSE(read.cohort.participants(0).has_location());
}

TEST(CsvCohortReaderTest, TooManyCellsInARow) {
  const CsvCohort read = ReadCsvCohort(
      "id,name\n"
      "a1,Anna,,secret\n"
      "a2,Bert,,\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 2, column D: value in a column without a "
                          "header; add a header or delete the value"));
  EXPECT_THAT(Ids(read), ElementsAre("a1", "a2"));
}

TEST(CsvCohortReaderTest, ValueUnderBlankHeaderCell) {
  const CsvCohort read = ReadCsvCohort(
      "id,,name\n"
      "a1,,Anna\n"
      "a2,x,Bert\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 3, column B: value in a column without a "
                          "header; add a header or delete the value"));
  ASSERT_EQ(read.cohort.participants_size(), 2);
  EXPECT_EQ(read.cohort.participants(1).display_name(), "Bert");
}

TEST(CsvCohortReaderTest, EmptyRowsAreSkippedButCounted) {
  const CsvCohort read = ReadCsvCohort(
      "id,capacity\n"
      "\n"
      ",\n"
      "  ,  \n"
      "a1,x\n"
      "\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 5, column B (capacity): not a number"));
  EXPECT_THAT(Ids(read), ElementsAre("a1"));
  EXPECT_EQ(read.source.Locate("participants[0].id"), "row 5, column A (id)");
}

TEST(CsvCohortReaderTest, Utf16BomGivesOneProblem) {
  const std::string utf16le("\xFF\xFEi\0d\0\n\0", 8);
  const CsvCohort read = ReadCsvCohort(utf16le);
  EXPECT_THAT(Problems(read),
              ElementsAre("file: file is UTF-16; save it as CSV UTF-8"));
  EXPECT_EQ(read.cohort.participants_size(), 0);
  const CsvCohort big_endian = ReadCsvCohort(std::string("\xFE\xFF\0i", 4));
  EXPECT_THAT(Problems(big_endian),
              ElementsAre("file: file is UTF-16; save it as CSV UTF-8"));
}

TEST(CsvCohortReaderTest, InvalidUtf8Cell) {
  // "Mäki" saved as Latin-1: 0xE4 alone is not UTF-8.
  const CsvCohort read = ReadCsvCohort(
      "id,name,region\n"
      "a1,M\xE4ki,Pohjanmaa\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 2, column B (name): not valid UTF-8; save the "
                          "file as CSV UTF-8"));
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_EQ(read.cohort.participants(0).display_name(), "");
  EXPECT_EQ(read.cohort.participants(0).location().region(), "Pohjanmaa");
}

TEST(CsvCohortReaderTest, InvalidUtf8Forms) {
  // Overlong '/', a surrogate, beyond U+10FFFF, a truncated sequence.
  const CsvCohort read = ReadCsvCohort(
      "id,name\n"
      "a,\xC0\xAF\n"
      "b,\xED\xA0\x80\n"
      "c,\xF4\x90\x80\x80\n"
      "d,\xE2\x82\n"
      "e,\xF0\x9F\x98\x80\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("file: the file is not UTF-8: it looks like "
                          "Windows-1252 or Latin-1 text (a byte such as 0xE4 "
                          "for \xC3\xA4); save it as CSV UTF-8",
                          "row 2, column B (name): not valid UTF-8; save the "
                          "file as CSV UTF-8",
                          "row 3, column B (name): not valid UTF-8; save the "
                          "file as CSV UTF-8",
                          "row 4, column B (name): not valid UTF-8; save the "
                          "file as CSV UTF-8",
                          "row 5, column B (name): not valid UTF-8; save the "
                          "file as CSV UTF-8"));
  ASSERT_EQ(read.cohort.participants_size(), 5);
  EXPECT_EQ(read.cohort.participants(4).display_name(), "\xF0\x9F\x98\x80");
}

TEST(CsvCohortReaderTest, ProblemCapSetsTruncated) {
  CsvReadOptions options;
  options.max_problems = 2;
  const CsvCohort read = ReadCsvCohort(
      "id,capacity\n"
      "a,x\n"
      "b,x\n"
      "c,x\n"
      "d,4\n",
      options);
  EXPECT_THAT(Problems(read),
              ElementsAre("row 2, column B (capacity): not a number",
                          "row 3, column B (capacity): not a number"));
  EXPECT_TRUE(read.truncated);
  // Reading went on to the end.
  EXPECT_THAT(Ids(read), ElementsAre("a", "b", "c", "d"));
  EXPECT_EQ(read.cohort.participants(3).capacity(), 4);
}

TEST(CsvCohortReaderTest, NotTruncatedAtExactlyTheCap) {
  CsvReadOptions options;
  options.max_problems = 1;
  const CsvCohort read = ReadCsvCohort("id,capacity\na,x\n", options);
  EXPECT_EQ(read.problems.size(), 1u);
  EXPECT_FALSE(read.truncated);
}

TEST(CsvCohortReaderTest, TaxonomyFromHeadersAndProgramFromOptions) {
  CsvReadOptions options;
  options.program = "Living Lab 2025";
  const CsvCohort read = ReadCsvCohort(
      "id,goal.self_leadership,competence.music_business,"
      "competence.self_leadership,goal.networking\n"
      "a1,1,2,3,4\n",
      options);
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_EQ(read.cohort.program(), "Living Lab 2025");
  std::vector<std::string> themes;
  for (const auto& theme : read.cohort.taxonomy().themes()) {
    themes.push_back(theme.id());
    EXPECT_EQ(theme.label(), "");
  }
  EXPECT_THAT(themes,
              ElementsAre("self_leadership", "music_business", "networking"));
}

TEST(CsvCohortReaderTest, HeaderNamesCaseInsensitiveThemesLowered) {
  const CsvCohort read = ReadCsvCohort(
      "ID,NAME,Competence. Music_Biz ,Tags.Genres,ATTR.Home Town\n"
      "a1,Anna,2,jazz|folk,Kaustinen\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  const auto& p = read.cohort.participants(0);
  EXPECT_EQ(p.id(), "a1");
  EXPECT_EQ(p.competences().at("music_biz"), 2.0);
  EXPECT_THAT(Values(p.tags().at("Genres")), ElementsAre("jazz", "folk"));
  EXPECT_EQ(p.attributes().at("Home Town"), "Kaustinen");
  ASSERT_EQ(read.cohort.taxonomy().themes_size(), 1);
  EXPECT_EQ(read.cohort.taxonomy().themes(0).id(), "music_biz");
}

TEST(CsvCohortReaderTest, ListsAndShortcuts) {
  const CsvCohort read = ReadCsvCohort(
      "id,organisation,sector,career_stage,languages,sectors,"
      "years_experience,region,availability,avoid,wishes\n"
      "a1,Rytmi,music,early, fi | sv ||,music|film,12,Pohjanmaa,"
      "mon-am|tue-pm,b2 | b3,m3|m1|m2\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  const auto& p = read.cohort.participants(0);
  EXPECT_THAT(p.attributes(),
              UnorderedElementsAre(Pair("organisation", "Rytmi"),
                                   Pair("sector", "music"),
                                   Pair("career_stage", "early")));
  EXPECT_THAT(Values(p.tags().at("languages")), ElementsAre("fi", "sv"));
  EXPECT_THAT(Values(p.tags().at("sectors")), ElementsAre("music", "film"));
  EXPECT_EQ(p.numbers().at("years_experience"), 12.0);
  EXPECT_EQ(p.location().region(), "Pohjanmaa");
  EXPECT_FALSE(p.location().has_coordinates());
  EXPECT_THAT(p.availability(), ElementsAre("mon-am", "tue-pm"));
  EXPECT_THAT(p.avoid(), ElementsAre("b2", "b3"));
  EXPECT_THAT(p.wishes(), ElementsAre("m3", "m1", "m2"));
}

TEST(CsvCohortReaderTest, UnclosedQuote) {
  const CsvCohort read = ReadCsvCohort(
      "id,name\n"
      "a1,Anna\n"
      "a2,\"Bert\n"
      "a3,Cecilia\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 3, column B (name): quote never closed; the "
                          "rest of the file went into this cell"));
  EXPECT_THAT(Ids(read), ElementsAre("a1", "a2"));
  EXPECT_EQ(read.cohort.participants(1).display_name(), "");
}

TEST(CsvCohortReaderTest, ClosingQuoteAtEndOfFile) {
  const CsvCohort read = ReadCsvCohort("id,name\na1,\"Anna\"");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 1);
  EXPECT_EQ(read.cohort.participants(0).display_name(), "Anna");
}

TEST(CsvCohortReaderTest, EmptyFileAndEmptyHeader) {
  EXPECT_THAT(Problems(ReadCsvCohort("")),
              ElementsAre("row 1: no header row; the first row must name "
                          "the columns"));
  EXPECT_THAT(Problems(ReadCsvCohort(",,\n\n , \n")),
              ElementsAre("row 1: no header row; the first row must name "
                          "the columns"));
}

TEST(CsvCohortReaderTest, ProblemsNeverRepeatTheCell) {
  const std::string secret = "Salainen Henkilö";
  const CsvCohort read = ReadCsvCohort(
      "id,role,capacity,goal.a,lat,lon,x\n"
      "a1," +
      secret + "," + secret + "," + secret + "," + secret + ",," + "\n" +
      "a2,,,,,,," + secret + "\n");
  ASSERT_EQ(read.problems.size(), 6u);
  EXPECT_THAT(read.notices,
              ElementsAre("ignored 1 column sopu does not use: x"));
  for (const auto& problem : read.problems) {
    EXPECT_EQ(problem.field().find("Salainen"), std::string::npos);
    EXPECT_EQ(problem.description().find("Salainen"), std::string::npos);
  }
}

TEST(CsvCohortReaderTest, SourceMapFromFile) {
  const CsvCohort read = ReadCsvCohort(
      "id,name,role,capacity,languages,goal.leadership,avoid\n"
      "m1,Maija,mentor,2,fi,,\n"
      "\n"
      "a1,Antti,mentee,,fi|sv,4,m1\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_EQ(read.source.Locate("cohort.participants[1].goals.leadership"),
            "row 4, column F (goal.leadership)");
  EXPECT_EQ(read.source.Locate("participants[1].avoid[0]"),
            "row 4, column G (avoid)");
  EXPECT_EQ(read.source.Locate("participants[1].tags.languages.values[1]"),
            "row 4, column E (languages)");
  EXPECT_EQ(read.source.Locate("participants[0].roles"),
            "row 2, column C (role)");
  EXPECT_EQ(read.source.Locate("participants[0].display_name"),
            "row 2, column B (name)");
  EXPECT_EQ(read.source.Locate("participants[0].goals"), "row 2");
  EXPECT_EQ(read.source.Locate("participants[2].id"), std::nullopt);
}

TEST(CsvCohortReaderTest, BundledExampleReadsWithoutProblems) {
  std::ifstream file(SOPU_EXAMPLES_DIR "/cohort.csv", std::ios::binary);
  ASSERT_TRUE(file) << "missing examples/cohort.csv";
  const std::string bytes((std::istreambuf_iterator<char>(file)),
                          std::istreambuf_iterator<char>());
  const CsvCohort read = ReadCsvCohort(bytes);
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_GT(read.cohort.participants_size(), 0);
  EXPECT_GT(read.cohort.taxonomy().themes_size(), 0);
}

TEST(CsvCohortReaderTest, DocumentedExample) {
  // The example of docs/csv-format.md, byte for byte.
  const CsvCohort read = ReadCsvCohort(
      "id;name;role;capacity;competence.leadership;competence.music_business;"
      "goal.leadership;goal.music_business;organisation;languages;"
      "years_experience;municipality;lat;lon;availability;avoid;wishes\n"
      "m1;Helena Mäkinen;mentor|ohjaaja;2;4,5;3;;;Tuottajapaja ry;fi|en;22;"
      "Tampere;61,4978;23,7610;mon-am|wed-am;;\n"
      "m2;\"Söderström, Johan\";mentori;1;3;5;;;Kulturföreningen Strand;"
      "sv|fi;18;Vaasa;63,0951;21,6165;tue-pm;;\n"
      "a1;Aino Virtanen;aktori;;1;;4;2,5;Teatteri Kaarna;fi;3;Helsinki;;;"
      "mon-am;m2;m1|m2\n"
      "a2;Åsa Öhman;mentee;;;1;3;5;;sv;1;;;;wed-am|tue-pm;;m2\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(Ids(read), ElementsAre("m1", "m2", "a1", "a2"));
  ASSERT_EQ(read.cohort.taxonomy().themes_size(), 2);
  EXPECT_EQ(read.cohort.taxonomy().themes(0).id(), "leadership");
  EXPECT_EQ(read.cohort.taxonomy().themes(1).id(), "music_business");
  const auto& m1 = read.cohort.participants(0);
  EXPECT_THAT(m1.roles(),
              ElementsAre(sopu::v1::ROLE_MENTOR, sopu::v1::ROLE_FACILITATOR));
  EXPECT_EQ(m1.competences().at("leadership"), 4.5);
  EXPECT_TRUE(m1.location().has_coordinates());
  EXPECT_EQ(m1.location().lat(), 61.4978);
  EXPECT_EQ(read.cohort.participants(1).display_name(), "Söderström, Johan");
  const auto& a1 = read.cohort.participants(2);
  EXPECT_THAT(a1.roles(), ElementsAre(sopu::v1::ROLE_MENTEE));
  EXPECT_THAT(a1.goals(), UnorderedElementsAre(Pair("leadership", 4.0),
                                               Pair("music_business", 2.5)));
  EXPECT_THAT(a1.avoid(), ElementsAre("m2"));
  EXPECT_THAT(a1.wishes(), ElementsAre("m1", "m2"));
  EXPECT_FALSE(a1.location().has_coordinates());
  EXPECT_FALSE(read.cohort.participants(3).location().has_coordinates());
  EXPECT_EQ(read.source.Locate("participants[3].wishes[0]"),
            "row 5, column Q (wishes)");
}

}  // namespace
}  // namespace sopu::io
