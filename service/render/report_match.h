// The printable report of a MatchResponse, as fragments a page (or a future
// web page) puts together: the summary page, one card per mentor with their
// mentees and the reasons, the unmatched mentees with their reasons, and
// the whole page (RenderMatchReport). Names come from the cohort the user
// supplied and are escaped.
#ifndef SOPU_SERVICE_RENDER_REPORT_MATCH_H_
#define SOPU_SERVICE_RENDER_REPORT_MATCH_H_

#include <string>
#include <vector>

#include "service/render/render_common.h"
#include "service/render/report_html.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// MatchSummaryHtml: the first page: title, key figures, charts, policy.
[[nodiscard]] std::string MatchSummaryHtml(
    const sopu::v1::MatchResponse& response, const ReportContext& context);

// MatchContributionMeans: per criterion of the pairs' reasons, its mean
// contribution over all pairs (0 where not among a pair's main reasons),
// largest first.
[[nodiscard]] std::vector<std::pair<std::string, double>>
MatchContributionMeans(const sopu::v1::MatchResponse& response);

// PairTableHtml: a table of `pairs` (one mentor's mentees): mentee, score,
// rank for the mentee, and the main reasons in words.
[[nodiscard]] std::string PairTableHtml(
    const std::vector<const sopu::v1::MatchedPair*>& pairs,
    const DisplayNames& names, const StaffWords& words);

// MentorCardHtml: a page for one mentor and their pairs.
[[nodiscard]] std::string MentorCardHtml(
    const std::string& mentor_id,
    const std::vector<const sopu::v1::MatchedPair*>& pairs,
    const DisplayNames& names, const StaffWords& words);

// UnmatchedHtml: a page of the unmatched mentees and why.
[[nodiscard]] std::string UnmatchedHtml(const sopu::v1::MatchResponse& response,
                                        const DisplayNames& names,
                                        const StaffWords& words);

// RenderMatchReport: the self-contained printable page: the summary, a
// page per mentor with mentees (cohort order), the unmatched page.
[[nodiscard]] std::string RenderMatchReport(
    const sopu::v1::MatchResponse& response, const sopu::v1::Cohort& cohort,
    const ReportContext& context);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_REPORT_MATCH_H_
