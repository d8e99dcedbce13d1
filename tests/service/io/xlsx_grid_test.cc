#include "service/io/xlsx_grid.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/io/sheet_test_util.h"

namespace sopu::io::internal {
namespace {

using io::testing::GridLines;
using io::testing::ProblemLines;
using io::testing::SheetBytes;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::StatusOr<CellGrid> Read(const std::string& name,
                              const std::string& sheet = "") {
  const std::string bytes = SheetBytes(name);
  absl::StatusOr<ZipArchive> archive = ZipArchive::Open(bytes);
  if (!archive.ok()) return archive.status();
  return ReadXlsxGrid(*archive, sheet);
}

TEST(XlsxGridTest, ExcelStructure) {
  // Shared strings with a rich-text run and a phonetic run, an inline
  // string in runs, a date serial in a custom date format, "2.0" in a
  // number format, a header merged over B1:C1, cells skipped by r=.
  const absl::StatusOr<CellGrid> grid = Read("excel-structure.xlsx");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(ProblemLines(*grid), IsEmpty());
  EXPECT_THAT(GridLines(*grid),
              ElementsAre("1: id|Namn||Roll|capacity|goal.ledarskap|"
                          "attr.start|Kommun",
                          "2: m1|Maija M\xC3\xA4ki||mentor|2||"
                          "2025-01-01=45658|Vaasa",
                          "3: a1\xC2\xA0||| handledare ||3.5"));
  EXPECT_THAT(grid->notices,
              ElementsAre("read the first sheet, \"Cohort\", of 2 (Cohort, "
                          "Lis\xC3\xA4t); choose another with --sheet"));
}

TEST(XlsxGridTest, ChoosesASheetByName) {
  const absl::StatusOr<CellGrid> grid =
      Read("excel-structure.xlsx", "lis\xC3\x84t");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(GridLines(*grid), ElementsAre("1: id", "2: x1"));
  EXPECT_THAT(grid->notices, IsEmpty());
}

TEST(XlsxGridTest, UnknownSheetListsTheSheets) {
  const absl::StatusOr<CellGrid> grid = Read("excel-structure.xlsx", "Nope");
  EXPECT_TRUE(absl::IsNotFound(grid.status()));
  EXPECT_EQ(grid.status().message(),
            "no sheet named \"Nope\"; the sheets are: Cohort, Lis\xC3\xA4t");
}

TEST(XlsxGridTest, Openpyxl) {
  const absl::StatusOr<CellGrid> grid = Read("openpyxl.xlsx");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(ProblemLines(*grid), IsEmpty());
  EXPECT_THAT(
      GridLines(*grid),
      ElementsAre("1: Kev\xC3\xA4\xC3\xA4n 2025 mentorointi",
                  "3: Tunnus|Nimi|Rooli|Kapasiteetti|GOAL.Johtaminen|"
                  "competence.johtaminen|S\xC3\xA4hk\xC3\xB6posti|"
                  "attr.aloitus|attr.jatkaa|Toiveet",
                  "4: m1|Maija|Mentori|2||4.5|m@example.org|"
                  "2025-01-15=45672|TRUE",
                  "5: a1\xC2\xA0|Antti| aktori ||3||||FALSE|m1\xE2\x80\xAF",
                  "6: a2|\xC3\x85sa|adepti||2|1"));
}

TEST(XlsxGridTest, LibreOffice) {
  const absl::StatusOr<CellGrid> grid = Read("libreoffice.xlsx");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(ProblemLines(*grid), IsEmpty());
  ASSERT_EQ(grid->rows.size(), 5u);
  EXPECT_THAT(GridLines(*grid)[2],
              "4: m1|Maija|Mentori|2||4.5|m@example.org|2025-01-15=45672|"
              "TRUE");
}

TEST(XlsxGridTest, MissingSharedStringsIsOneProblem) {
  const absl::StatusOr<CellGrid> grid = Read("damaged-no-shared-strings.xlsx");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(ProblemLines(*grid),
              ElementsAre("0:0: the file is damaged: its shared strings "
                          "(xl/sharedStrings.xml) are missing, so its text "
                          "cells are empty; save it again from the "
                          "spreadsheet program"));
}

TEST(XlsxGridTest, SharedStringOutOfRangeIsAProblemAtItsCell) {
  const absl::StatusOr<CellGrid> grid = Read("damaged-shared-index.xlsx");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(ProblemLines(*grid),
              ElementsAre("3:1: the file is damaged: the cell names a "
                          "shared string that does not exist"));
  EXPECT_EQ(GridLines(*grid)[2], "3: ||| handledare ||3.5");
}

}  // namespace
}  // namespace sopu::io::internal
