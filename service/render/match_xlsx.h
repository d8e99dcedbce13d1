// WriteMatchXlsx writes a MatchResponse as an Excel workbook for staff:
// Summary, Pairs (one row per pair), Unmatched (with the reasons), Policy,
// then one sheet per mentor with their mentees (the first kMaxPersonSheets
// mentors in cohort order; the summary says where the rest are). Names come
// from the cohort the user supplied.
#ifndef SOPU_SERVICE_RENDER_MATCH_XLSX_H_
#define SOPU_SERVICE_RENDER_MATCH_XLSX_H_

#include <string>

#include "absl/status/status.h"
#include "service/render/staff_words.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] absl::Status WriteMatchXlsx(
    const sopu::v1::MatchResponse& response, const sopu::v1::Cohort& cohort,
    const std::string& path, const StaffWords& words = EnglishWords());

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_MATCH_XLSX_H_
