#include "service/render/report_match.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "service/render/report_page.h"
#include "service/render/report_svg.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

// ReasonsHtml: the reasons as a list, "complement 0.44".
std::string ReasonsHtml(const Reasons& reasons) {
  if (reasons.empty()) return "";
  std::string html = "<ul class=\"reasons\">";
  for (const auto& r : reasons) {
    absl::StrAppend(&html, "<li>", HtmlEscape(r.criterion()), " ",
                    FormatFixed(r.contribution(), 2), "</li>");
  }
  html += "</ul>";
  return html;
}

// PairsByMentor: the mentors with pairs, in cohort order, with their pairs
// (mentee order).
std::vector<std::pair<std::string, std::vector<const sopu::v1::MatchedPair*>>>
PairsByMentor(const sopu::v1::MatchResponse& response,
              const sopu::v1::Cohort& cohort) {
  std::map<std::string, std::vector<const sopu::v1::MatchedPair*>> by_mentor;
  for (const auto& pair : response.pairs()) {
    by_mentor[pair.mentor_id()].push_back(&pair);
  }
  std::vector<std::pair<std::string, std::vector<const sopu::v1::MatchedPair*>>>
      ordered;
  for (const auto& p : cohort.participants()) {
    auto it = by_mentor.find(p.id());
    if (it == by_mentor.end()) continue;
    ordered.emplace_back(it->first, std::move(it->second));
    by_mentor.erase(it);
  }
  for (auto& [id, pairs] : by_mentor)
    ordered.emplace_back(id, std::move(pairs));
  return ordered;
}

}  // namespace

std::vector<std::pair<std::string, double>> MatchContributionMeans(
    const sopu::v1::MatchResponse& response) {
  std::map<std::string, double> sums;
  for (const auto& pair : response.pairs()) {
    for (const auto& r : pair.reasons())
      sums[r.criterion()] += r.contribution();
  }
  std::vector<std::pair<std::string, double>> means;
  const double n = std::max(1, response.pairs_size());
  for (const auto& [criterion, sum] : sums) {
    if (sum > 0.0) means.emplace_back(criterion, sum / n);
  }
  std::stable_sort(
      means.begin(), means.end(),
      [](const auto& a, const auto& b) { return a.second > b.second; });
  return means;
}

std::string MatchSummaryHtml(const sopu::v1::MatchResponse& response,
                             const ReportContext& context) {
  const StaffWords& w = *context.words;
  const auto& s = response.summary();
  FigureRows rows = {
      {std::string(w.program_policy), PolicyName(response.policy())},
      {std::string(w.objective), MatchObjectiveText(response.objective())},
      {std::string(w.status), MatchStatusText(response.status())},
      {std::string(w.mentees_total), std::to_string(s.mentees())},
      {std::string(w.matched), std::to_string(s.matched())},
      {std::string(w.unmatched), std::to_string(response.unmatched_size())},
      {std::string(w.mean_score), FormatFixed(s.mean(), 3)},
      {std::string(w.worst_score), FormatFixed(s.worst(), 3)},
      {std::string(w.top3), FormatFixed(s.top3_percent(), 0) + "%"},
      {std::string(w.created), context.created},
      {std::string(w.engine_version), response.engine_version()},
  };
  std::vector<double> scores;
  scores.reserve(static_cast<std::size_t>(response.pairs_size()));
  for (const auto& pair : response.pairs()) scores.push_back(pair.score());
  return absl::StrCat(
      "<section class=\"page summary\" aria-labelledby=\"summary-heading\">\n"
      "<h1 id=\"summary-heading\">",
      HtmlEscape(w.match_report_title), "</h1>\n",
      KeyFiguresHtml(rows, w.summary), "<p class=\"note\">",
      HtmlEscape(w.score_scale), "</p>\n", "<div class=\"charts\">",
      "<figure><h2>", HtmlEscape(w.score_distribution), "</h2>",
      ScoreHistogramSvg(scores, "scores",
                        {.title = w.score_distribution,
                         .axis = w.pair_count,
                         .counted = w.pairs_counted},
                        w),
      "</figure>", "<figure><h2>", HtmlEscape(w.criterion_contributions),
      "</h2>",
      ContributionBarsSvg(MatchContributionMeans(response), "criteria", w),
      "</figure></div>\n", "<h2 id=\"policy-heading\">", HtmlEscape(w.policy),
      "</h2>\n", PolicyTableHtml(response.policy(), w), "</section>\n");
}

std::string PairTableHtml(
    const std::vector<const sopu::v1::MatchedPair*>& pairs,
    const DisplayNames& names, const StaffWords& words) {
  std::string html = absl::StrCat(
      "<table class=\"people\"><colgroup><col class=\"c-person\">"
      "<col class=\"c-num\"><col class=\"c-num\"><col></colgroup>",
      TableHead({std::string(words.mentee_name), std::string(words.score),
                 std::string(words.rank_for_mentee),
                 std::string(words.reasons)}),
      "<tbody>");
  for (const sopu::v1::MatchedPair* pair : pairs) {
    absl::StrAppend(&html, "<tr><th scope=\"row\">",
                    PersonHtml(pair->mentee_id(), names), "</th><td>",
                    FormatFixed(pair->score(), 3), "</td><td>",
                    pair->rank_for_mentee(), "</td><td>",
                    ReasonsHtml(pair->reasons()), "</td></tr>\n");
  }
  html += "</tbody></table>\n";
  return html;
}

std::string MentorCardHtml(
    const std::string& mentor_id,
    const std::vector<const sopu::v1::MatchedPair*>& pairs,
    const DisplayNames& names, const StaffWords& words) {
  double total = 0.0;
  for (const auto* pair : pairs) total += pair->score();
  const double mean =
      pairs.empty() ? 0.0 : total / static_cast<double>(pairs.size());
  return absl::StrCat(
      "<section class=\"page card\">\n<h2><span class=\"kind\">",
      HtmlEscape(words.mentor), "</span> ", PersonHtml(mentor_id, names),
      "</h2>\n", "<p class=\"meta\">", HtmlEscape(words.mentees_total), ": ",
      pairs.size(), " · ", HtmlEscape(words.mean_score), ": ",
      FormatFixed(mean, 3), "</p>\n", PairTableHtml(pairs, names, words),
      "</section>\n");
}

std::string UnmatchedHtml(const sopu::v1::MatchResponse& response,
                          const DisplayNames& names, const StaffWords& words) {
  std::string html = absl::StrCat("<section class=\"page\">\n<h2>",
                                  HtmlEscape(words.unmatched), "</h2>\n");
  if (response.unmatched().empty()) {
    absl::StrAppend(&html, "<p>", HtmlEscape(words.no_unmatched), "</p>\n");
  } else {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& u : response.unmatched())
      rows.emplace_back(u.mentee_id(), u.reason());
    html += PeopleReasonsTable(words.mentee_name, words.reason, rows, names);
  }
  html += "</section>\n";
  return html;
}

std::string RenderMatchReport(const sopu::v1::MatchResponse& response,
                              const sopu::v1::Cohort& cohort,
                              const ReportContext& context) {
  const DisplayNames names(cohort);
  const StaffWords& w = *context.words;
  std::string body = MatchSummaryHtml(response, context);
  for (const auto& [mentor, pairs] : PairsByMentor(response, cohort)) {
    body += MentorCardHtml(mentor, pairs, names, w);
  }
  body += UnmatchedHtml(response, names, w);
  return ReportPage(absl::StrCat(std::string(w.match_report_title), " · ",
                                 PolicyName(response.policy())),
                    w, body);
}

}  // namespace sopu::service
