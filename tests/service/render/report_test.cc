// The printable report's fragments: user text is escaped, the page is
// self-contained and accessible, and every mentor and group has a page.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/render/report_groups.h"
#include "service/render/report_match.h"
#include "service/render/report_svg.h"

namespace sopu::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// CountOf: how many times `needle` occurs in `text`.
int CountOf(const std::string& text, const std::string& needle) {
  int count = 0;
  for (auto at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

sopu::v1::Cohort HostileCohort() {
  sopu::v1::Cohort cohort;
  auto add = [&](const std::string& id, const std::string& name) {
    auto* p = cohort.add_participants();
    p->set_id(id);
    p->set_display_name(name);
  };
  add("m1", "<script>alert(1)</script>");
  add("m2", "Åsa \"Q\" & 'Co'");
  add("a1", "Aino");
  add("a2", "Eino");
  add("a3", "Lea");
  return cohort;
}

sopu::v1::MatchResponse TwoMentorMatch() {
  sopu::v1::MatchResponse response;
  auto add = [&](const std::string& mentee, const std::string& mentor,
                 double score) {
    auto* pair = response.add_pairs();
    pair->set_mentee_id(mentee);
    pair->set_mentor_id(mentor);
    pair->set_score(score);
    pair->set_rank_for_mentee(1);
    auto* r = pair->add_reasons();
    r->set_criterion("complement");
    r->set_contribution(score);
  };
  add("a1", "m1", 0.85);
  add("a2", "m2", 0.55);
  auto* u = response.add_unmatched();
  u->set_mentee_id("a3");
  u->set_reason("rule shared-language excludes all 2 mentors");
  response.mutable_summary()->set_mentees(3);
  response.mutable_summary()->set_matched(2);
  response.mutable_policy()->set_name("Spring <2026>");
  return response;
}

TEST(Report, EscapesNamesAndPolicy) {
  const std::string html = RenderMatchReport(TwoMentorMatch(), HostileCohort(),
                                             {.created = "2026-05-04 13:45"});
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("Åsa &quot;Q&quot; &amp; &#39;Co&#39;"));
  EXPECT_THAT(html, HasSubstr("Spring &lt;2026&gt;"));
}

TEST(Report, MatchPageHasASectionPerMentorAndTheUnmatched) {
  const std::string html = RenderMatchReport(TwoMentorMatch(), HostileCohort(),
                                             {.created = "2026-05-04 13:45"});
  EXPECT_THAT(html, HasSubstr("<html lang=\"en\">"));
  // Summary, m1, m2, unmatched.
  EXPECT_EQ(CountOf(html, "<section class=\"page"), 4);
  EXPECT_EQ(CountOf(html, "<h1"), 1);
  EXPECT_THAT(html, HasSubstr("rule shared-language excludes all 2 mentors"));
  EXPECT_THAT(html, HasSubstr("2026-05-04 13:45"));
  // Self-contained: no script, no fetched file.
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(html, HasSubstr("break-before: page"));
}

TEST(Report, ChartsHaveTextAlternatives) {
  const std::string svg = ScoreHistogramSvg(
      {0.85, 0.55, 1.0}, "h",
      {.title = "Scores", .axis = "Pairs", .counted = "pairs"}, EnglishWords());
  EXPECT_THAT(svg, HasSubstr("role=\"img\""));
  EXPECT_THAT(svg, HasSubstr("<title id=\"h-title\">Scores</title>"));
  EXPECT_THAT(svg, HasSubstr("0.5–0.6: 1; 0.6–0.7: 0"));
  EXPECT_THAT(svg, HasSubstr("0.8–0.9: 1; 0.9–1.0: 1"));
  EXPECT_EQ(ScoreBandCounts({0.0, 0.05, 0.99, 1.0, 1.5}),
            (std::vector<int>{2, 0, 0, 0, 0, 0, 0, 0, 0, 3}));
}

TEST(Report, GroupsPageHasASectionPerGroupWithItsFacilitator) {
  sopu::v1::GroupsResponse response;
  for (int k = 1; k <= 2; ++k) {
    auto* g = response.add_groups();
    g->set_number(k);
    g->add_member_ids("a1");
    g->add_member_ids("a2");
    g->set_mean_pair_score(0.4);
    auto* c = g->add_breakdown();
    c->set_criterion("similar-sector");
    c->set_contribution(0.4);
  }
  response.mutable_groups(0)->set_facilitator_id("m2");
  response.mutable_groups(1)->set_facilitator_note("no facilitator left");
  auto* u = response.add_unassigned();
  u->set_id("a3");
  u->set_reason("no value for key region");
  const std::string html =
      RenderGroupsReport(response, HostileCohort(), {.created = "now"});
  EXPECT_EQ(CountOf(html, "<section class=\"page"), 4);
  EXPECT_THAT(html, HasSubstr("Åsa &quot;Q&quot; &amp; &#39;Co&#39; (m2)"));
  EXPECT_THAT(html, HasSubstr("No facilitator: no facilitator left"));
  EXPECT_THAT(html, HasSubstr("no value for key region"));
  EXPECT_THAT(html, HasSubstr("scope=\"col\""));
}

}  // namespace
}  // namespace sopu::service
