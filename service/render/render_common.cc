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

void WriteCsvReasons(const Reasons& reasons, std::ostream& out) {
  for (int i = 0; i < kCsvReasonColumns; ++i) {
    if (i < reasons.size()) {
      out << ',' << CsvField(reasons[i].criterion()) << ','
          << FormatFixed(reasons[i].contribution(), 4);
    } else {
      out << ",,";
    }
  }
}

std::string PolicyName(const sopu::v1::Policy& policy) {
  return policy.name().empty() ? std::string("(unnamed)") : policy.name();
}

}  // namespace sopu::service
