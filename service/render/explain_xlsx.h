// Writing ExplainPair and ExplainGroup answers as Excel workbooks: Summary,
// Explanation (every criterion's value and contribution), for a group its
// Member pairs, and Policy.
#ifndef SOPU_SERVICE_RENDER_EXPLAIN_XLSX_H_
#define SOPU_SERVICE_RENDER_EXPLAIN_XLSX_H_

#include <string>

#include "absl/status/status.h"
#include "service/render/staff_words.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

[[nodiscard]] absl::Status WriteExplainPairXlsx(
    const sopu::v1::ExplainPairResponse& response,
    const sopu::v1::Cohort& cohort, const std::string& path,
    const StaffWords& words = EnglishWords());

[[nodiscard]] absl::Status WriteExplainGroupXlsx(
    const sopu::v1::ExplainGroupResponse& response,
    const sopu::v1::Cohort& cohort, const std::string& path,
    const StaffWords& words = EnglishWords());

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_EXPLAIN_XLSX_H_
