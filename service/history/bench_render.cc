#include "service/history/bench_render.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "service/render/report_html.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

using sopu::v1::BenchResult;

std::string Rho(const BenchResult& r) {
  return r.has_spearman() ? FormatFixed(r.spearman(), 3) : "–";
}

std::string GroupRho(const BenchResult& r) {
  return r.has_group_spearman() ? FormatFixed(r.group_spearman(), 3) : "–";
}

// GroupFit: the groups' mean fit, "–" when no group has a fit.
std::string GroupFit(const BenchResult& r) {
  return r.fitted_groups() > 0 ? FormatFixed(r.group_mean_fit(), 3) : "–";
}

std::string Blocking(std::int64_t n) { return n < 0 ? "–" : std::to_string(n); }

// HasGroups: whether any round has historical groups (the table and the
// HTML report show the group columns only then).
bool HasGroups(const BenchOutput& output) {
  return std::any_of(
      output.overall.begin(), output.overall.end(),
      [](const BenchRun& run) { return run.result.historical_groups() > 0; });
}

void TableRow(const BenchResult& r, bool groups, std::ostream& out) {
  out << PadRight(r.cohort(), 16) << ' ' << PadRight(r.policy(), 14) << ' ';
  if (!r.error().empty()) {
    out << r.error() << '\n';
    return;
  }
  out << absl::StrFormat(
      "%6.1f %6.3f %6.3f %6.3f %6.1f %6s %6.3f %6.3f %6.1f %6s %8.3f",
      r.matched_percent(), r.engine().mean(), r.engine().worst(),
      r.engine().spread(), r.engine().goal_coverage_percent(),
      Blocking(r.engine().blocking_pairs()), r.historical().mean(),
      r.historical().worst(), r.agreement_percent(), Rho(r), r.seconds());
  if (groups) {
    out << absl::StrFormat(" %6d %6s %6s", r.historical_groups(), GroupFit(r),
                           GroupRho(r));
  }
  out << '\n';
}

constexpr int kBins = 20;

std::array<double, kBins> Histogram(const std::vector<double>& scores) {
  std::array<double, kBins> bins{};
  for (const double s : scores) {
    const int b = std::clamp(static_cast<int>(s * kBins), 0, kBins - 1);
    bins[static_cast<std::size_t>(b)] += 1.0;
  }
  if (!scores.empty()) {
    for (double& b : bins) b /= static_cast<double>(scores.size());
  }
  return bins;
}

// FitSvg: two overlaid histograms (share of pairs per score bin), the
// engine's in blue and the historical pairs' in orange.
std::string FitSvg(const BenchRun& run) {
  constexpr double kWidth = 560;
  constexpr double kHeight = 220;
  constexpr double kLeft = 40;
  constexpr double kBottom = 30;
  const auto engine = Histogram(run.engine_scores);
  const auto historical = Histogram(run.historical_scores);
  double top = 0.05;
  for (int b = 0; b < kBins; ++b) {
    top = std::max({top, engine[static_cast<std::size_t>(b)],
                    historical[static_cast<std::size_t>(b)]});
  }
  const double plot_w = kWidth - kLeft - 10;
  const double plot_h = kHeight - kBottom - 10;
  const double bar_w = plot_w / kBins;
  std::ostringstream svg;
  svg << absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
      "height=\"%.0f\" role=\"img\">\n",
      kWidth, kHeight);
  svg << absl::StrFormat(
      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
      "stroke=\"#333\"/>\n",
      kLeft, 10 + plot_h, kLeft + plot_w, 10 + plot_h);
  for (int b = 0; b < kBins; ++b) {
    const double x = kLeft + b * bar_w;
    const double he = plot_h * engine[static_cast<std::size_t>(b)] / top;
    const double hh = plot_h * historical[static_cast<std::size_t>(b)] / top;
    svg << absl::StrFormat(
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
        "fill=\"#1f77b4\" fill-opacity=\"0.6\"/>\n",
        x + 1, 10 + plot_h - he, bar_w / 2 - 1, he);
    svg << absl::StrFormat(
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
        "fill=\"#ff7f0e\" fill-opacity=\"0.6\"/>\n",
        x + bar_w / 2, 10 + plot_h - hh, bar_w / 2 - 1, hh);
  }
  for (int tick = 0; tick <= 10; tick += 2) {
    const double x = kLeft + plot_w * tick / 10.0;
    svg << absl::StrFormat(
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
        "text-anchor=\"middle\">%.1f</text>\n",
        x, kHeight - 12, tick / 10.0);
  }
  svg << absl::StrFormat(
      "<text x=\"4\" y=\"20\" font-size=\"11\">%.0f%%</text>\n", 100 * top);
  svg << absl::StrFormat(
      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
      "text-anchor=\"middle\">fit (policy score)</text>\n",
      kLeft + plot_w / 2, kHeight - 1);
  svg << "</svg>\n";
  return svg.str();
}

