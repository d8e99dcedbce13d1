#include "service/render/groups_render.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "service/render/csv_dialect.h"
#include "service/render/render_common.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

// Criteria shown per group in the table.
constexpr int kTableCriteria = 3;

// RenderHeadline: the policy and status, then either why no groups can be
// formed or the summary figures.
void RenderHeadline(const sopu::v1::GroupsResponse& response,
                    std::ostream& out) {
  const auto& s = response.summary();
  out << "Policy: " << PolicyName(response.policy()) << " · groups · "
      << GroupsStatusText(response.status()) << '\n';
  if (response.status() == sopu::v1::GROUPS_STATUS_INFEASIBLE) {
    out << "\nWhy no groups can be formed:\n";
    for (const auto& f : response.infeasible()) {
      out << "  - " << f.explanation() << '\n';
    }
    return;
  }
  out << s.groups() << " groups of " << s.assigned() << " of " << s.members()
      << " members · total " << FormatFixed(s.total(), 3) << " (bound "
      << FormatFixed(s.upper_bound(), 3) << ") · worst mean "
      << FormatFixed(s.worst_mean_pair_score(), 3);
  if (s.stop_reason().empty()) {  // nothing was searched
    out << " · no search needed\n";
    return;
  }
  out << " · best found at " << FormatFixed(s.seconds_to_best(), 1) << " s of "
      << FormatFixed(s.seconds(), 1) << " s (" << s.stop_reason() << ", seed "
      << s.seed() << ")\n";
}

// MainCriteria: the group's first kTableCriteria contributing criteria with
// their contributions, " · "-separated; empty when none contributes.
std::string MainCriteria(const sopu::v1::FormedGroup& g) {
  std::string criteria;
  for (int k = 0; k < g.breakdown_size() && k < kTableCriteria; ++k) {
    const auto& c = g.breakdown(k);
    if (c.contribution() <= 0.0) break;
    absl::StrAppend(&criteria, k > 0 ? " · " : "", c.criterion(), " ",
                    FormatFixed(c.contribution(), 2));
  }
  return criteria;
}

// RenderGroup: one group's heading, main criteria, facilitator (or why it
// has none) and members.
void RenderGroup(const sopu::v1::FormedGroup& g, const DisplayNames& names,
                 std::ostream& out) {
  out << "\nGroup " << g.number();
  if (!g.key_value().empty()) out << " (" << g.key_value() << ")";
  out << " · " << g.member_ids_size() << " members · score "
      << FormatFixed(g.score(), 3) << " · mean pair "
      << FormatFixed(g.mean_pair_score(), 3) << '\n';
  const std::string criteria = MainCriteria(g);
  if (!criteria.empty()) out << "  main criteria: " << criteria << '\n';
  if (!g.facilitator_id().empty()) {
    out << "  facilitator: " << g.facilitator_id() << ' '
        << names.Of(g.facilitator_id()) << " (fit "
        << FormatFixed(g.facilitator_fit(), 3) << ")\n";
  } else if (!g.facilitator_note().empty()) {
    out << "  facilitator: none — " << g.facilitator_note() << '\n';
  }
  for (const auto& id : g.member_ids()) {
    out << "    " << PadRight(id, kIdWidth) << ' '
        << PadRight(names.Of(id), kNameWidth) << '\n';
  }
}

// RenderRulesAndUnassigned: whether each rule holds, then who is in no
// group and why (each section only when not empty).
void RenderRulesAndUnassigned(const sopu::v1::GroupsResponse& response,
                              const DisplayNames& names, std::ostream& out) {
  if (!response.rules().empty()) {
    out << "\nRules\n";
    for (const auto& r : response.rules()) {
      out << "  " << (r.holds() ? "ok " : "NO ") << r.rule();
      if (!r.holds()) out << " (" << r.violations() << " broken)";
      out << '\n';
    }
  }
  if (!response.unassigned().empty()) {
    out << "\nUnassigned (" << response.unassigned_size() << ")\n";
    for (const auto& u : response.unassigned()) {
      out << "  " << PadRight(u.id(), kIdWidth) << ' '
          << PadRight(names.Of(u.id()), kNameWidth) << ' ' << u.reason()
          << '\n';
    }
  }
}

}  // namespace

void RenderGroupsTable(const sopu::v1::GroupsResponse& response,
                       const sopu::v1::Cohort& cohort, std::ostream& out) {
  const DisplayNames names(cohort);
  RenderHeadline(response, out);
  for (const auto& note : response.notes()) out << "Note: " << note << '\n';
  for (const auto& g : response.groups()) RenderGroup(g, names, out);
  RenderRulesAndUnassigned(response, names, out);
}

void RenderGroupsCsv(const sopu::v1::GroupsResponse& response,
                     const sopu::v1::Cohort& cohort, const CsvDialect& dialect,
                     std::ostream& out) {
  const char d = dialect.delimiter;
  const DisplayNames names(cohort);
  out << "\xEF\xBB\xBF"
      << CsvHeader(
             "group,key_value,member_id,member_name,group_score,mean_pair_"
             "score,"
             "facilitator_id,facilitator_name,note",
             dialect)
      << "\r\n";
  for (const auto& g : response.groups()) {
    for (const auto& id : g.member_ids()) {
      out << g.number() << d << CsvCell(g.key_value(), dialect) << d
          << CsvCell(id, dialect) << d << CsvCell(names.Of(id), dialect) << d
          << CsvNumber(g.score(), 4, dialect) << d
          << CsvNumber(g.mean_pair_score(), 4, dialect) << d
          << CsvCell(g.facilitator_id(), dialect) << d
          << CsvCell(names.Of(g.facilitator_id()), dialect) << d
          << CsvCell(g.facilitator_note(), dialect) << "\r\n";
    }
  }
  for (const auto& u : response.unassigned()) {
    out << std::string(2, d) << CsvCell(u.id(), dialect) << d
        << CsvCell(names.Of(u.id()), dialect) << std::string(5, d)
        << CsvCell(u.reason(), dialect) << "\r\n";
  }
  for (const auto& f : response.infeasible()) {
    out << std::string(8, d) << CsvCell(f.explanation(), dialect) << "\r\n";
  }
}

}  // namespace sopu::service
