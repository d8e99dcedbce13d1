#include "service/io/csv_grid.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu::io {
namespace {

using ::testing::ElementsAre;

// Rows renders each row as "N: a|b|c".
std::vector<std::string> Rows(const CsvGrid& csv) {
  std::vector<std::string> lines;
  for (const GridRow& row : csv.grid.rows) {
    std::string line = std::to_string(row.row) + ":";
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      line += (i == 0 ? " " : "|") + row.cells[i].text;
    }
    lines.push_back(line);
  }
  return lines;
}

TEST(CsvGridTest, SepLineSetsTheDelimiterAndIsNotARow) {
  const CsvGrid csv = ParseCsvGrid("sep=;\r\nid;goal.a\r\na1;3,5\r\n");
  EXPECT_EQ(csv.delimiter, ';');
  EXPECT_TRUE(csv.sep_line);
  EXPECT_THAT(Rows(csv), ElementsAre("1: id|goal.a", "2: a1|3,5"));
}

TEST(CsvGridTest, SepLineWinsOverDetection) {
  // The header has more semicolons, but the sep= line says comma.
  const CsvGrid csv = ParseCsvGrid("sep=,\nid,\"a;b;c\"\nx,y\n");
  EXPECT_EQ(csv.delimiter, ',');
  EXPECT_THAT(Rows(csv), ElementsAre("1: id|a;b;c", "2: x|y"));
}

TEST(CsvGridTest, SepLineWithTabQuotedOrAfterBom) {
  EXPECT_EQ(ParseCsvGrid("sep=\t\nid\n").delimiter, '\t');
  EXPECT_EQ(ParseCsvGrid("sep=\\t\nid\n").delimiter, '\t');
  EXPECT_EQ(ParseCsvGrid("\"sep=;\"\nid,x\n").delimiter, ';');
  EXPECT_EQ(ParseCsvGrid("\xEF\xBB\xBFsep=;\nid,x,y\n").delimiter, ';');
}

TEST(CsvGridTest, NoSepLine) {
  const CsvGrid csv = ParseCsvGrid("separator;id\nx;y\n");
  EXPECT_FALSE(csv.sep_line);
  EXPECT_EQ(csv.delimiter, ';');
  EXPECT_THAT(Rows(csv), ElementsAre("1: separator|id", "2: x|y"));
}

TEST(CsvGridTest, EmptyLinesKeepTheirRowNumbers) {
  const CsvGrid csv = ParseCsvGrid("Title\r\n\r\nid,x\r\n");
  EXPECT_THAT(Rows(csv), ElementsAre("1: Title", "2:", "3: id|x"));
}

TEST(CsvGridTest, UnclosedQuoteIsAProblemAtItsCell) {
  const CsvGrid csv = ParseCsvGrid("id,name\na1,\"Anna\nb1,x\n");
  ASSERT_EQ(csv.grid.problems.size(), 1u);
  EXPECT_EQ(csv.grid.problems[0].row, 2);
  EXPECT_EQ(csv.grid.problems[0].column, 2);
  EXPECT_THAT(Rows(csv), ElementsAre("1: id|name", "2: a1|"));
}

}  // namespace
}  // namespace sopu::io
