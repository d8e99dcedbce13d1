#include "service/render/violations_render.h"

#include <optional>

#include "absl/strings/str_cat.h"

namespace sopu::service {

std::string FormatViolation(
    const google::rpc::BadRequest::FieldViolation& violation,
    const io::SourceMap* source) {
  if (source != nullptr) {
    if (std::optional<std::string> where = source->Locate(violation.field())) {
      return absl::StrCat(*where, ": ", violation.description());
    }
  }
  return absl::StrCat(violation.field(), ": ", violation.description());
}

void PrintViolations(
    const std::vector<google::rpc::BadRequest::FieldViolation>& violations,
    bool truncated, const io::SourceMap* source, std::ostream& out) {
  for (const auto& v : violations) {
    out << FormatViolation(v, source) << '\n';
  }
  const std::size_t n = violations.size();
  out << n << (truncated ? "+" : "") << (n == 1 && !truncated ? " problem" : " problems")
      << (truncated ? " (only the first are listed)" : "") << '\n';
}

}  // namespace sopu::service
