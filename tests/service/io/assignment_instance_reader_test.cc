#include "service/io/assignment_instance_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sopu::io {
namespace {

std::string ErrorOf(const std::string& text) {
  const absl::StatusOr<AssignmentInstance> r = ParseAssignmentInstance(text);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(r.status().message());
}

TEST(AssignmentInstanceReaderTest, ReadsScoresCapacitiesAndForbiddenPairs) {
  const absl::StatusOr<AssignmentInstance> r =
      ParseAssignmentInstance("2 3\n1 0 2\n5 x -3\n-inf 12.25 +7\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 2);
  EXPECT_EQ(r->cols, 3);
  EXPECT_EQ(r->capacity, (std::vector<int>{1, 0, 2}));
  EXPECT_EQ(r->scores, (std::vector<double>{5, 0, -3, 0, 12.25, 7}));
  EXPECT_EQ(r->forbidden, (std::vector<std::uint8_t>{0, 1, 0, 1, 0, 0}));
  EXPECT_EQ(r->decimals, 2);
}

TEST(AssignmentInstanceReaderTest, IntegerInstanceWithoutForbiddenPairs) {
  const absl::StatusOr<AssignmentInstance> r =
      ParseAssignmentInstance("1 2 1 1 3 4");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->forbidden.empty());
  EXPECT_EQ(r->decimals, 0);
}

TEST(AssignmentInstanceReaderTest, MalformedInputNamesLineAndToken) {
  EXPECT_EQ(ErrorOf(""), "line 1: empty file, expected rows cols");
  EXPECT_EQ(ErrorOf("-2 3"),
            "line 1, token 1 \"-2\": expected the number of rows (an integer "
            "0..1048576)");
  EXPECT_EQ(ErrorOf("2"), "line 1: file ends before the number of columns");
  EXPECT_EQ(ErrorOf("1 2\n1 -1\n"),
            "line 2, token 2 \"-1\": expected a capacity (an integer >= 0)");
  EXPECT_EQ(ErrorOf("1 2\n1\n"), "line 3: file ends after 1 of 2 capacities");
  EXPECT_EQ(ErrorOf("2 2\n1 1\n3 4\n5 1e5\n"),
            "line 4, token 2 \"1e5\": expected a plain decimal number, x or "
            "-inf");
  EXPECT_EQ(ErrorOf("2 2\n1 1\n3 4\n5\n"),
            "line 5: file ends after 3 of 4 scores");
  EXPECT_EQ(ErrorOf("1 1\n1\n3 4\n"),
            "line 3, token 2 \"4\": unexpected token after the 1 scores");
  EXPECT_EQ(ErrorOf("1 1\n1\n.\n"),
            "line 3, token 1 \".\": expected a plain decimal number, x or "
            "-inf");
}

// Review findings: a 30-byte file could ask for gigabytes, and scores near
// the double range overflowed the solver.
TEST(AssignmentInstanceReaderTest, RefusesSizesAndScoresItCannotHold) {
  EXPECT_EQ(ErrorOf("1048576 1024\n1\n"),
            "line 1, token 2 \"1024\": the file is too short for 1073741824 "
            "scores");
  EXPECT_EQ(ErrorOf("2 1\n1\n1000000000000001\n5\n"),
            "line 3, token 1 \"1000000000000001\": score magnitude above "
            "1e15");
  const absl::StatusOr<AssignmentInstance> edge =
      ParseAssignmentInstance("1 1\n1\n-1000000000000000\n");
  ASSERT_TRUE(edge.ok()) << edge.status();
}

TEST(AssignmentInstanceReaderTest, MissingFileIsNotFound) {
  const absl::StatusOr<AssignmentInstance> r =
      ReadAssignmentInstance("/nonexistent/instance.txt");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(), "/nonexistent/instance.txt: cannot open");
}

}  // namespace
}  // namespace sopu::io
