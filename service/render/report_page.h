// ReportPage assembles a printable report: one self-contained HTML file (the
// style inline; no script, font, image or other file fetched) whose print
// style gives clean A4 pages: each <section class="page"> starts a new page
// and table rows are not split across pages.
#ifndef SOPU_SERVICE_RENDER_REPORT_PAGE_H_
#define SOPU_SERVICE_RENDER_REPORT_PAGE_H_

#include <string>
#include <string_view>

#include "service/render/staff_words.h"

namespace sopu::service {

// ReportPage wraps `body` (sections from the report_* fragments) in the
// page with `title` (escaped here) and the language of `words`.
[[nodiscard]] std::string ReportPage(std::string_view title,
                                     const StaffWords& words,
                                     std::string_view body);

// ReportStyle: the page's CSS, for a web page that embeds the fragments.
[[nodiscard]] std::string_view ReportStyle();

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_REPORT_PAGE_H_
