// Pieces of HTML the printable report (and a future web page) builds from:
// escaping user text, the context a report is rendered in, and the tables
// every report shares (key figures, the policy). Each function returns a
// fragment; report_page.h assembles the page.
#ifndef SOPU_SERVICE_RENDER_REPORT_HTML_H_
#define SOPU_SERVICE_RENDER_REPORT_HTML_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/render/render_common.h"
#include "service/render/staff_words.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

// ReportContext: what a report needs besides the response. `created` is
// shown as given (the caller formats the time, so rendering stays pure).
struct ReportContext {
  const StaffWords* words = &EnglishWords();
  std::string created;
};

// HtmlEscape escapes & < > " ' so that user text (names, attribute values)
// is never markup, in element content and in quoted attributes alike.
[[nodiscard]] std::string HtmlEscape(std::string_view text);

// KeyFigures: (label, value) rows as a table with row headers,
// `per_row` figures (1 or 2) a table row; labels and values are escaped.
using FigureRows = std::vector<std::pair<std::string, std::string>>;
[[nodiscard]] std::string KeyFiguresHtml(const FigureRows& rows,
                                         std::string_view caption,
                                         std::size_t per_row = 2);

// PolicyTableHtml: the policy's criteria and rules (PolicyRows) as a table,
// named by the page's heading with id "policy-heading".
[[nodiscard]] std::string PolicyTableHtml(const sopu::v1::Policy& policy,
                                          const StaffWords& words);

// HeaderCells: <th scope="col"> cells of `headers`, escaped, in a <thead>.
[[nodiscard]] std::string TableHead(const std::vector<std::string>& headers);

// PersonHtml: the name with the id after it in a quieter style, or the id.
[[nodiscard]] std::string PersonHtml(const std::string& id,
                                     const DisplayNames& names);

// PeopleReasonsTable: a table of people (by id) and why, e.g. the unmatched
// mentees; `rows` are (id, reason) pairs.
[[nodiscard]] std::string PeopleReasonsTable(
    std::string_view person_header, std::string_view reason_header,
    const std::vector<std::pair<std::string, std::string>>& rows,
    const DisplayNames& names);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_REPORT_HTML_H_
