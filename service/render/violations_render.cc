#include "service/render/violations_render.h"

#include <optional>
#include <string_view>

#include "absl/strings/str_cat.h"

namespace sopu::service {
namespace {

// LocateReferences replaces each "participants[N]" in a description by the
// participant's row, e.g. "duplicates the id of row 4".
std::string LocateReferences(const std::string& text,
                             const io::SourceMap& source) {
  static constexpr std::string_view kPrefix = "participants[";
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find(kPrefix, pos);
    const std::size_t end =
        start == std::string::npos ? start : text.find(']', start);
    if (end == std::string::npos) break;
    const std::optional<std::string> row =
        source.Locate(text.substr(start, end + 1 - start));
    out.append(text, pos, start - pos);
    out += row.has_value() ? *row : text.substr(start, end + 1 - start);
    pos = end + 1;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace

std::string FormatViolation(
    const google::rpc::BadRequest::FieldViolation& violation,
    const io::SourceMap* source) {
  if (source != nullptr) {
    if (std::optional<std::string> where = source->Locate(violation.field())) {
      return absl::StrCat(*where, ": ",
                          LocateReferences(violation.description(), *source));
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
  out << n << (truncated ? "+" : "")
      << (n == 1 && !truncated ? " problem" : " problems")
      << (truncated ? " (only the first are listed)" : "") << '\n';
}

}  // namespace sopu::service
