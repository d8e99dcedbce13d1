#include "service/io/spreadsheet_file.h"

#include <string>

#include "gtest/gtest.h"
#include "service/io/grid_cohort_reader.h"
#include "tests/service/io/sheet_test_util.h"

namespace sopu::io {
namespace {

using io::testing::SheetBytes;

TEST(SpreadsheetFileTest, ToldByContent) {
  const absl::StatusOr<Spreadsheet> xlsx =
      ReadSpreadsheetGrid(SheetBytes("libreoffice.xlsx"), "");
  ASSERT_TRUE(xlsx.ok()) << xlsx.status();
  EXPECT_EQ(xlsx->kind, SpreadsheetKind::kXlsx);
  const absl::StatusOr<Spreadsheet> ods =
      ReadSpreadsheetGrid(SheetBytes("libreoffice.ods"), "");
  ASSERT_TRUE(ods.ok()) << ods.status();
  EXPECT_EQ(ods->kind, SpreadsheetKind::kOds);
}

// Every damaged variant of a workbook is either a clear error or a grid
// whose problems each say something; never a crash.
void ExpectNoCrash(const std::string& bytes) {
  const absl::StatusOr<Spreadsheet> sheet = ReadSpreadsheetGrid(bytes, "");
  if (!sheet.ok()) {
    EXPECT_FALSE(sheet.status().message().empty());
    return;
  }
  for (const GridProblem& problem : sheet->grid.problems) {
    EXPECT_FALSE(problem.description.empty());
  }
  const GridCohort read = ReadGridCohort(sheet->grid);
  for (const auto& problem : read.problems) {
    EXPECT_FALSE(problem.field().empty());
    EXPECT_FALSE(problem.description().empty());
  }
}

TEST(SpreadsheetFileTest, EveryTruncationIsAProblemNeverACrash) {
  for (const char* name : {"excel-structure.xlsx", "repeats.ods"}) {
    const std::string bytes = SheetBytes(name);
    ASSERT_FALSE(bytes.empty()) << name;
    for (std::size_t size = 0; size < bytes.size(); size += 7) {
      ExpectNoCrash(bytes.substr(0, size));
    }
  }
}

TEST(SpreadsheetFileTest, EveryFlippedByteIsAProblemNeverACrash) {
  for (const char* name : {"excel-structure.xlsx", "repeats.ods"}) {
    const std::string bytes = SheetBytes(name);
    ASSERT_FALSE(bytes.empty()) << name;
    for (std::size_t at = 0; at < bytes.size(); at += 3) {
      std::string damaged = bytes;
      damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
      ExpectNoCrash(damaged);
    }
  }
}

TEST(SpreadsheetFileTest, ZipThatIsNoSpreadsheet) {
  // An .ods without content.xml is just a ZIP archive to us.
  const absl::StatusOr<Spreadsheet> sheet = ReadSpreadsheetGrid(
      std::string("PK\x05\x06", 4) + std::string(18, '\0'), "");
  EXPECT_EQ(sheet.status().message(),
            "the file is a ZIP archive but not an .xlsx or .ods spreadsheet");
}

}  // namespace
}  // namespace sopu::io
