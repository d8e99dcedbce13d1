// The grid reader's behaviour for real staff sheets, through CSV bytes
// (ReadCsvCohort cuts them into the grid) and through hand-made grids.
#include "service/io/grid_cohort_reader.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/io/csv_cohort_reader.h"

namespace sopu::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Problems(const GridCohort& read) {
  std::vector<std::string> lines;
  for (const auto& problem : read.problems) {
    lines.push_back(problem.field() + ": " + problem.description());
  }
  return lines;
}

std::vector<std::string> Ids(const GridCohort& read) {
  std::vector<std::string> ids;
  for (const auto& p : read.cohort.participants()) ids.push_back(p.id());
  return ids;
}

TEST(GridCohortReaderTest, TitleAndBlankRowsAboveTheHeaderAreSkipped) {
  const CsvCohort read = ReadCsvCohort(
      "Mentorointi kev\xC3\xA4t 2025;;\n"
      ";;\n"
      "Tunnus;Nimi;Kapasiteetti\n"
      "m1;Maija;x\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 4, column C (Kapasiteetti): not a number"));
  EXPECT_THAT(read.notices,
              ElementsAre("the header is row 3; the rows above it were "
                          "skipped"));
  EXPECT_THAT(Ids(read), ElementsAre("m1"));
  EXPECT_EQ(read.source.Locate("participants[0].display_name"),
            "row 4, column B (Nimi)");
}

TEST(GridCohortReaderTest, SepLineIsNotARow) {
  const CsvCohort read = ReadCsvCohort("sep=;\nid;capacity\nm1;x\n");
  EXPECT_EQ(read.delimiter, ';');
  EXPECT_THAT(Problems(read),
              ElementsAre("row 2, column B (capacity): not a number"));
  EXPECT_THAT(read.notices, IsEmpty());
}

