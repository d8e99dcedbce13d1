#include "service/render/xlsx_workbook.h"

#include <filesystem>
#include <set>
#include <string>

#include "gtest/gtest.h"

namespace sopu::service {
namespace {

TEST(SheetName, ReplacesForbiddenCharactersAndCutsToTheLimit) {
  std::set<std::string> used;
  EXPECT_EQ(SheetName("a[b]c:d*e?f/g\\h", used), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(SheetName("'quoted'", used), "quoted");
  EXPECT_EQ(SheetName("", used), "Sheet");
  EXPECT_EQ(SheetName("History", used), "History_");
  // 31 characters, not bytes: ä is two bytes and one character.
  const std::string long_name = "m01 Jääskeläinen-Söderström Tuomas Aleksi";
  const std::string cut = SheetName(long_name, used);
  EXPECT_EQ(cut, "m01 Jääskeläinen-Söderström Tuo");
}

TEST(SheetName, MakesNamesUniqueWithoutCase) {
  std::set<std::string> used;
  EXPECT_EQ(SheetName("Pairs", used), "Pairs");
  EXPECT_EQ(SheetName("pairs", used), "pairs (2)");
  EXPECT_EQ(SheetName("PAIRS", used), "PAIRS (3)");
  const std::string name31(31, 'x');
  EXPECT_EQ(SheetName(name31, used), name31);
  EXPECT_EQ(SheetName(name31, used), std::string(27, 'x') + " (2)");
}

TEST(XlsxWorkbook, WritesAFileAndReportsAnUnwritablePath) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "sopu_xlsx_workbook_test.xlsx")
          .string();
  {
    XlsxWorkbook book(path);
    ASSERT_TRUE(book.status().ok());
    XlsxTable& table = book.AddTable("Pairs", {"Mentor", "Score"});
    table.AddRow({std::string("m1"), XlsxScore{0.5}});
    table.AddRow({std::string("m2"), std::int64_t{3}});
    EXPECT_EQ(table.rows(), 2U);
    EXPECT_TRUE(book.Close().ok());
  }
  EXPECT_GT(std::filesystem::file_size(path), 0U);
  std::filesystem::remove(path);

  XlsxWorkbook bad("/nonexistent-dir/x.xlsx");
  bad.AddTable("Pairs", {"Mentor"});
  EXPECT_FALSE(bad.Close().ok());
}

}  // namespace
}  // namespace sopu::service
