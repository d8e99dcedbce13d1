#include "service/render/score_render.h"

#include <string>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/render/csv_dialect.h"
#include "service/render/render_common.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

// Score lists indent names two more than the other tables.
constexpr std::size_t kScoreNameWidth = 26;

}  // namespace

void RenderScoreTable(const sopu::v1::ScoreResponse& response,
                      const sopu::v1::Cohort& cohort, std::ostream& out) {
  const DisplayNames names(cohort);
  const auto& s = response.summary();
  out << "Policy: " << PolicyName(response.policy()) << " · " << s.mentees()
      << " mentees × " << s.mentors() << " mentors · allowed pairs "
      << s.allowed_pairs() << " of "
      << (s.allowed_pairs() + s.forbidden_pairs()) << '\n'
      << "Mean best score " << FormatFixed(s.mean_best_score(), 3)
      << " · mentees without an allowed mentor: " << s.mentees_without_mentor()
      << "\nScore is 0..1; the reasons show each criterion's share of it.\n";
  for (const auto& mentee : response.mentees()) {
    out << '\n'
        << PadRight(mentee.mentee_id(), kIdWidth) << ' '
        << PadRight(names.Of(mentee.mentee_id()), kScoreNameWidth) << ' '
        << mentee.allowed_mentors() << " allowed\n";
    for (const auto& rec : mentee.mentors()) {
      out << "  " << PadRight(std::to_string(rec.rank()), 3) << ' '
          << PadRight(rec.mentor_id(), kIdWidth) << ' '
          << PadRight(names.Of(rec.mentor_id()), kScoreNameWidth) << ' '
          << FormatFixed(rec.score(), 3) << "  "
          << ReasonsText(rec.top_reasons()) << '\n';
    }
    if (mentee.mentors().empty()) {
      out << "  no allowed mentor: " << mentee.exclusion() << '\n';
    }
  }
}

void RenderScoreCsv(const sopu::v1::ScoreResponse& response,
                    const sopu::v1::Cohort& cohort, const CsvDialect& dialect,
                    std::ostream& out) {
  const char d = dialect.delimiter;
  const DisplayNames names(cohort);
  out << "\xEF\xBB\xBF"
      << CsvHeader(
             "mentee_id,mentee_name,rank,mentor_id,mentor_name,score,"
             "reason_1,contribution_1,reason_2,contribution_2,reason_3,"
             "contribution_3,exclusion",
             dialect)
      << "\r\n";
  for (const auto& mentee : response.mentees()) {
    const std::string head = absl::StrCat(
        CsvCell(mentee.mentee_id(), dialect), std::string(1, d),
        CsvCell(names.Of(mentee.mentee_id()), dialect), std::string(1, d));
    for (const auto& rec : mentee.mentors()) {
      out << head << rec.rank() << d << CsvCell(rec.mentor_id(), dialect) << d
          << CsvCell(names.Of(rec.mentor_id()), dialect) << d
          << CsvNumber(rec.score(), 4, dialect);
      WriteCsvReasons(rec.top_reasons(), dialect, out);
      out << d << "\r\n";
    }
    if (mentee.mentors().empty()) {
      out << head << std::string(10, d) << CsvCell(mentee.exclusion(), dialect)
          << "\r\n";
    }
  }
}

}  // namespace sopu::service
