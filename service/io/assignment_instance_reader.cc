#include "service/io/assignment_instance_reader.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/io/text_tokens.h"

namespace sopu::io {

absl::StatusOr<AssignmentInstance> ParseAssignmentInstance(
    std::string_view text) {
  Tokenizer tokens(text);
  AssignmentInstance out;
  constexpr std::int64_t kMaxSide = 1 << 20;
  constexpr double kMaxAbsScore = 1e15;
  if (!tokens.Next()) {
    return absl::InvalidArgumentError("line 1: empty file, expected rows cols");
  }
  if (!ParseCount(tokens.token(), kMaxSide, out.rows)) {
    return tokens.Error("expected the number of rows (an integer 0..1048576)");
  }
  if (!tokens.Next()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "line ", tokens.line(), ": file ends before the number of columns"));
  }
  if (!ParseCount(tokens.token(), kMaxSide, out.cols)) {
    return tokens.Error(
        "expected the number of columns (an integer 0..1048576)");
  }
  const std::size_t cells = static_cast<std::size_t>(out.rows) * out.cols;
  if (cells > (std::size_t{1} << 31)) {
    return tokens.Error("more than 2^31 scores");
  }
  // Every score takes at least two bytes ("0 "): refuse to allocate for
  // scores a short file cannot hold.
  if (cells > text.size() / 2 + 1) {
    return tokens.Error(
        absl::StrCat("the file is too short for ", cells, " scores"));
  }
  out.capacity.resize(static_cast<std::size_t>(out.cols));
  for (int j = 0; j < out.cols; ++j) {
    if (!tokens.Next()) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", tokens.line(), ": file ends after ", j, " of ",
                       out.cols, " capacities"));
    }
    if (!ParseCount(tokens.token(), std::numeric_limits<int>::max(),
                    out.capacity[static_cast<std::size_t>(j)])) {
      return tokens.Error("expected a capacity (an integer >= 0)");
    }
  }
  out.scores.resize(cells);
  bool any_forbidden = false;
  for (std::size_t k = 0; k < cells; ++k) {
    if (!tokens.Next()) {
      return absl::InvalidArgumentError(absl::StrCat("line ", tokens.line(),
                                                     ": file ends after ", k,
                                                     " of ", cells, " scores"));
    }
    const std::string_view token = tokens.token();
    if (token == "x" || token == "-inf") {
      if (!any_forbidden) {
        out.forbidden.assign(cells, 0);
        any_forbidden = true;
      }
      out.forbidden[k] = 1;
      continue;
    }
    int decimals = 0;
    if (!ParseDecimal(token, out.scores[k], decimals)) {
      return tokens.Error("expected a plain decimal number, x or -inf");
    }
    // The peers' bound: beyond it sums of scores lose exactness.
    if (std::abs(out.scores[k]) > kMaxAbsScore) {
      return tokens.Error("score magnitude above 1e15");
    }
    out.decimals = std::max(out.decimals, decimals);
  }
  if (tokens.Next()) {
    return tokens.Error(
        absl::StrCat("unexpected token after the ", cells, " scores"));
  }
  return out;
}

absl::StatusOr<AssignmentInstance> ReadAssignmentInstance(
    const std::string& path) {
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  absl::StatusOr<AssignmentInstance> parsed = ParseAssignmentInstance(*text);
  if (!parsed.ok()) {
    return absl::Status(parsed.status().code(),
                        absl::StrCat(path, ": ", parsed.status().message()));
  }
  return parsed;
}

}  // namespace sopu::io
