#include "service/io/zip_archive.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/service/io/sheet_test_util.h"

namespace sopu::io::internal {
namespace {

using io::testing::SheetBytes;

TEST(ZipArchiveTest, ReadsParts) {
  const std::string bytes = SheetBytes("excel-structure.xlsx");
  absl::StatusOr<ZipArchive> archive = ZipArchive::Open(bytes);
  ASSERT_TRUE(archive.ok()) << archive.status();
  EXPECT_TRUE(archive->Has("xl/workbook.xml"));
  EXPECT_FALSE(archive->Has("content.xml"));
  absl::StatusOr<std::string> part = archive->Read("xl/workbook.xml");
  ASSERT_TRUE(part.ok());
  EXPECT_NE(part->find("<sheet name=\"Cohort\""), std::string::npos);
  EXPECT_TRUE(absl::IsNotFound(archive->Read("nope.xml").status()));
}

TEST(ZipArchiveTest, TruncatedArchiveIsDamaged) {
  const std::string bytes = SheetBytes("damaged-truncated.xlsx");
  ASSERT_FALSE(bytes.empty());
  const absl::StatusOr<ZipArchive> archive = ZipArchive::Open(bytes);
  EXPECT_EQ(archive.status().message(),
            "the file is damaged or incomplete (not a readable .xlsx or .ods "
            "archive); save it again from the spreadsheet program");
}

TEST(ZipArchiveTest, ZipBombStopsAtTheCap) {
  const std::string bytes = SheetBytes("damaged-zip-bomb.xlsx");
  ASSERT_LT(bytes.size(), std::size_t{1} << 20U);
  absl::StatusOr<ZipArchive> archive = ZipArchive::Open(bytes);
  ASSERT_TRUE(archive.ok()) << archive.status();
  const absl::StatusOr<std::string> part =
      archive->Read("xl/worksheets/sheet1.xml");
  EXPECT_EQ(part.status().message(),
            "the spreadsheet unpacks to more than 64 MiB, more than sopu "
            "reads; save the sheet as CSV UTF-8");
}

}  // namespace
}  // namespace sopu::io::internal
