#include "service/render/report_page.h"

#include "absl/strings/str_cat.h"
#include "service/render/report_html.h"

namespace sopu::service {

std::string_view ReportStyle() {
  // Text #1a1a1a and the quieter #4d4d4d on white keep the WCAG AA contrast
  // (4.5:1) at every size used; long words wrap anywhere so that no name
  // runs out of its heading or column.
  return R"css(
:root { color: #1a1a1a; background: #fff; }
body { font: 10.5pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
       margin: 0 auto; max-width: 182mm; padding: 0 4mm;
       overflow-wrap: anywhere; }
h1 { font-size: 20pt; margin: 0 0 4mm; color: #173f5f; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; color: #173f5f; }
section.page > h2:first-child { margin-top: 0; }
.kind { font-weight: normal; color: #4d4d4d; }
.id { font-weight: normal; color: #4d4d4d; font-size: 0.85em; }
.meta, .note { color: #4d4d4d; margin: 0 0 3mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed;
        margin: 0 0 4mm; }
caption { text-align: left; font-weight: bold; padding: 0 0 1mm; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm;
         border-bottom: 1px solid #c8c8c8; }
thead th { border-bottom: 2px solid #173f5f; }
tbody th { font-weight: 600; }
table.figures th { font-weight: normal; }
table.figures-2 th { width: 30%; }
table.figures-2 td { width: 20%; }
table.figures-1 th { width: 30%; }
table.figures td { font-weight: 600; }
col.c-person { width: 38%; }
col.c-name { width: 26%; }
col.c-num { width: 13%; }
col.c-flag { width: 12%; }
ul.reasons, ul.members { margin: 0; padding: 0; list-style: none; }
.charts { display: flex; gap: 6mm; }
.charts figure { flex: 1 1 0; margin: 0; min-width: 0; }
.charts h2 { font-size: 11pt; }
svg.chart { width: 100%; height: auto; font-family: inherit; fill: #1a1a1a; }
section.page { padding: 6mm 0; }
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 17pt; margin-bottom: 3mm; }
  h2 { margin-top: 4mm; }
  th, td { padding: 0.7mm 1.5mm; }
  svg.chart { max-height: 50mm; }
  section.page { break-before: page; padding: 0; }
  section.page:first-of-type { break-before: auto; }
  tr, figure, li { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
)css";
}

std::string ReportPage(std::string_view title, const StaffWords& words,
                       std::string_view body) {
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", HtmlEscape(words.language),
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>",
      HtmlEscape(title), "</title>\n<style>", std::string(ReportStyle()),
      "</style>\n</head>\n<body>\n<main>\n", std::string(body),
      "</main>\n</body>\n</html>\n");
}

}  // namespace sopu::service