// SummarySvg: per policy, bars of the engine's and the historical mean fit
// and the Spearman correlation (all on 0..1).
std::string SummarySvg(const BenchOutput& output) {
  const auto n = static_cast<double>(output.overall.size());
  constexpr double kGroup = 150;
  constexpr double kHeight = 200;
  constexpr double kPlot = 150;
  const double width = 40 + kGroup * n;
  std::ostringstream svg;
  svg << absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
      "height=\"%.0f\" role=\"img\">\n",
      width, kHeight);
  svg << absl::StrFormat(
      "<line x1=\"30\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n",
      10 + kPlot, width, 10 + kPlot);
  constexpr std::array<const char*, 3> kColours = {"#1f77b4", "#ff7f0e",
                                                   "#2ca02c"};
  for (std::size_t k = 0; k < output.overall.size(); ++k) {
    const BenchResult& r = output.overall[k].result;
    const std::array<double, 3> values = {
        r.engine().mean(), r.historical().mean(),
        r.has_spearman() ? std::max(0.0, r.spearman()) : 0.0};
    const double x0 = 40 + kGroup * static_cast<double>(k);
    for (std::size_t b = 0; b < values.size(); ++b) {
      const double h = kPlot * std::clamp(values[b], 0.0, 1.0);
      svg << absl::StrFormat(
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"34\" height=\"%.1f\" "
          "fill=\"%s\"/>\n",
          x0 + 38.0 * static_cast<double>(b), 10 + kPlot - h, h, kColours[b]);
      svg << absl::StrFormat(
          "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
          "text-anchor=\"middle\">%.2f</text>\n",
          x0 + 38.0 * static_cast<double>(b) + 17, 8 + kPlot - h, values[b]);
    }
    svg << absl::StrFormat(
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
        "text-anchor=\"middle\">%s</text>\n",
        x0 + 55, kHeight - 20, HtmlEscape(r.policy()));
  }
  svg << "</svg>\n";
  return svg.str();
}

std::string HtmlRow(const BenchResult& r, bool groups) {
  if (!r.error().empty()) {
    return absl::StrCat("<tr><td>", HtmlEscape(r.cohort()), "</td><td>",
                        HtmlEscape(r.policy()), "</td><td colspan=\"",
                        groups ? 14 : 11, "\">", HtmlEscape(r.error()),
                        "</td></tr>\n");
  }
  std::string row = absl::StrFormat(
      "<tr><td>%s</td><td>%s</td><td>%.1f</td><td>%.3f</td><td>%.3f</td>"
      "<td>%.3f</td><td>%.1f</td><td>%s</td><td>%.3f</td><td>%.3f</td>"
      "<td>%.1f</td><td>%s</td><td>%.3f</td>",
      HtmlEscape(r.cohort()), HtmlEscape(r.policy()), r.matched_percent(),
      r.engine().mean(), r.engine().worst(), r.engine().spread(),
      r.engine().goal_coverage_percent(), Blocking(r.engine().blocking_pairs()),
      r.historical().mean(), r.historical().worst(), r.agreement_percent(),
      Rho(r), r.seconds());
  if (groups) {
    absl::StrAppend(&row, "<td>", r.historical_groups(), "</td><td>",
                    GroupFit(r), "</td><td>", GroupRho(r), "</td>");
  }
  return row + "</tr>\n";
}

std::string HtmlHeader(bool groups) {
  return absl::StrCat(
      "<tr><th>round</th><th>policy</th><th>matched %</th><th>mean fit</th>"
      "<th>worst fit</th><th>spread</th><th>goal coverage %</th>"
      "<th>blocking pairs</th><th>historical mean fit</th>"
      "<th>historical worst fit</th><th>agreement %</th>"
      "<th>Spearman &rho;</th><th>seconds</th>",
      groups ? "<th>historical groups</th><th>group mean fit</th>"
               "<th>group Spearman &rho;</th>"
             : "",
      "</tr>\n");
}

}  // namespace

void RenderBenchTable(const BenchOutput& output, std::ostream& out) {
  const bool groups = HasGroups(output);
  out << absl::StrFormat(
      "%-16s %-14s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %8s", "round",
      "policy", "match%", "mean", "worst", "spread", "goals%", "block",
      "h.mean", "h.wrst", "agree%", "rho", "seconds");
  if (groups) {
    out << absl::StrFormat(" %6s %6s %6s", "groups", "g.fit", "g.rho");
  }
  out << '\n';
  for (const BenchRun& run : output.runs) TableRow(run.result, groups, out);
  out << '\n';
  for (const BenchRun& run : output.overall) {
    TableRow(run.result, groups, out);
  }
  out << absl::StrFormat(
      "\n%d rounds × %d policies, objective %s, %d jobs, %.2f s wall\n",
      output.report.rounds(), output.report.policies_size(),
      output.report.objective(), output.report.jobs(),
      output.report.wall_seconds());
}

