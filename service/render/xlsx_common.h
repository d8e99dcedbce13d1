// Sheets several workbooks share: the summary (item and value) and the
// policy the result was computed with; and the cap on per-person sheets.
#ifndef SOPU_SERVICE_RENDER_XLSX_COMMON_H_
#define SOPU_SERVICE_RENDER_XLSX_COMMON_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "service/render/render_common.h"
#include "service/render/staff_words.h"
#include "service/render/xlsx_workbook.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

// kMaxPersonSheets: at most this many sheets of one mentor or group. A
// workbook with hundreds of sheets is slow to open and its tab bar useless;
// everyone is on the main sheet anyway, where a filter finds them.
inline constexpr std::size_t kMaxPersonSheets = 50;

using SummaryRows = std::vector<std::pair<std::string, XlsxCell>>;

// AddSummarySheet: a sheet of (item, value) rows.
void AddSummarySheet(XlsxWorkbook& book, const StaffWords& words,
                     const SummaryRows& rows);

// AddPolicySheet: the policy's criteria and rules (PolicyRows).
void AddPolicySheet(XlsxWorkbook& book, const StaffWords& words,
                    const sopu::v1::Policy& policy);

// Text: a text cell; Yes: "yes" or "no" in `words`.
[[nodiscard]] XlsxCell Text(std::string_view text);
[[nodiscard]] XlsxCell Yes(bool value, const StaffWords& words);

// AppendReasonCells appends kCsvReasonColumns (criterion, contribution)
// cell pairs, empty where there are fewer reasons.
void AppendReasonCells(const Reasons& reasons, std::vector<XlsxCell>& row);

// ReasonHeaders appends "Reason 1", "Contribution 1", ... headers.
void AppendReasonHeaders(const StaffWords& words,
                         std::vector<std::string>& headers);

// PersonLabel: "id name" (or the id alone when the name is unknown).
[[nodiscard]] std::string PersonLabel(const std::string& id,
                                      const DisplayNames& names);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_XLSX_COMMON_H_
