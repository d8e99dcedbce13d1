#include "service/render/score_xlsx.h"

#include <vector>

#include "service/render/render_common.h"
#include "service/render/xlsx_common.h"
#include "service/render/xlsx_workbook.h"

namespace sopu::service {

absl::Status WriteScoreXlsx(const sopu::v1::ScoreResponse& response,
                            const sopu::v1::Cohort& cohort,
                            const std::string& path, const StaffWords& words) {
  XlsxWorkbook book(path);
  if (!book.status().ok()) return book.status();
  const DisplayNames names(cohort);
  const auto& s = response.summary();
  AddSummarySheet(
      book, words,
      {{std::string(words.program_policy), Text(PolicyName(response.policy()))},
       {std::string(words.mentees_total), std::int64_t{s.mentees()}},
       {std::string(words.mentors_total), std::int64_t{s.mentors()}},
       {std::string(words.allowed_pairs), std::int64_t{s.allowed_pairs()}},
       {std::string(words.mean_best_score), XlsxScore{s.mean_best_score()}},
       {std::string(words.mentees_without_mentor),
        std::int64_t{s.mentees_without_mentor()}},
       {std::string(words.engine_version), Text(response.engine_version())}});

  std::vector<std::string> headers = {
      std::string(words.mentee_id),   std::string(words.mentee_name),
      std::string(words.rank),        std::string(words.mentor_id),
      std::string(words.mentor_name), std::string(words.score)};
  AppendReasonHeaders(words, headers);
  XlsxTable& top = book.AddTable(words.top_mentors, headers);
  XlsxTable& without =
      book.AddTable(words.without_mentor, {std::string(words.mentee_id),
                                           std::string(words.mentee_name),
                                           std::string(words.reason)});
  for (const auto& mentee : response.mentees()) {
    for (const auto& rec : mentee.mentors()) {
      std::vector<XlsxCell> row = {
          Text(mentee.mentee_id()),        Text(names.Of(mentee.mentee_id())),
          std::int64_t{rec.rank()},        Text(rec.mentor_id()),
          Text(names.Of(rec.mentor_id())), XlsxScore{rec.score()}};
      AppendReasonCells(rec.top_reasons(), row);
      top.AddRow(row);
    }
    if (mentee.mentors().empty()) {
      without.AddRow({Text(mentee.mentee_id()),
                      Text(names.Of(mentee.mentee_id())),
                      Text(mentee.exclusion())});
    }
  }
  AddPolicySheet(book, words, response.policy());
  return book.Close();
}

}  // namespace sopu::service
