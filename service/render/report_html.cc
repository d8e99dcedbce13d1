#include "service/render/report_html.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "service/render/policy_rows.h"
#include "service/render/text_table.h"

namespace sopu::service {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string TableHead(const std::vector<std::string>& headers) {
  std::string html = "<thead><tr>";
  for (const std::string& h : headers) {
    absl::StrAppend(&html, "<th scope=\"col\">", HtmlEscape(h), "</th>");
  }
  html += "</tr></thead>";
  return html;
}

std::string KeyFiguresHtml(const FigureRows& rows, std::string_view caption,
                           std::size_t per_row) {
  // Two figures a row let the summary page fit one A4 page with its charts
  // and policy; a card's few, longer figures read better one a row.
  per_row = std::clamp<std::size_t>(per_row, 1, 2);
  std::string html =
      absl::StrCat("<table class=\"figures figures-", per_row, "\"><caption>",
                   HtmlEscape(caption), "</caption><tbody>");
  for (std::size_t i = 0; i < rows.size(); i += per_row) {
    html += "<tr>";
    for (std::size_t k = i; k < std::min(i + per_row, rows.size()); ++k) {
      absl::StrAppend(&html, "<th scope=\"row\">", HtmlEscape(rows[k].first),
                      "</th><td>", HtmlEscape(rows[k].second), "</td>");
    }
    html += "</tr>";
  }
  html += "</tbody></table>\n";
  return html;
}

std::string PolicyTableHtml(const sopu::v1::Policy& policy,
                            const StaffWords& words) {
  // Named by the heading before it (the summary page's "Policy").
  std::string html = absl::StrCat(
      "<table class=\"policy\" "
      "aria-labelledby=\"policy-heading\"><colgroup><col class=\"c-name\"><col "
      "class=\"c-num\">"
      "<col class=\"c-flag\"><col></colgroup>",
      TableHead({std::string(words.criterion), std::string(words.share),
                 std::string(words.must_hold), std::string(words.details)}),
      "<tbody>");
  for (const PolicyRow& row : PolicyRows(policy, words)) {
    const bool rule = row.kind == "rule";
    absl::StrAppend(
        &html, "<tr><th scope=\"row\">", HtmlEscape(row.name), "</th><td>",
        rule ? std::string() : FormatFixed(100.0 * row.share, 0) + "%",
        "</td><td>", HtmlEscape(row.hard ? words.yes : words.no), "</td><td>",
        HtmlEscape(row.details), "</td></tr>");
  }
  html += "</tbody></table>\n";
  return html;
}

std::string PersonHtml(const std::string& id, const DisplayNames& names) {
  const std::string_view name = names.Of(id);
  if (name.empty()) return HtmlEscape(id);
  return absl::StrCat(HtmlEscape(name), " <span class=\"id\">", HtmlEscape(id),
                      "</span>");
}

std::string PeopleReasonsTable(
    std::string_view person_header, std::string_view reason_header,
    const std::vector<std::pair<std::string, std::string>>& rows,
    const DisplayNames& names) {
  std::string html = absl::StrCat(
      "<table class=\"people\"><colgroup><col class=\"c-person\">"
      "<col></colgroup>",
      TableHead({std::string(person_header), std::string(reason_header)}),
      "<tbody>");
  for (const auto& [id, reason] : rows) {
    absl::StrAppend(&html, "<tr><th scope=\"row\">", PersonHtml(id, names),
                    "</th><td>", HtmlEscape(reason), "</td></tr>\n");
  }
  html += "</tbody></table>\n";
  return html;
}

}  // namespace sopu::service
