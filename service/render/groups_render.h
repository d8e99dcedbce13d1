// Rendering a GroupsResponse for people: a table (groups with their members'
// names, score, main criteria and facilitator; the rules checked;
// unassigned members and infeasibility explanations) or CSV (one row per
// member, for spreadsheets). Names come from the cohort the user supplied.
#ifndef SOPU_SERVICE_RENDER_GROUPS_RENDER_H_
#define SOPU_SERVICE_RENDER_GROUPS_RENDER_H_

#include <ostream>

#include "service/render/csv_dialect.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

void RenderGroupsTable(const sopu::v1::GroupsResponse& response,
                       const sopu::v1::Cohort& cohort, std::ostream& out);

// RenderGroupsCsv: columns group, key_value, member_id, member_name,
// group_score, mean_pair_score, facilitator_id, facilitator_name, and for
// unassigned members an empty group and the reason in `note`.
void RenderGroupsCsv(const sopu::v1::GroupsResponse& response,
                     const sopu::v1::Cohort& cohort, const CsvDialect& dialect,
                     std::ostream& out);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_GROUPS_RENDER_H_
