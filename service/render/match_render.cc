#include "service/render/match_render.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/render/csv_dialect.h"
#include "service/render/render_common.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

std::string ChangeKind(sopu::v1::PairChange::Kind kind) {
  switch (kind) {
    case sopu::v1::PairChange::KIND_KEPT:
      return "kept";
    case sopu::v1::PairChange::KIND_CHANGED:
      return "changed";
    case sopu::v1::PairChange::KIND_NEW:
      return "new";
    case sopu::v1::PairChange::KIND_DROPPED:
      return "dropped";
    default:
      return "";
  }
}

}  // namespace

void RenderMatchTable(const sopu::v1::MatchResponse& response,
                      const sopu::v1::Cohort& cohort, std::ostream& out) {
  const DisplayNames names(cohort);
  const auto& s = response.summary();
  out << "Policy: " << PolicyName(response.policy()) << " · objective "
      << MatchObjectiveText(response.objective()) << " · "
      << MatchStatusText(response.status()) << '\n'
      << "Matched " << s.matched() << " of " << s.mentees()
      << " mentees · total " << FormatFixed(s.total(), 3) << " · mean "
      << FormatFixed(s.mean(), 3) << " · worst " << FormatFixed(s.worst(), 3)
      << " · " << FormatFixed(s.top3_percent(), 0)
      << "% got one of their 3 best-scoring mentors\n";
  if (response.objective() == sopu::v1::OBJECTIVE_FAIR) {
    out << "Fairness cost: " << FormatFixed(s.fairness_cost(), 3)
        << " of total score compared with the optimal assignment\n";
  }
  if (response.objective() == sopu::v1::OBJECTIVE_STABLE) {
    out << "Blocking pairs: " << s.blocking_pairs()
        << " · gap to the optimal total: " << FormatFixed(s.gap_to_optimal(), 3)
        << '\n';
  }
  out << '\n'
      << PadRight("mentee", kIdWidth) << ' ' << PadRight("", kNameWidth) << ' '
      << PadRight("mentor", kIdWidth) << ' ' << PadRight("", kNameWidth)
      << " score  rank  reasons\n";
  for (const auto& pair : response.pairs()) {
    out << PadRight(pair.mentee_id(), kIdWidth) << ' '
        << PadRight(names.Of(pair.mentee_id()), kNameWidth) << ' '
        << PadRight(pair.mentor_id(), kIdWidth) << ' '
        << PadRight(names.Of(pair.mentor_id()), kNameWidth) << ' '
        << FormatFixed(pair.score(), 3) << "  "
        << PadRight(std::to_string(pair.rank_for_mentee()), 4) << "  "
        << ReasonsText(pair.reasons()) << (pair.locked() ? " [locked]" : "")
        << '\n';
  }
  if (!response.unmatched().empty()) {
    out << "\nUnmatched (" << response.unmatched_size() << ")\n";
    for (const auto& u : response.unmatched()) {
      out << PadRight(u.mentee_id(), kIdWidth) << ' '
          << PadRight(names.Of(u.mentee_id()), kNameWidth) << ' ' << u.reason()
          << '\n';
    }
  }
  if (!response.changes().empty()) {
    out << "\nCompared with the previous assignment: kept " << s.kept()
        << " · changed " << s.changed() << " · new " << s.added()
        << " · dropped " << s.dropped() << '\n';
    for (const auto& c : response.changes()) {
      if (c.kind() == sopu::v1::PairChange::KIND_KEPT) continue;
      out << "  " << PadRight(c.mentee_id(), kIdWidth) << ' '
          << PadRight(
                 c.previous_mentor_id().empty() ? "-" : c.previous_mentor_id(),
                 kIdWidth)
          << " → "
          << PadRight(c.mentor_id().empty() ? "-" : c.mentor_id(), kIdWidth)
          << ' ' << ChangeKind(c.kind()) << '\n';
    }
  }
}

void RenderMatchCsv(const sopu::v1::MatchResponse& response,
                    const sopu::v1::Cohort& cohort, const CsvDialect& dialect,
                    std::ostream& out) {
  const char d = dialect.delimiter;
  const DisplayNames names(cohort);
  out << "\xEF\xBB\xBF"
      << CsvHeader(
             "mentee_id,mentee_name,mentor_id,mentor_name,score,rank_for_"
             "mentee,"
             "locked,reason_1,contribution_1,reason_2,contribution_2,reason_3,"
             "contribution_3,unmatched_reason",
             dialect)
      << "\r\n";
  for (const auto& pair : response.pairs()) {
    out << CsvCell(pair.mentee_id(), dialect) << d
        << CsvCell(names.Of(pair.mentee_id()), dialect) << d
        << CsvCell(pair.mentor_id(), dialect) << d
        << CsvCell(names.Of(pair.mentor_id()), dialect) << d
        << CsvNumber(pair.score(), 4, dialect) << d << pair.rank_for_mentee()
        << d << (pair.locked() ? "yes" : "no");
    WriteCsvReasons(pair.reasons(), dialect, out);
    out << d << "\r\n";
  }
  for (const auto& u : response.unmatched()) {
    out << CsvCell(u.mentee_id(), dialect) << d
        << CsvCell(names.Of(u.mentee_id()), dialect) << std::string(12, d)
        << CsvCell(u.reason(), dialect) << "\r\n";
  }
}

}  // namespace sopu::service
