#include "service/render/explain_render.h"

#include <string>

#include "absl/strings/str_join.h"
#include "service/render/render_common.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {

// kCriterionWidth: the criterion column of the contribution table.
constexpr std::size_t kCriterionWidth = 28;

void WriteContributions(const Reasons& contributions, std::ostream& out) {
  out << "  " << PadRight("criterion", kCriterionWidth)
      << "  value  contribution\n";
  for (const auto& c : contributions) {
    out << "  " << PadRight(c.criterion(), kCriterionWidth) << "  "
        << FormatFixed(c.value(), 3) << "  " << FormatFixed(c.contribution(), 3)
        << '\n';
  }
}

std::string Person(const std::string& id, const DisplayNames& names) {
  const std::string_view name = names.Of(id);
  return name.empty() ? id : id + " " + std::string(name);
}

}  // namespace

void RenderExplainPairTable(const sopu::v1::ExplainPairResponse& response,
                            const sopu::v1::Cohort& cohort, std::ostream& out) {
  const DisplayNames names(cohort);
  out << "Policy: " << PolicyName(response.policy()) << " · pair\n"
      << "Mentee " << Person(response.mentee_id(), names) << " · mentor "
      << Person(response.mentor_id(), names) << '\n'
      << "Score " << FormatFixed(response.score(), 3) << " · "
      << (response.allowed() ? "allowed"
                             : "not allowed: " + response.exclusion())
      << '\n';
  WriteContributions(response.contributions(), out);
}

void RenderExplainGroupTable(const sopu::v1::ExplainGroupResponse& response,
                             const sopu::v1::Cohort& cohort,
                             std::ostream& out) {
  const DisplayNames names(cohort);
  out << "Policy: " << PolicyName(response.policy()) << " · group of "
      << response.member_ids_size() << " · score "
      << FormatFixed(response.score(), 3) << " · mean pair "
      << FormatFixed(response.mean_pair_score(), 3) << " · "
      << (response.conflicts().empty()
              ? std::string("every pair allowed")
              : std::to_string(response.conflicts_size()) +
                    " pairs the policy forbids")
      << '\n';
  for (const auto& id : response.member_ids()) {
    out << "    " << PadRight(id, kIdWidth) << ' '
        << PadRight(names.Of(id), kNameWidth) << '\n';
  }
  out << "\nCriteria (contribution summed over the pairs):\n";
  WriteContributions(response.breakdown(), out);
  out << "\nPairs:\n";
  for (const auto& pair : response.pairs()) {
    out << "  " << PadRight(pair.first_id(), kIdWidth) << ' '
        << PadRight(pair.second_id(), kIdWidth) << ' '
        << FormatFixed(pair.score(), 3);
    if (!pair.allowed()) {
      out << "  forbidden: " << absl::StrJoin(pair.excluded_by(), ", ");
    }
    out << '\n';
  }
}

}  // namespace sopu::service
