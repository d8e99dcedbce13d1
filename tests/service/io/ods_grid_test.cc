#include "service/io/ods_grid.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/io/sheet_values.h"
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
  return ReadOdsGrid(*archive, sheet);
}

TEST(OdsGridTest, LibreOffice) {
  // LibreOffice's .ods of openpyxl.xlsx: the merged title keeps its value in
  // A1, booleans became numbers 1 and 0 in LibreOffice, the date is an
  // office:date-value.
  const absl::StatusOr<CellGrid> grid = Read("libreoffice.ods");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(ProblemLines(*grid), IsEmpty());
  EXPECT_THAT(GridLines(*grid),
              ElementsAre("1: Kev\xC3\xA4\xC3\xA4n 2025 mentorointi",
                          "3: Tunnus|Nimi|Rooli|Kapasiteetti|GOAL.Johtaminen|"
                          "competence.johtaminen|S\xC3\xA4hk\xC3\xB6posti|"
                          "attr.aloitus|attr.jatkaa|Toiveet",
                          "4: m1|Maija|Mentori|2||4.5|m@example.org|"
                          "2025-01-15=45672|1",
                          "5: a1\xC2\xA0|Antti| aktori ||3||||0|m1\xE2\x80\xAF",
                          "6: a2|\xC3\x85sa|adepti||2|1"));
  EXPECT_THAT(grid->notices,
              ElementsAre("read the first sheet, \"Osallistujat\", of 2 "
                          "(Osallistujat, Ohjeet); choose another with "
                          "--sheet"));
}

TEST(OdsGridTest, SecondSheet) {
  const absl::StatusOr<CellGrid> grid = Read("libreoffice.ods", "Ohjeet");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(GridLines(*grid),
              ElementsAre("1: T\xC3\xA4yt\xC3\xA4 yksi rivi kutakin "
                          "osallistujaa kohden"));
}

TEST(OdsGridTest, RepeatedColumnsAndRows) {
  const absl::StatusOr<CellGrid> grid = Read("repeats.ods");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(ProblemLines(*grid), IsEmpty());
  // Trailing empty repeats store nothing.
  EXPECT_THAT(GridLines(*grid),
              ElementsAre("1: Tunnus|x|x|Kommun", "4: p|||Vaa  sa",
                          "5: p|||Vaa  sa", "6: 2025-01-15=45672"));
}

TEST(OdsGridTest, HugeRepeatsStopAtTheCellLimit) {
  const absl::StatusOr<CellGrid> grid = Read("damaged-huge-repeats.ods");
  ASSERT_TRUE(grid.ok()) << grid.status();
  EXPECT_THAT(ProblemLines(*grid),
              ElementsAre("0:0: the sheet holds more than 1000000 cells, "
                          "more than sopu reads; delete the rows and columns "
                          "it does not need"));
  std::size_t cells = 0;
  for (const GridRow& row : grid->rows) cells += row.cells.size();
  EXPECT_LE(cells, kMaxSheetCells);
  EXPECT_EQ(grid->rows.front().row, 1);
  EXPECT_EQ(grid->rows[1].row, 1048002);
}

}  // namespace
}  // namespace sopu::io::internal
