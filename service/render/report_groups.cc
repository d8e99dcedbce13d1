#include "service/render/report_groups.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "service/render/report_page.h"
#include "service/render/report_svg.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

// MemberPairs: how many member pairs a group of `size` has.
double MemberPairs(int size) { return size * (size - 1) / 2.0; }

std::string RulesHtml(const sopu::v1::GroupsResponse& response,
                      const StaffWords& w) {
  if (response.rules().empty()) return "";
  std::string html = absl::StrCat(
      "<table class=\"rules\"><caption>", HtmlEscape(w.rules),
      "</caption><colgroup><col><col class=\"c-num\"><col class=\"c-num\">"
      "</colgroup>",
      TableHead({std::string(w.rule), std::string(w.holds),
                 std::string(w.times_broken)}),
      "<tbody>");
  for (const auto& r : response.rules()) {
    absl::StrAppend(&html, "<tr><th scope=\"row\">", HtmlEscape(r.rule()),
                    "</th><td>", HtmlEscape(r.holds() ? w.yes : w.no),
                    "</td><td>", r.violations(), "</td></tr>");
  }
  html += "</tbody></table>\n";
  return html;
}

}  // namespace

std::vector<std::pair<std::string, double>> GroupContributionMeans(
    const sopu::v1::GroupsResponse& response) {
  std::map<std::string, double> sums;
  int groups = 0;
  for (const auto& g : response.groups()) {
    const double pairs = MemberPairs(g.member_ids_size());
    if (pairs <= 0.0) continue;
    ++groups;
    for (const auto& c : g.breakdown()) {
      sums[c.criterion()] += c.contribution() / pairs;
    }
  }
  std::vector<std::pair<std::string, double>> means;
  for (const auto& [criterion, sum] : sums) {
    // A criterion that only forbids (weight 0) adds nothing to show.
    if (sum <= 0.0) continue;
    means.emplace_back(criterion, sum / std::max(1, groups));
  }
  std::stable_sort(
      means.begin(), means.end(),
      [](const auto& a, const auto& b) { return a.second > b.second; });
  return means;
}

std::string GroupsSummaryHtml(const sopu::v1::GroupsResponse& response,
                              const ReportContext& context) {
  const StaffWords& w = *context.words;
  const auto& s = response.summary();
  const FigureRows rows = {
      {std::string(w.program_policy), PolicyName(response.policy())},
      {std::string(w.status), GroupsStatusText(response.status())},
      {std::string(w.members_total), std::to_string(s.members())},
      {std::string(w.assigned), std::to_string(s.assigned())},
      {std::string(w.groups), std::to_string(s.groups())},
      {std::string(w.unassigned), std::to_string(response.unassigned_size())},
      {std::string(w.worst_mean_pair),
       FormatFixed(s.worst_mean_pair_score(), 3)},
      {std::string(w.total_score), FormatFixed(s.total(), 3)},
      {std::string(w.upper_bound), FormatFixed(s.upper_bound(), 3)},
      {std::string(w.seed), std::to_string(s.seed())},
      {std::string(w.created), context.created},
      {std::string(w.engine_version), response.engine_version()},
  };
  std::vector<double> means;
  for (const auto& g : response.groups()) means.push_back(g.mean_pair_score());
  return absl::StrCat(
      "<section class=\"page summary\" aria-labelledby=\"summary-heading\">\n"
      "<h1 id=\"summary-heading\">",
      HtmlEscape(w.groups_report_title), "</h1>\n",
      KeyFiguresHtml(rows, w.summary), RulesHtml(response, w),
      "<p class=\"note\">", HtmlEscape(w.score_scale), "</p>\n",
      "<div class=\"charts\"><figure><h2>",
      HtmlEscape(w.group_score_distribution), "</h2>",
      ScoreHistogramSvg(means, "scores",
                        {.title = w.group_score_distribution,
                         .axis = w.group_count,
                         .counted = w.groups_counted},
                        w),
      "</figure><figure><h2>", HtmlEscape(w.criterion_contributions), "</h2>",
      ContributionBarsSvg(GroupContributionMeans(response), "criteria", w),
      "</figure></div>\n<h2 id=\"policy-heading\">", HtmlEscape(w.policy),
      "</h2>\n", PolicyTableHtml(response.policy(), w), "</section>\n");
}

