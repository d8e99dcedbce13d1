#include "service/render/score_render.h"

#include <string>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/io/json_files.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

constexpr std::size_t kIdWidth = 8;
constexpr std::size_t kNameWidth = 26;

class Names {
 public:
  explicit Names(const sopu::v1::Cohort& cohort) {
    for (const auto& p : cohort.participants()) {
      names_.try_emplace(p.id(), p.display_name());
    }
  }
  [[nodiscard]] std::string_view Of(const std::string& id) const {
    auto it = names_.find(id);
    return it == names_.end() ? std::string_view() : it->second;
  }

 private:
  std::unordered_map<std::string, std::string> names_;
};

std::string Reasons(const sopu::v1::Recommendation& rec) {
  std::vector<std::string> parts;
  for (const auto& r : rec.top_reasons()) {
    parts.push_back(
        absl::StrCat(r.criterion(), " ", FormatFixed(r.contribution(), 2)));
  }
  return absl::StrJoin(parts, " · ");
}

}  // namespace

void RenderScoreTable(const sopu::v1::ScoreResponse& response,
                      const sopu::v1::Cohort& cohort, std::ostream& out) {
  const Names names(cohort);
  const auto& s = response.summary();
  const std::string policy_name = response.policy().name().empty()
                                      ? std::string("(unnamed)")
                                      : response.policy().name();
  out << "Policy: " << policy_name << " · " << s.mentees() << " mentees × "
      << s.mentors() << " mentors · allowed pairs " << s.allowed_pairs()
      << " of " << (s.allowed_pairs() + s.forbidden_pairs()) << '\n'
      << "Mean best score " << FormatFixed(s.mean_best_score(), 3)
      << " · mentees without an allowed mentor: " << s.mentees_without_mentor()
      << "\nScore is 0..1; the reasons show each criterion's share of it.\n";
  for (const auto& mentee : response.mentees()) {
    out << '\n'
        << PadRight(mentee.mentee_id(), kIdWidth) << ' '
        << PadRight(names.Of(mentee.mentee_id()), kNameWidth) << ' '
        << mentee.allowed_mentors() << " allowed\n";
    for (const auto& rec : mentee.mentors()) {
      out << "  " << PadRight(std::to_string(rec.rank()), 3) << ' '
          << PadRight(rec.mentor_id(), kIdWidth) << ' '
          << PadRight(names.Of(rec.mentor_id()), kNameWidth) << ' '
          << FormatFixed(rec.score(), 3) << "  " << Reasons(rec) << '\n';
    }
    if (mentee.mentors().empty()) {
      out << "  no allowed mentor: " << mentee.exclusion() << '\n';
    }
  }
}

void RenderScoreCsv(const sopu::v1::ScoreResponse& response,
                    const sopu::v1::Cohort& cohort, std::ostream& out) {
  const Names names(cohort);
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
      for (int i = 0; i < 3; ++i) {
        if (i < rec.top_reasons_size()) {
          out << ',' << CsvField(rec.top_reasons(i).criterion()) << ','
              << FormatFixed(rec.top_reasons(i).contribution(), 4);
        } else {
          out << ",,";
        }
      }
      out << ",\r\n";
    }
    if (mentee.mentors().empty()) {
      out << head << ",,,,,,,,,," << CsvField(mentee.exclusion()) << "\r\n";
    }
  }
}

void RenderScoreJson(const sopu::v1::ScoreResponse& response,
                     std::ostream& out) {
  out << io::MessageToPrettyJson(response);
}

}  // namespace sopu::service