void RenderBenchCsv(const BenchOutput& output, std::ostream& out) {
  out << "round,policy,mentees,matched,matched_percent,total_fit,mean_fit,"
         "worst_fit,spread,goal_coverage_percent,blocking_pairs,"
         "historical_pairs,historical_forbidden,historical_mean_fit,"
         "historical_worst_fit,historical_spread,"
         "historical_goal_coverage_percent,historical_blocking_pairs,"
         "reproduced,agreement_percent,rated_pairs,spearman,seconds,error,"
         "historical_groups,fitted_groups,group_mean_fit,rated_groups,"
         "group_spearman\r\n";
  auto row = [&out](const BenchResult& r) {
    out << CsvField(r.cohort()) << ',' << CsvField(r.policy()) << ','
        << r.mentees() << ',' << r.matched() << ','
        << FormatFixed(r.matched_percent(), 2) << ','
        << FormatFixed(r.engine().total(), 6) << ','
        << FormatFixed(r.engine().mean(), 6) << ','
        << FormatFixed(r.engine().worst(), 6) << ','
        << FormatFixed(r.engine().spread(), 6) << ','
        << FormatFixed(r.engine().goal_coverage_percent(), 2) << ','
        << r.engine().blocking_pairs() << ',' << r.historical_pairs() << ','
        << r.historical_forbidden() << ','
        << FormatFixed(r.historical().mean(), 6) << ','
        << FormatFixed(r.historical().worst(), 6) << ','
        << FormatFixed(r.historical().spread(), 6) << ','
        << FormatFixed(r.historical().goal_coverage_percent(), 2) << ','
        << r.historical().blocking_pairs() << ',' << r.reproduced() << ','
        << FormatFixed(r.agreement_percent(), 2) << ',' << r.rated_pairs()
        << ',' << (r.has_spearman() ? FormatFixed(r.spearman(), 6) : "") << ','
        << FormatFixed(r.seconds(), 6) << ',' << CsvField(r.error()) << ','
        << r.historical_groups() << ',' << r.fitted_groups() << ','
        << FormatFixed(r.group_mean_fit(), 6) << ',' << r.rated_groups() << ','
        << (r.has_group_spearman() ? FormatFixed(r.group_spearman(), 6) : "")
        << "\r\n";
  };
  for (const BenchRun& run : output.runs) row(run.result);
  for (const BenchRun& run : output.overall) row(run.result);
}

std::string RenderBenchHtml(const BenchOutput& output) {
  const sopu::v1::BenchReport& report = output.report;
  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
          "charset=\"utf-8\">\n<title>sopu bench report</title>\n<style>\n"
          "body{font-family:sans-serif;margin:2em;max-width:1100px}\n"
          "table{border-collapse:collapse;font-size:13px}\n"
          "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}\n"
          "td:first-child,td:nth-child(2){text-align:left}\n"
          ".key span{display:inline-block;width:12px;height:12px;"
          "margin:0 4px 0 12px}\n</style>\n</head>\n<body>\n";
  html << "<h1>Past cohorts replayed</h1>\n";
  html << absl::StrFormat(
      "<p>%d rounds &times; %d policies, objective <b>%s</b>, %d jobs, "
      "%.2f s wall-clock. Fit is the policy's score of a pair (0..1); "
      "&ldquo;historical&rdquo; is the pairs staff made, scored by the same "
      "policy. Definitions: docs/past-cohorts.md.</p>\n",
      report.rounds(), report.policies_size(), HtmlEscape(report.objective()),
      report.jobs(), report.wall_seconds());
  const bool groups = HasGroups(output);
  html << "<h2>Summary per policy</h2>\n<table>\n" << HtmlHeader(groups);
  for (const BenchRun& run : output.overall) {
    html << HtmlRow(run.result, groups);
  }
  html << "</table>\n";
  html << "<p class=\"key\"><span style=\"background:#1f77b4\"></span>engine "
          "mean fit<span style=\"background:#ff7f0e\"></span>historical mean "
          "fit<span style=\"background:#2ca02c\"></span>Spearman &rho; "
          "(fit vs rating)</p>\n";
  html << SummarySvg(output);
  html << "<h2>Distribution of fit: engine vs historical</h2>\n";
  html << "<p class=\"key\"><span style=\"background:#1f77b4\"></span>engine's "
          "pairs<span style=\"background:#ff7f0e\"></span>historical "
          "pairs (share of pairs per 0.05 bin)</p>\n";
  for (const BenchRun& run : output.overall) {
    html << "<h3>" << HtmlEscape(run.result.policy()) << "</h3>\n"
         << FitSvg(run);
  }
  if (groups) {
    html << "<p>Historical groups: a group's fit is its mean pair score "
            "under the policy (as FormGroups reports it); group &rho; is "
            "Spearman's correlation of fit and rating over the rated "
            "groups.</p>\n";
  }
  html << "<h2>Every round</h2>\n<table>\n" << HtmlHeader(groups);
  for (const BenchRun& run : output.runs) html << HtmlRow(run.result, groups);
  html << "</table>\n</body>\n</html>\n";
  return html.str();
}

}  // namespace sopu::service
