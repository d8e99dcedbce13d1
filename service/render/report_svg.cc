#include "service/render/report_svg.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/substitute.h"
#include "service/render/report_html.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

// The charts' coordinate systems (viewBox units; the SVG scales to its
// column). Colours: bars #1f5f8b and text #1a1a1a on white, both above the
// WCAG AA contrast of 4.5:1.
constexpr double kWidth = 320;
constexpr double kHistogramHeight = 190;
constexpr double kPlotLeft = 34;
constexpr double kPlotRight = 312;
constexpr double kPlotTop = 16;
constexpr double kPlotBottom = 158;
constexpr double kBarRow = 22;
constexpr double kLabelWidth = 118;
constexpr std::size_t kLabelChars = 18;

// SvgOpen: the <svg> element with its accessible name and description.
std::string SvgOpen(double height, std::string_view id, std::string_view title,
                    std::string_view desc) {
  return absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
      "role=\"img\" aria-labelledby=\"%s-title %s-desc\" class=\"chart\">"
      "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>\n",
      kWidth, height, id, id, id, HtmlEscape(title), id, HtmlEscape(desc));
}

}  // namespace

std::vector<int> ScoreBandCounts(const std::vector<double>& scores) {
  std::vector<int> counts(kScoreBands, 0);
  for (double s : scores) {
    const int band =
        std::clamp(static_cast<int>(s * kScoreBands), 0, kScoreBands - 1);
    ++counts[static_cast<std::size_t>(band)];
  }
  return counts;
}

std::string ScoreHistogramSvg(const std::vector<double>& scores,
                              std::string_view id,
                              const HistogramLabels& labels,
                              const StaffWords& words) {
  const std::vector<int> counts = ScoreBandCounts(scores);
  std::string numbers;
  for (int b = 0; b < kScoreBands; ++b) {
    absl::StrAppend(&numbers, b > 0 ? "; " : "",
                    FormatFixed(b / double{kScoreBands}, 1), "–",
                    FormatFixed((b + 1) / double{kScoreBands}, 1), ": ",
                    counts[static_cast<std::size_t>(b)]);
  }
  std::string svg =
      SvgOpen(kHistogramHeight, id, labels.title,
              absl::Substitute(std::string(words.histogram_alt), numbers,
                               std::string(labels.counted)));
  const int most = std::max(1, *std::max_element(counts.begin(), counts.end()));
  const double band_width = (kPlotRight - kPlotLeft) / kScoreBands;
  const double plot_height = kPlotBottom - kPlotTop;
  for (int b = 0; b < kScoreBands; ++b) {
    const int count = counts[static_cast<std::size_t>(b)];
    const double height = plot_height * count / most;
    const double x = kPlotLeft + b * band_width;
    if (count > 0) {
      absl::StrAppendFormat(
          &svg,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
          "fill=\"#1f5f8b\"/><text x=\"%.1f\" y=\"%.1f\" "
          "text-anchor=\"middle\" font-size=\"10\">%d</text>\n",
          x + 2, kPlotBottom - height, band_width - 4, height,
          x + band_width / 2, kPlotBottom - height - 3, count);
    }
  }
  // Axis, and tick labels at 0, 0.5 and 1.
  absl::StrAppendFormat(&svg,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        "stroke=\"#1a1a1a\"/>\n",
                        kPlotLeft, kPlotBottom, kPlotRight, kPlotBottom);
  for (int tick = 0; tick <= 2; ++tick) {
    absl::StrAppendFormat(&svg,
                          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                          "font-size=\"10\">%s</text>\n",
                          kPlotLeft + (kPlotRight - kPlotLeft) * tick / 2,
                          kPlotBottom + 13, FormatFixed(tick / 2.0, 1));
  }
  absl::StrAppendFormat(
      &svg,
      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
      "font-size=\"10\">%s</text>\n"
      "<text x=\"10\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" "
      "transform=\"rotate(-90 10 %.1f)\">%s</text>\n",
      (kPlotLeft + kPlotRight) / 2, kPlotBottom + 28, HtmlEscape(words.score),
      (kPlotTop + kPlotBottom) / 2, (kPlotTop + kPlotBottom) / 2,
      HtmlEscape(labels.axis));
  svg += "</svg>";
  return svg;
}

std::string ContributionBarsSvg(
    const std::vector<std::pair<std::string, double>>& bars,
    std::string_view id, const StaffWords& words) {
  std::string numbers;
  double most = 0.0;
  for (const auto& [criterion, value] : bars) {
    absl::StrAppend(&numbers, numbers.empty() ? "" : "; ", criterion, ": ",
                    FormatFixed(value, 2));
    most = std::max(most, value);
  }
  if (most <= 0.0) most = 1.0;
  const double height = kBarRow * static_cast<double>(bars.size()) + 12;
  std::string svg =
      SvgOpen(height, id, words.criterion_contributions,
              absl::Substitute(std::string(words.criterion_contributions_alt),
                               numbers));
  const double plot_width = kWidth - kLabelWidth - 40;
  double y = 6;
  for (const auto& [criterion, value] : bars) {
    std::string label = criterion;
    if (DisplayWidth(label) > kLabelChars) label = PadRight(label, kLabelChars);
    const double width = plot_width * value / most;
    absl::StrAppendFormat(
        &svg,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
        "font-size=\"10\">%s</text><rect x=\"%.1f\" y=\"%.1f\" "
        "width=\"%.1f\" height=\"%.1f\" fill=\"#1f5f8b\"/><text x=\"%.1f\" "
        "y=\"%.1f\" font-size=\"10\">%s</text>\n",
        kLabelWidth - 6, y + 13, HtmlEscape(label), kLabelWidth, y + 3, width,
        kBarRow - 8, kLabelWidth + width + 4, y + 13, FormatFixed(value, 2));
    y += kBarRow;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace sopu::service
