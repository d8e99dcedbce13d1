#include "service/render/groups_xlsx.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "service/render/render_common.h"
#include "service/render/text_table.h"
#include "service/render/xlsx_common.h"
#include "service/render/xlsx_workbook.h"

namespace sopu::service {
namespace {

SummaryRows Summary(const sopu::v1::GroupsResponse& response,
                    const StaffWords& words, std::size_t group_sheets) {
  const auto& s = response.summary();
  SummaryRows rows = {
      {std::string(words.program_policy), Text(PolicyName(response.policy()))},
      {std::string(words.status), Text(GroupsStatusText(response.status()))},
      {std::string(words.members_total), std::int64_t{s.members()}},
      {std::string(words.assigned), std::int64_t{s.assigned()}},
      {std::string(words.groups), std::int64_t{s.groups()}},
      {std::string(words.total_score), XlsxScore{s.total()}},
      {std::string(words.upper_bound), XlsxScore{s.upper_bound()}},
      {std::string(words.worst_mean_pair),
       XlsxScore{s.worst_mean_pair_score()}},
      {std::string(words.seed), static_cast<std::int64_t>(s.seed())},
      {std::string(words.engine_version), Text(response.engine_version())},
  };
  for (const auto& f : response.infeasible()) {
    rows.emplace_back(std::string(words.why_no_groups), Text(f.explanation()));
  }
  const auto groups = static_cast<std::size_t>(response.groups_size());
  if (group_sheets < groups) {
    rows.emplace_back(
        std::string(words.note),
        Text(absl::Substitute(std::string(words.more_sheets), group_sheets,
                              groups - group_sheets, std::string(words.groups),
                              std::string(words.groups_counted))));
  }
  return rows;
}

void AddGroupsSheet(XlsxWorkbook& book,
                    const sopu::v1::GroupsResponse& response,
                    const DisplayNames& names, const StaffWords& words) {
  XlsxTable& table = book.AddTable(
      words.groups,
      {std::string(words.group_number), std::string(words.key_value),
       std::string(words.member_id), std::string(words.member_name),
       std::string(words.group_score), std::string(words.mean_pair_score),
       std::string(words.facilitator_id), std::string(words.facilitator_name),
       std::string(words.note)});
  for (const auto& g : response.groups()) {
    for (const auto& id : g.member_ids()) {
      table.AddRow({std::int64_t{g.number()}, Text(g.key_value()), Text(id),
                    Text(names.Of(id)), XlsxScore{g.score()},
                    XlsxScore{g.mean_pair_score()}, Text(g.facilitator_id()),
                    Text(names.Of(g.facilitator_id())),
                    Text(g.facilitator_note())});
    }
  }
}

void AddUnassignedAndRules(XlsxWorkbook& book,
                           const sopu::v1::GroupsResponse& response,
                           const DisplayNames& names, const StaffWords& words) {
  XlsxTable& unassigned =
      book.AddTable(words.unassigned, {std::string(words.member_id),
                                       std::string(words.member_name),
                                       std::string(words.reason)});
  for (const auto& u : response.unassigned()) {
    unassigned.AddRow({Text(u.id()), Text(names.Of(u.id())), Text(u.reason())});
  }
  XlsxTable& rules = book.AddTable(
      words.rules, {std::string(words.rule), std::string(words.holds),
                    std::string(words.times_broken)});
  for (const auto& r : response.rules()) {
    rules.AddRow(
        {Text(r.rule()), Yes(r.holds(), words), std::int64_t{r.violations()}});
  }
}

// GroupSheetName: "Group 3" or "Group 3 Seinäjoki" with a key value.
std::string GroupSheetName(const sopu::v1::FormedGroup& g,
                           const StaffWords& words) {
  std::string name = absl::StrCat(std::string(words.group), " ", g.number());
  if (!g.key_value().empty()) absl::StrAppend(&name, " ", g.key_value());
  return name;
}

void AddGroupSheet(XlsxWorkbook& book, const sopu::v1::FormedGroup& g,
                   const DisplayNames& names, const StaffWords& words) {
  XlsxTable& table =
      book.AddTable(GroupSheetName(g, words),
                    {std::string(words.kind), std::string(words.id),
                     std::string(words.name), std::string(words.note)});
  if (!g.facilitator_id().empty()) {
    table.AddRow({Text(words.facilitator), Text(g.facilitator_id()),
                  Text(names.Of(g.facilitator_id())),
                  Text(absl::StrCat(std::string(words.facilitator_fit), " ",
                                    FormatFixed(g.facilitator_fit(), 3)))});
  } else if (!g.facilitator_note().empty()) {
    table.AddRow({Text(words.facilitator), {}, {}, Text(g.facilitator_note())});
  }
  for (const auto& id : g.member_ids()) {
    table.AddRow({Text(words.member), Text(id), Text(names.Of(id)), {}});
  }
}

}  // namespace

absl::Status WriteGroupsXlsx(const sopu::v1::GroupsResponse& response,
                             const sopu::v1::Cohort& cohort,
                             const std::string& path, const StaffWords& words) {
  XlsxWorkbook book(path);
  if (!book.status().ok()) return book.status();
  const DisplayNames names(cohort);
  const std::size_t sheets = std::min(
      static_cast<std::size_t>(response.groups_size()), kMaxPersonSheets);
  AddSummarySheet(book, words, Summary(response, words, sheets));
  AddGroupsSheet(book, response, names, words);
  AddUnassignedAndRules(book, response, names, words);
  AddPolicySheet(book, words, response.policy());
  for (std::size_t k = 0; k < sheets; ++k) {
    AddGroupSheet(book, response.groups(static_cast<int>(k)), names, words);
  }
  return book.Close();
}

}  // namespace sopu::service
