// The report's charts as inline SVG (no script, no external file), each
// with a <title> and a <desc> that gives the numbers in words, so a screen
// reader or a text-only print has the same content.
#ifndef SOPU_SERVICE_RENDER_REPORT_SVG_H_
#define SOPU_SERVICE_RENDER_REPORT_SVG_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/render/staff_words.h"

namespace sopu::service {

// kScoreBands: the histogram's bands of 0.1 from 0 to 1.
inline constexpr int kScoreBands = 10;

// ScoreBandCounts: how many scores fall in each band; 1.0 goes in the last
// band, scores outside 0..1 are clamped.
[[nodiscard]] std::vector<int> ScoreBandCounts(
    const std::vector<double>& scores);

// HistogramLabels: the chart's title, the y axis ("Pairs") and what is
// counted in the description ("pairs").
struct HistogramLabels {
  std::string_view title;
  std::string_view axis;
  std::string_view counted;
};

// ScoreHistogramSvg: a bar chart of ScoreBandCounts(scores). `id` makes the
// title and description ids unique within the page.
[[nodiscard]] std::string ScoreHistogramSvg(const std::vector<double>& scores,
                                            std::string_view id,
                                            const HistogramLabels& labels,
                                            const StaffWords& words);

// ContributionBarsSvg: one horizontal bar per (criterion, mean
// contribution), in the given order.
[[nodiscard]] std::string ContributionBarsSvg(
    const std::vector<std::pair<std::string, double>>& bars,
    std::string_view id, const StaffWords& words);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_REPORT_SVG_H_
