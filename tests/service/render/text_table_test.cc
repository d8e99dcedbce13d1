#include "service/render/text_table.h"

#include "gtest/gtest.h"

namespace sopu::service {
namespace {

TEST(TextTable, CsvFieldQuotesAndGuardsFormulas) {
  EXPECT_EQ(CsvField("Aino"), "Aino");
  EXPECT_EQ(CsvField("Virtanen, Aino"), "\"Virtanen, Aino\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  // Review finding: cells a spreadsheet would run as formulas.
  EXPECT_EQ(CsvField("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  EXPECT_EQ(CsvField("+358"), "'+358");
  EXPECT_EQ(CsvField("-x"), "'-x");
  EXPECT_EQ(CsvField("@a,b"), "\"'@a,b\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(TextTable, WidthsCountCodePoints) {
  EXPECT_EQ(DisplayWidth("Äijä"), 4U);
  EXPECT_EQ(PadRight("Åsa", 5), "Åsa  ");
  EXPECT_EQ(PadRight("Jääskeläinen", 5), "Jääs…");
}

}  // namespace
}  // namespace sopu::service
