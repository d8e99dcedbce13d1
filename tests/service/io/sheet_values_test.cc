#include "service/io/sheet_values.h"

#include <utility>

#include "gtest/gtest.h"

namespace sopu::io::internal {
namespace {

TEST(SheetValuesTest, WholeNumbersHaveNoDecimals) {
  EXPECT_EQ(FormatSheetNumber(3.0), "3");
  EXPECT_EQ(FormatSheetNumber(-12.0), "-12");
  EXPECT_EQ(FormatSheetNumber(3.5), "3.5");
  EXPECT_EQ(FormatSheetNumber(0.1), "0.1");
  EXPECT_EQ(FormatSheetNumber(61.4978), "61.4978");
}

TEST(SheetValuesTest, DateSerials) {
  EXPECT_EQ(SerialToIsoDate(45658, false), "2025-01-01");
  EXPECT_EQ(SerialToIsoDate(1, false), "1900-01-01");
  EXPECT_EQ(SerialToIsoDate(61, false), "1900-03-01");
  EXPECT_EQ(SerialToIsoDate(45658.5625, false), "2025-01-01T13:30:00");
  EXPECT_EQ(SerialToIsoDate(0, true), "1904-01-01");
  EXPECT_EQ(SerialToIsoDate(-1, false), std::nullopt);
}

TEST(SheetValuesTest, IsoDatesToSerials) {
  EXPECT_EQ(IsoDateToSerial("2025-01-01"), 45658);
  EXPECT_EQ(IsoDateToSerial("2025-01-15T10:00:00"), 45672);
  EXPECT_EQ(IsoDateToSerial("2025-02-30"), std::nullopt);
  EXPECT_EQ(IsoDateToSerial("15.1.2025"), std::nullopt);
}

TEST(SheetValuesTest, CellReferences) {
  EXPECT_EQ(ParseCellReference("C4"), std::make_pair(4, 3));
  EXPECT_EQ(ParseCellReference("AA10"), std::make_pair(10, 27));
  EXPECT_EQ(ParseCellReference("XFD1048576"), std::make_pair(1048576, 16384));
  EXPECT_EQ(ParseCellReference("XFE1"), std::nullopt);
  EXPECT_EQ(ParseCellReference("A0"), std::nullopt);
  EXPECT_EQ(ParseCellReference("4"), std::nullopt);
  EXPECT_EQ(ParseCellReference("C"), std::nullopt);
}

}  // namespace
}  // namespace sopu::io::internal
