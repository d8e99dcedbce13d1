#include "service/io/json_files.h"

#include "gtest/gtest.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::io {
namespace {

std::string ParseError(const std::string& json) {
  sopu::v1::Cohort cohort;
  const absl::Status status = ParseJson(json, cohort);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  return std::string(status.message());
}

// Review finding: parse errors quoted input values (names) verbatim.
TEST(JsonFiles, ParseErrorsKeepThePathAndDropTheValue) {
  EXPECT_EQ(ParseError(R"({"participants":[{"capacity":"Aino Virtanen"}]})"),
            "at participants[0].capacity: expected a number");
  EXPECT_EQ(ParseError(R"({"participants":[{"goals":{"x":"Virtanen"}}]})"),
            "at participants[0].goals[0].value: expected a number");
  EXPECT_EQ(ParseError(R"({"participants":[{"roles":["Aino"]}]})"),
            "at participants[0].roles[0]: not one of the allowed names (see "
            "docs/json-format.md)");
  EXPECT_EQ(ParseError(R"({"Aino": 1})"),
            "an unknown field name; check the spelling against "
            "docs/json-format.md");
  EXPECT_EQ(ParseError(R"({"participants":[{"id":"Aino" "x":1}]})"),
            "not valid JSON; check quotes, commas and brackets");
}

TEST(JsonFiles, BomIsIgnoredAndProtoNamesAccepted) {
  sopu::v1::Cohort cohort;
  ASSERT_TRUE(ParseJson("\xEF\xBB\xBF{\"participants\":[{\"display_name\":"
                        "\"Äijä\"}]}",
                        cohort)
                  .ok());
  EXPECT_EQ(cohort.participants(0).display_name(), "Äijä");
}

}  // namespace
}  // namespace sopu::io
