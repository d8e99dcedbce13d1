#include "service/render/render_common.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/render/text_table.h"

namespace sopu::service {

DisplayNames::DisplayNames(const sopu::v1::Cohort& cohort) {
  for (const auto& p : cohort.participants()) {
    names_.try_emplace(p.id(), p.display_name());
  }
}

std::string_view DisplayNames::Of(const std::string& id) const {
  auto it = names_.find(id);
  return it == names_.end() ? std::string_view() : it->second;
}

std::string ReasonsText(const Reasons& reasons) {
  std::vector<std::string> parts;
  parts.reserve(static_cast<std::size_t>(reasons.size()));
  for (const auto& r : reasons) {
    parts.push_back(
        absl::StrCat(r.criterion(), " ", FormatFixed(r.contribution(), 2)));
  }
  return absl::StrJoin(parts, " · ");
}

void WriteCsvReasons(const Reasons& reasons, const CsvDialect& dialect,
                     std::ostream& out) {
  const char d = dialect.delimiter;
  for (int i = 0; i < kCsvReasonColumns; ++i) {
    out << d;
    if (i < reasons.size()) {
      out << CsvCell(reasons[i].criterion(), dialect) << d
          << CsvNumber(reasons[i].contribution(), 4, dialect);
    } else {
      out << d;
    }
  }
}

std::string PolicyName(const sopu::v1::Policy& policy) {
  return policy.name().empty() ? std::string("(unnamed)") : policy.name();
}

std::string MatchObjectiveText(sopu::v1::Objective objective) {
  switch (objective) {
    case sopu::v1::OBJECTIVE_MAX_SCORE:
      return "max-score";
    case sopu::v1::OBJECTIVE_FAIR:
      return "fair";
    case sopu::v1::OBJECTIVE_STABLE:
      return "stable";
    default:
      return "optimal";
  }
}

std::string MatchStatusText(sopu::v1::SolverStatus status) {
  switch (status) {
    case sopu::v1::SOLVER_STATUS_OPTIMAL:
      return "optimal (proven)";
    case sopu::v1::SOLVER_STATUS_STABLE:
      return "stable (no blocking pair)";
    case sopu::v1::SOLVER_STATUS_CANCELLED:
      return "cancelled: the assignment may be incomplete";
    default:
      return "unknown";
  }
}

const char* GroupsStatusText(sopu::v1::GroupsStatus status) {
  switch (status) {
    case sopu::v1::GROUPS_STATUS_FEASIBLE:
      return "every rule holds";
    case sopu::v1::GROUPS_STATUS_RULES_NOT_MET:
      return "NOT every rule could be met (see Rules)";
    case sopu::v1::GROUPS_STATUS_INFEASIBLE:
      return "the rules cannot all hold";
    case sopu::v1::GROUPS_STATUS_CANCELLED:
      return "cancelled: the best groups so far";
    default:
      return "unknown";
  }
}

}  // namespace sopu::service
