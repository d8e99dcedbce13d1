#include "service/io/assignment_instance_reader.h"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace sopu::io {
namespace {

// Tokenizer walks whitespace-separated tokens, tracking line and position.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  // Next: false at the end of the text.
  bool Next() {
    while (pos_ < text_.size()) {
      const char ch = text_[pos_];
      if (ch == '\n') {
        ++line_;
        index_ = 0;
      } else if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\f' &&
                 ch != '\v') {
        break;
      }
      ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    const std::size_t begin = pos_;
    while (pos_ < text_.size()) {
      const char ch = text_[pos_];
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
          ch == '\v') {
        break;
      }
      ++pos_;
    }
    token_ = text_.substr(begin, pos_ - begin);
    ++index_;
    return true;
  }

  [[nodiscard]] std::string_view token() const { return token_; }
  [[nodiscard]] int line() const { return line_; }

  [[nodiscard]] absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat("line ", line_, ", token ", index_, " \"",
                     std::string(token_), "\": ", std::string(what)));
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::string_view token_;
  int line_ = 1;
  int index_ = 0;
};

// ParseCount: a non-negative integer no larger than `limit`.
bool ParseCount(std::string_view token, std::int64_t limit, int& out) {
  std::int64_t value = 0;
  const auto [end, ec] =
      std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc() || end != token.data() + token.size() || value < 0 ||
      value > limit) {
    return false;
  }
  out = static_cast<int>(value);
  return true;
}

// ParseScore: a plain decimal number ([+-]digits[.digits]); sets `decimals`.
bool ParseScore(std::string_view token, double& out, int& decimals) {
  std::size_t i = 0;
  if (i < token.size() && (token[i] == '-' || token[i] == '+')) ++i;
  const std::size_t digits_begin = i;
  std::size_t digits = 0;
  decimals = 0;
  bool dot = false;
  for (; i < token.size(); ++i) {
    const char ch = token[i];
    if (ch >= '0' && ch <= '9') {
      ++digits;
      if (dot) ++decimals;
    } else if (ch == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  if (digits == 0) return false;
  // from_chars takes no '+'; the sign is re-applied below.
  const bool negative = token[0] == '-';
  const auto [end, ec] = std::from_chars(token.data() + digits_begin,
                                         token.data() + token.size(), out);
  if (ec != std::errc() || end != token.data() + token.size()) return false;
  if (negative) out = -out;
  return true;
}

}  // namespace

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
    if (!ParseScore(token, out.scores[k], decimals)) {
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
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), size);
  }
  if (!in && size > 0) {
    return absl::NotFoundError(absl::StrCat(path, ": read error"));
  }
  absl::StatusOr<AssignmentInstance> parsed = ParseAssignmentInstance(text);
  if (!parsed.ok()) {
    return absl::Status(parsed.status().code(),
                        absl::StrCat(path, ": ", parsed.status().message()));
  }
  return parsed;
}

}  // namespace sopu::io
