// WriteScoreXlsx writes a ScoreResponse as an Excel workbook for staff:
// Summary, Top mentors (one row per mentee and recommended mentor), Without
// mentor (the mentees no mentor is allowed for, with the rule), Policy.
#ifndef SOPU_SERVICE_RENDER_SCORE_XLSX_H_
#define SOPU_SERVICE_RENDER_SCORE_XLSX_H_

#include <string>

#include "absl/status/status.h"
#include "service/render/staff_words.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] absl::Status WriteScoreXlsx(
    const sopu::v1::ScoreResponse& response, const sopu::v1::Cohort& cohort,
    const std::string& path, const StaffWords& words = EnglishWords());

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_SCORE_XLSX_H_
