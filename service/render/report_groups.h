// The printable report of a GroupsResponse, as fragments: the summary page
// (figures, rules, charts, policy), one card per group (facilitator, main
// criteria, members), the unassigned members and, when the rules cannot all
// hold, why; and the whole page (RenderGroupsReport). Names come from the
// cohort the user supplied and are escaped.
#ifndef SOPU_SERVICE_RENDER_REPORT_GROUPS_H_
#define SOPU_SERVICE_RENDER_REPORT_GROUPS_H_

#include <string>
#include <utility>
#include <vector>

#include "service/render/render_common.h"
#include "service/render/report_html.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// GroupsSummaryHtml: the first page.
[[nodiscard]] std::string GroupsSummaryHtml(
    const sopu::v1::GroupsResponse& response, const ReportContext& context);

// GroupContributionMeans: per criterion, its mean contribution to a group's
// mean pair score (breakdown contribution / member pairs), averaged over the
// groups; largest first.
[[nodiscard]] std::vector<std::pair<std::string, double>>
GroupContributionMeans(const sopu::v1::GroupsResponse& response);

// GroupCardHtml: a page for one group.
[[nodiscard]] std::string GroupCardHtml(const sopu::v1::FormedGroup& group,
                                        const DisplayNames& names,
                                        const StaffWords& words);

// UnassignedHtml: a page of the members in no group and why, and of why
// no groups can be formed (when so).
[[nodiscard]] std::string UnassignedHtml(
    const sopu::v1::GroupsResponse& response, const DisplayNames& names,
    const StaffWords& words);

// RenderGroupsReport: the self-contained printable page: the summary, a
// page per group, the unassigned page.
[[nodiscard]] std::string RenderGroupsReport(
    const sopu::v1::GroupsResponse& response, const sopu::v1::Cohort& cohort,
    const ReportContext& context);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_REPORT_GROUPS_H_
