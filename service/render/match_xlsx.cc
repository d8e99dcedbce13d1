#include "service/render/match_xlsx.h"

#include <map>
#include <vector>

#include "absl/strings/substitute.h"
#include "service/render/render_common.h"
#include "service/render/xlsx_common.h"
#include "service/render/xlsx_workbook.h"

namespace sopu::service {
namespace {

// MentorsWithMentees: the mentors that have a pair, in cohort order.
std::vector<std::string> MentorsWithMentees(
    const sopu::v1::MatchResponse& response, const sopu::v1::Cohort& cohort) {
  std::set<std::string> paired;
  for (const auto& pair : response.pairs()) paired.insert(pair.mentor_id());
  std::vector<std::string> mentors;
  for (const auto& p : cohort.participants()) {
    if (paired.erase(p.id()) > 0) mentors.push_back(p.id());
  }
  // Ids not in the cohort (cannot happen for a valid response) go last.
  mentors.insert(mentors.end(), paired.begin(), paired.end());
  return mentors;
}

SummaryRows Summary(const sopu::v1::MatchResponse& response,
                    const StaffWords& words, std::size_t mentor_sheets,
                    std::size_t mentors) {
  const auto& s = response.summary();
  SummaryRows rows = {
      {std::string(words.program_policy), Text(PolicyName(response.policy()))},
      {std::string(words.objective),
       Text(MatchObjectiveText(response.objective()))},
      {std::string(words.status), Text(MatchStatusText(response.status()))},
      {std::string(words.mentees_total), std::int64_t{s.mentees()}},
      {std::string(words.matched), std::int64_t{s.matched()}},
      {std::string(words.unmatched), std::int64_t{response.unmatched_size()}},
      {std::string(words.total_score), XlsxScore{s.total()}},
      {std::string(words.mean_score), XlsxScore{s.mean()}},
      {std::string(words.worst_score), XlsxScore{s.worst()}},
      {std::string(words.top3) + " (%)", XlsxScore{s.top3_percent()}},
      {std::string(words.engine_version), Text(response.engine_version())},
  };
  if (!response.input_hash().empty()) {
    rows.emplace_back(std::string(words.input_hash),
                      Text(response.input_hash()));
  }
  if (mentor_sheets < mentors) {
    rows.emplace_back(
        std::string(words.note),
        Text(absl::Substitute(std::string(words.more_sheets), mentor_sheets,
                              mentors - mentor_sheets, std::string(words.pairs),
                              std::string(words.mentors_counted))));
  }
  return rows;
}

void AddPairsSheet(XlsxWorkbook& book, const sopu::v1::MatchResponse& response,
                   const DisplayNames& names, const StaffWords& words) {
  std::vector<std::string> headers = {
      std::string(words.mentor_id), std::string(words.mentor_name),
      std::string(words.mentee_id), std::string(words.mentee_name),
      std::string(words.score),     std::string(words.rank_for_mentee),
      std::string(words.locked)};
  AppendReasonHeaders(words, headers);
  XlsxTable& table = book.AddTable(words.pairs, headers);
  for (const auto& pair : response.pairs()) {
    std::vector<XlsxCell> row = {
        Text(pair.mentor_id()),   Text(names.Of(pair.mentor_id())),
        Text(pair.mentee_id()),   Text(names.Of(pair.mentee_id())),
        XlsxScore{pair.score()},  std::int64_t{pair.rank_for_mentee()},
        Yes(pair.locked(), words)};
    AppendReasonCells(pair.reasons(), row);
    table.AddRow(row);
  }
}

void AddUnmatchedSheet(XlsxWorkbook& book,
                       const sopu::v1::MatchResponse& response,
                       const DisplayNames& names, const StaffWords& words) {
  XlsxTable& table =
      book.AddTable(words.unmatched, {std::string(words.mentee_id),
                                      std::string(words.mentee_name),
                                      std::string(words.reason)});
  for (const auto& u : response.unmatched()) {
    table.AddRow(
        {Text(u.mentee_id()), Text(names.Of(u.mentee_id())), Text(u.reason())});
  }
}

}  // namespace

absl::Status WriteMatchXlsx(const sopu::v1::MatchResponse& response,
                            const sopu::v1::Cohort& cohort,
                            const std::string& path, const StaffWords& words) {
  XlsxWorkbook book(path);
  if (!book.status().ok()) return book.status();
  const DisplayNames names(cohort);
  const std::vector<std::string> mentors = MentorsWithMentees(response, cohort);
  const std::size_t sheets = std::min(mentors.size(), kMaxPersonSheets);
  AddSummarySheet(book, words,
                  Summary(response, words, sheets, mentors.size()));
  AddPairsSheet(book, response, names, words);
  AddUnmatchedSheet(book, response, names, words);
  AddPolicySheet(book, words, response.policy());
  // The pairs of each mentor, for a sheet each; pairs are in mentee order.
  std::map<std::string, std::vector<const sopu::v1::MatchedPair*>> by_mentor;
  for (const auto& pair : response.pairs()) {
    by_mentor[pair.mentor_id()].push_back(&pair);
  }
  for (std::size_t m = 0; m < sheets; ++m) {
    XlsxTable& table = book.AddTable(
        PersonLabel(mentors[m], names),
        {std::string(words.mentee_id), std::string(words.mentee_name),
         std::string(words.score), std::string(words.rank_for_mentee),
         std::string(words.reasons)});
    for (const sopu::v1::MatchedPair* pair : by_mentor[mentors[m]]) {
      table.AddRow({Text(pair->mentee_id()), Text(names.Of(pair->mentee_id())),
                    XlsxScore{pair->score()},
                    std::int64_t{pair->rank_for_mentee()},
                    Text(ReasonsText(pair->reasons()))});
    }
  }
  return book.Close();
}

}  // namespace sopu::service
