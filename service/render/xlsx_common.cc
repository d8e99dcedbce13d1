#include "service/render/xlsx_common.h"

#include "absl/strings/str_cat.h"
#include "service/render/policy_rows.h"

namespace sopu::service {

void AddSummarySheet(XlsxWorkbook& book, const StaffWords& words,
                     const SummaryRows& rows) {
  XlsxTable& table = book.AddTable(
      words.summary, {std::string(words.item), std::string(words.value)});
  for (const auto& [item, value] : rows) table.AddRow({Text(item), value});
}

void AddPolicySheet(XlsxWorkbook& book, const StaffWords& words,
                    const sopu::v1::Policy& policy) {
  XlsxTable& table = book.AddTable(
      words.policy, {std::string(words.criterion), std::string(words.kind),
                     std::string(words.weight), std::string(words.share),
                     std::string(words.must_hold), std::string(words.details)});
  for (const PolicyRow& row : PolicyRows(policy, words)) {
    const bool rule = row.kind == "rule";
    table.AddRow({Text(row.name), Text(row.kind),
                  rule ? XlsxCell{} : XlsxCell{XlsxScore{row.weight}},
                  rule ? XlsxCell{} : XlsxCell{XlsxScore{row.share}},
                  Yes(row.hard, words), Text(row.details)});
  }
}

XlsxCell Text(std::string_view text) { return std::string(text); }

XlsxCell Yes(bool value, const StaffWords& words) {
  return std::string(value ? words.yes : words.no);
}

void AppendReasonCells(const Reasons& reasons, std::vector<XlsxCell>& row) {
  for (int i = 0; i < kCsvReasonColumns; ++i) {
    if (i < reasons.size()) {
      row.emplace_back(reasons[i].criterion());
      row.emplace_back(XlsxScore{reasons[i].contribution()});
    } else {
      row.emplace_back();
      row.emplace_back();
    }
  }
}

void AppendReasonHeaders(const StaffWords& words,
                         std::vector<std::string>& headers) {
  for (int i = 1; i <= kCsvReasonColumns; ++i) {
    headers.push_back(absl::StrCat(std::string(words.reason), " ", i));
    headers.push_back(absl::StrCat(std::string(words.contribution), " ", i));
  }
}

std::string PersonLabel(const std::string& id, const DisplayNames& names) {
  const std::string_view name = names.Of(id);
  return name.empty() ? id : absl::StrCat(id, " ", std::string(name));
}

}  // namespace sopu::service