TEST(GridCohortReaderTest, FinnishAndSwedishHeadersAndRoles) {
  const CsvCohort read = ReadCsvCohort(
      "Tunnus;Namn;Rooli;Kapacitet;Kunta;Landskap;Spr\xC3\xA5k;Toimiala;"
      "Organisaatio\n"
      "m1;Maija;Mentori;2;Vaasa;Pohjanmaa;fi|sv;kulttuuri;Rytmi ry\n"
      "a1;Antti;Adepti|HANDLEDARE;;;;;;\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(read.notices, IsEmpty());
  ASSERT_EQ(read.cohort.participants_size(), 2);
  const auto& m1 = read.cohort.participants(0);
  EXPECT_EQ(m1.display_name(), "Maija");
  EXPECT_THAT(m1.roles(), ElementsAre(sopu::v1::ROLE_MENTOR));
  EXPECT_EQ(m1.capacity(), 2);
  EXPECT_EQ(m1.location().municipality(), "Vaasa");
  EXPECT_EQ(m1.location().region(), "Pohjanmaa");
  EXPECT_THAT(m1.tags().at("languages").values(), ElementsAre("fi", "sv"));
  EXPECT_THAT(m1.attributes(),
              UnorderedElementsAre(Pair("sector", "kulttuuri"),
                                   Pair("organisation", "Rytmi ry")));
  EXPECT_THAT(read.cohort.participants(1).roles(),
              ElementsAre(sopu::v1::ROLE_MENTEE, sopu::v1::ROLE_FACILITATOR));
}

TEST(GridCohortReaderTest, IdsAreTrimmedOfUnicodeSpaces) {
  const CsvCohort read = ReadCsvCohort(
      "id\xC2\xA0;role;avoid;wishes\n"
      "m1\xC2\xA0;mentor\xE2\x80\xAF;;\n"
      "\xE2\x80\x8B"
      "a1\t;\xE3\x80\x80mentee;m1\xE2\x80\x87;"
      "\xEF\xBB\xBFm1\xC2\xA0|\xC2\xA0\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(Ids(read), ElementsAre("m1", "a1"));
  EXPECT_THAT(read.cohort.participants(1).avoid(), ElementsAre("m1"));
  EXPECT_THAT(read.cohort.participants(1).wishes(), ElementsAre("m1"));
}

TEST(GridCohortReaderTest, ThemeNamesMatchWithoutCase) {
  const CsvCohort read = ReadCsvCohort(
      "id;GOAL.COMPETENCE;competence.Itsens\xC3\x84_Johtaminen\n"
      "a1;3;4\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  ASSERT_EQ(read.cohort.taxonomy().themes_size(), 2);
  EXPECT_EQ(read.cohort.taxonomy().themes(0).id(), "competence");
  EXPECT_EQ(read.cohort.taxonomy().themes(1).id(), "itsens\xC3\xA4_johtaminen");
  EXPECT_EQ(read.cohort.participants(0).goals().at("competence"), 3.0);
}

TEST(GridCohortReaderTest, SameThemeInTwoCasesIsADuplicateColumn) {
  const CsvCohort read =
      ReadCsvCohort("id;GOAL.COMPETENCE;goal.competence\na1;3;4\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 1, column C (goal.competence): duplicate "
                          "column; same as column B"));
}

TEST(GridCohortReaderTest, FormToolColumnsAreOneNotice) {
  const CsvCohort read = ReadCsvCohort(
      "Aikaleima,Timestamp,id,email\n"
      "2025-01-01 10:00,x,a1,a@example.org\n");
  EXPECT_THAT(Problems(read), IsEmpty());
  EXPECT_THAT(read.notices,
              ElementsAre("ignored 3 columns sopu does not use: Aikaleima, "
                          "Timestamp, email"));
}

TEST(GridCohortReaderTest, NoIdColumnNamesNoCellsInNotices) {
  const CsvCohort read = ReadCsvCohort("Salainen,Henkil\xC3\xB6\nx,y\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("row 1: missing column id; add an id column"));
  EXPECT_THAT(read.notices, IsEmpty());
}

TEST(GridCohortReaderTest, LikelyCauseWrongDelimiter) {
  // The header has commas; the rows were typed with semicolons.
  const CsvCohort read = ReadCsvCohort(
      "id,name,role\n"
      "m1;Maija;mentor\n"
      "m2;Pekka;mentor\n"
      "a1;Antti;mentee\n");
  ASSERT_FALSE(read.problems.empty());
  EXPECT_EQ(Problems(read)[0],
            "file: whole rows landed in column A: the file separates its "
            "columns with semicolons (;), not commas (,); save it again as "
            "CSV, or fix its sep= line");
}

TEST(GridCohortReaderTest, LikelyCauseHeaderInOneCell) {
  const CsvCohort read = ReadCsvCohort("sep=,\nid;name\na1;Anna\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("file: whole rows landed in column A: the file "
                          "separates its columns with semicolons (;), not "
                          "commas (,); save it again as CSV, or fix its sep= "
                          "line",
                          "row 1: missing column id; add an id column"));
}

TEST(GridCohortReaderTest, LikelyCauseDecimalCommasInACommaFile) {
  const CsvCohort read = ReadCsvCohort(
      "id,goal.a,goal.b\n"
      "a1,3,5,4\n"
      "a2,2,5,1\n"
      "a3,1,5,2\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("file: rows have more cells than the header: in a "
                          "comma-separated file a decimal comma (3,5) splits "
                          "a number into two cells; write 3.5, put such "
                          "numbers in quotes, or save the file with "
                          "semicolons (;)",
                          "row 2, column D: value in a column without a "
                          "header; add a header or delete the value",
                          "row 3, column D: value in a column without a "
                          "header; add a header or delete the value",
                          "row 4, column D: value in a column without a "
                          "header; add a header or delete the value"));
}

TEST(GridCohortReaderTest, LikelyCauseLatin1) {
  const CsvCohort read = ReadCsvCohort(
      "id;name\n"
      "a1;M\xE4ki\n"
      "a2;\xD6hman\n");
  EXPECT_THAT(Problems(read),
              ElementsAre("file: the file is not UTF-8: it looks like "
                          "Windows-1252 or Latin-1 text (a byte such as 0xE4 "
                          "for \xC3\xA4); save it as CSV UTF-8",
                          "row 2, column B (name): not valid UTF-8; save the "
                          "file as CSV UTF-8",
                          "row 3, column B (name): not valid UTF-8; save the "
                          "file as CSV UTF-8"));
}

TEST(GridCohortReaderTest, LikelyCauseXlsxRenamedCsv) {
  const CsvCohort read =
      ReadCsvCohort(std::string("PK\x03\x04\x14\x00\x06\x00", 8));
  EXPECT_THAT(Problems(read),
              ElementsAre("file: this is an Excel (.xlsx) or OpenDocument "
                          "(.ods) file, not CSV; name it .xlsx or .ods, or "
                          "save it as CSV UTF-8"));
}

TEST(GridCohortReaderTest, DelimiterAndDecimalCommaAreReported) {
  const CsvCohort semicolons = ReadCsvCohort("id;goal.a\na1;3,5\n");
  EXPECT_EQ(semicolons.delimiter, ';');
  EXPECT_TRUE(semicolons.decimal_comma);
  const CsvCohort commas = ReadCsvCohort("id,goal.a\na1,3.5\n");
  EXPECT_EQ(commas.delimiter, ',');
  EXPECT_FALSE(commas.decimal_comma);
}

TEST(GridCohortReaderTest, DateCellsReadAsDatesOrNumbers) {
  CellGrid grid;
  grid.rows.push_back({1, {{"id", ""}, {"attr.start", ""}, {"number.d", ""}}});
  grid.rows.push_back(
      {2, {{"a1", ""}, {"2025-01-01", "45658"}, {"2025-01-01", "45658"}}});
  const GridCohort read = ReadGridCohort(grid);
  EXPECT_THAT(Problems(read), IsEmpty());
  const auto& p = read.cohort.participants(0);
  EXPECT_EQ(p.attributes().at("start"), "2025-01-01");
  EXPECT_EQ(p.numbers().at("d"), 45658.0);
}

TEST(GridCohortReaderTest, GridProblemsComeInRowOrderWithHeaders) {
  CellGrid grid;
  grid.problems.push_back({0, 0, "file problem"});
  grid.rows.push_back({1, {{"id", ""}, {"capacity", ""}}});
  grid.rows.push_back({2, {{"a1", ""}, {"x", ""}}});
  grid.problems.push_back({2, 1, "damaged cell"});
  const GridCohort read = ReadGridCohort(grid);
  EXPECT_THAT(
      Problems(read),
      ElementsAre("file: file problem", "row 2, column A (id): damaged cell",
                  "row 2, column B (capacity): not a number"));
}

}  // namespace
}  // namespace sopu::io
