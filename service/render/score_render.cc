#include "service/render/score_render.h"

#include <string>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
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
                    const sopu::v1::Cohort& cohort, std::ostream& out) {
  const DisplayNames names(cohort);
  out << "\xEF\xBB\xBF"
      << "mentee_id,mentee_name,rank,mentor_id,mentor_name,score,"
         "reason_1,contribution_1,reason_2,contribution_2,reason_3,"
         "contribution_3,exclusion\r\n";
  for (const auto& mentee : response.mentees()) {
    const std::string head =
        absl::StrCat(CsvField(mentee.mentee_id()), ",",
                     CsvField(names.Of(mentee.mentee_id())), ",");
    for (const auto& rec : mentee.mentors()) {
      out << head << rec.rank() << ',' << CsvField(rec.mentor_id()) << ','
          << CsvField(names.Of(rec.mentor_id())) << ','
          << FormatFixed(rec.score(), 4);
      WriteCsvReasons(rec.top_reasons(), out);
      out << ",\r\n";
    }
    if (mentee.mentors().empty()) {
      out << head << ",,,,,,,,,," << CsvField(mentee.exclusion()) << "\r\n";
    }
  }
}

}  // namespace sopu::service
