#include "service/render/explain_xlsx.h"

#include <vector>

#include "absl/strings/str_join.h"
#include "service/render/render_common.h"
#include "service/render/xlsx_common.h"
#include "service/render/xlsx_workbook.h"

namespace sopu::service {
namespace {

void AddContributionsSheet(XlsxWorkbook& book, const Reasons& contributions,
                           const StaffWords& words) {
  XlsxTable& table =
      book.AddTable(words.explanation,
                    {std::string(words.criterion), std::string(words.value),
                     std::string(words.contribution)});
  for (const auto& c : contributions) {
    table.AddRow({Text(c.criterion()), XlsxScore{c.value()},
                  XlsxScore{c.contribution()}});
  }
}

}  // namespace

absl::Status WriteExplainPairXlsx(const sopu::v1::ExplainPairResponse& response,
                                  const sopu::v1::Cohort& cohort,
                                  const std::string& path,
                                  const StaffWords& words) {
  XlsxWorkbook book(path);
  if (!book.status().ok()) return book.status();
  const DisplayNames names(cohort);
  SummaryRows rows = {
      {std::string(words.program_policy), Text(PolicyName(response.policy()))},
      {std::string(words.mentee),
       Text(PersonLabel(response.mentee_id(), names))},
      {std::string(words.mentor),
       Text(PersonLabel(response.mentor_id(), names))},
      {std::string(words.score), XlsxScore{response.score()}},
      {std::string(words.allowed), Yes(response.allowed(), words)}};
  if (!response.allowed()) {
    rows.emplace_back(std::string(words.forbidden_by),
                      Text(response.exclusion()));
  }
  rows.emplace_back(std::string(words.engine_version),
                    Text(response.engine_version()));
  AddSummarySheet(book, words, rows);
  AddContributionsSheet(book, response.contributions(), words);
  AddPolicySheet(book, words, response.policy());
  return book.Close();
}

absl::Status WriteExplainGroupXlsx(
    const sopu::v1::ExplainGroupResponse& response,
    const sopu::v1::Cohort& cohort, const std::string& path,
    const StaffWords& words) {
  XlsxWorkbook book(path);
  if (!book.status().ok()) return book.status();
  const DisplayNames names(cohort);
  SummaryRows rows = {
      {std::string(words.program_policy), Text(PolicyName(response.policy()))},
      {std::string(words.group_score), XlsxScore{response.score()}},
      {std::string(words.mean_pair_score),
       XlsxScore{response.mean_pair_score()}}};
  for (const auto& id : response.member_ids()) {
    rows.emplace_back(std::string(words.member), Text(PersonLabel(id, names)));
  }
  rows.emplace_back(std::string(words.engine_version),
                    Text(response.engine_version()));
  AddSummarySheet(book, words, rows);
  AddContributionsSheet(book, response.breakdown(), words);
  XlsxTable& pairs =
      book.AddTable(words.member_pairs,
                    {std::string(words.first_id), std::string(words.name),
                     std::string(words.second_id), std::string(words.name),
                     std::string(words.score), std::string(words.allowed),
                     std::string(words.forbidden_by)});
  for (const auto& pair : response.pairs()) {
    pairs.AddRow({Text(pair.first_id()), Text(names.Of(pair.first_id())),
                  Text(pair.second_id()), Text(names.Of(pair.second_id())),
                  XlsxScore{pair.score()}, Yes(pair.allowed(), words),
                  Text(absl::StrJoin(pair.excluded_by(), ", "))});
  }
  AddPolicySheet(book, words, response.policy());
  return book.Close();
}

}  // namespace sopu::service
