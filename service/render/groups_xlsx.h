// WriteGroupsXlsx writes a GroupsResponse as an Excel workbook for staff:
// Summary (with why no groups can be formed, when so), Groups (one row per
// member with the group number), Unassigned (with the reasons), Rules,
// Policy, then one sheet per group with its facilitator and members (the
// first kMaxPersonSheets groups; the summary says where the rest are).
#ifndef SOPU_SERVICE_RENDER_GROUPS_XLSX_H_
#define SOPU_SERVICE_RENDER_GROUPS_XLSX_H_

#include <string>

#include "absl/status/status.h"
#include "service/render/staff_words.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] absl::Status WriteGroupsXlsx(
    const sopu::v1::GroupsResponse& response, const sopu::v1::Cohort& cohort,
    const std::string& path, const StaffWords& words = EnglishWords());

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_GROUPS_XLSX_H_
