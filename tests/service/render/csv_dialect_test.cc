#include "service/render/csv_dialect.h"

#include <sstream>

#include "gtest/gtest.h"
#include "service/render/match_render.h"

namespace sopu::service {
namespace {

constexpr CsvDialect kSemicolon{.delimiter = ';', .decimal_comma = true};

TEST(CsvDialect, QuotesCellsHoldingTheDelimiterOnly) {
  EXPECT_EQ(CsvCell("Virtanen, Aino", CsvDialect{}), "\"Virtanen, Aino\"");
  // With ';' a comma is plain text, a semicolon is not.
  EXPECT_EQ(CsvCell("Virtanen, Aino", kSemicolon), "Virtanen, Aino");
  EXPECT_EQ(CsvCell("a;b", kSemicolon), "\"a;b\"");
  EXPECT_EQ(CsvCell("a\tb", {.delimiter = '\t'}), "\"a\tb\"");
  EXPECT_EQ(CsvCell("say \"hi\"", kSemicolon), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvCell("=1+1", kSemicolon), "'=1+1");
}

TEST(CsvDialect, WritesTheDecimalSeparatorOfTheDialect) {
  EXPECT_EQ(CsvNumber(0.25, 4, CsvDialect{}), "0.2500");
  EXPECT_EQ(CsvNumber(0.25, 4, kSemicolon), "0,2500");
  EXPECT_EQ(CsvHeader("a,b,c", kSemicolon), "a;b;c");
}

TEST(CsvDialect, MatchCsvFollowsTheDialect) {
  sopu::v1::Cohort cohort;
  auto* mentee = cohort.add_participants();
  mentee->set_id("a1");
  mentee->set_display_name("Virtanen, Aino");
  auto* mentor = cohort.add_participants();
  mentor->set_id("m1");
  mentor->set_display_name("Söderström; Johan");
  sopu::v1::MatchResponse response;
  auto* pair = response.add_pairs();
  pair->set_mentee_id("a1");
  pair->set_mentor_id("m1");
  pair->set_score(0.5);
  pair->set_rank_for_mentee(1);
  auto* reason = pair->add_reasons();
  reason->set_criterion("complement");
  reason->set_contribution(0.375);
  auto* unmatched = response.add_unmatched();
  unmatched->set_mentee_id("a2");
  unmatched->set_reason("no mentor left");

  std::ostringstream out;
  RenderMatchCsv(response, cohort, kSemicolon, out);
  EXPECT_EQ(out.str(),
            "\xEF\xBB\xBF"
            "mentee_id;mentee_name;mentor_id;mentor_name;score;rank_for_"
            "mentee;locked;reason_1;contribution_1;reason_2;contribution_2;"
            "reason_3;contribution_3;unmatched_reason\r\n"
            "a1;Virtanen, Aino;m1;\"Söderström; Johan\";0,5000;1;no;"
            "complement;0,3750;;;;;\r\n"
            "a2;;;;;;;;;;;;;no mentor left\r\n");
}

}  // namespace
}  // namespace sopu::service