std::string GroupCardHtml(const sopu::v1::FormedGroup& g,
                          const DisplayNames& names, const StaffWords& w) {
  std::string html = absl::StrCat(
      "<section class=\"page card\">\n<h2><span class=\"kind\">",
      HtmlEscape(w.group), "</span> ", g.number(),
      g.key_value().empty() ? std::string()
                            : absl::StrCat(" · ", HtmlEscape(g.key_value())),
      "</h2>\n<p class=\"meta\">", HtmlEscape(w.members_total), ": ",
      g.member_ids_size(), " · ", HtmlEscape(w.mean_pair_score), ": ",
      FormatFixed(g.mean_pair_score(), 3), " · ", HtmlEscape(w.group_score),
      ": ", FormatFixed(g.score(), 3), "</p>\n");
  FigureRows rows;
  if (!g.facilitator_id().empty()) {
    const std::string_view name = names.Of(g.facilitator_id());
    rows.emplace_back(
        std::string(w.facilitator),
        absl::StrCat(name.empty() ? g.facilitator_id() : std::string(name),
                     " (", g.facilitator_id(), ") · ",
                     std::string(w.facilitator_fit), " ",
                     FormatFixed(g.facilitator_fit(), 3)));
  } else if (!g.facilitator_note().empty()) {
    rows.emplace_back(std::string(w.facilitator),
                      absl::StrCat(std::string(w.no_facilitator), ": ",
                                   g.facilitator_note()));
  }
  std::string criteria;
  for (const auto& c : g.breakdown()) {
    if (c.contribution() <= 0.0) break;
    absl::StrAppend(&criteria, criteria.empty() ? "" : " · ", c.criterion(),
                    " ", FormatFixed(c.contribution(), 2));
  }
  if (!criteria.empty())
    rows.emplace_back(std::string(w.main_criteria), criteria);
  if (!rows.empty()) html += KeyFiguresHtml(rows, w.summary, 1);
  absl::StrAppend(&html, "<table class=\"people\"><caption>",
                  HtmlEscape(w.members_heading),
                  "</caption><colgroup><col class=\"c-num\"><col></colgroup>",
                  TableHead({"#", std::string(w.member_name)}), "<tbody>");
  int k = 0;
  for (const auto& id : g.member_ids()) {
    absl::StrAppend(&html, "<tr><td>", ++k, "</td><th scope=\"row\">",
                    PersonHtml(id, names), "</th></tr>\n");
  }
  html += "</tbody></table>\n</section>\n";
  return html;
}

std::string UnassignedHtml(const sopu::v1::GroupsResponse& response,
                           const DisplayNames& names, const StaffWords& w) {
  std::string html = absl::StrCat("<section class=\"page\">\n<h2>",
                                  HtmlEscape(w.unassigned), "</h2>\n");
  if (!response.infeasible().empty()) {
    absl::StrAppend(&html, "<h3>", HtmlEscape(w.why_no_groups), "</h3>\n<ul>");
    for (const auto& f : response.infeasible()) {
      absl::StrAppend(&html, "<li>", HtmlEscape(f.explanation()), "</li>");
    }
    html += "</ul>\n";
  }
  if (response.unassigned().empty()) {
    absl::StrAppend(&html, "<p>", HtmlEscape(w.no_unassigned), "</p>\n");
  } else {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& u : response.unassigned())
      rows.emplace_back(u.id(), u.reason());
    html += PeopleReasonsTable(w.member_name, w.reason, rows, names);
  }
  html += "</section>\n";
  return html;
}

std::string RenderGroupsReport(const sopu::v1::GroupsResponse& response,
                               const sopu::v1::Cohort& cohort,
                               const ReportContext& context) {
  const DisplayNames names(cohort);
  const StaffWords& w = *context.words;
  std::string body = GroupsSummaryHtml(response, context);
  for (const auto& g : response.groups()) body += GroupCardHtml(g, names, w);
  body += UnassignedHtml(response, names, w);
  return ReportPage(absl::StrCat(std::string(w.groups_report_title), " · ",
                                 PolicyName(response.policy())),
                    w, body);
}

}  // namespace sopu::service
