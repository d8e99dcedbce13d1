#include "service/io/mdgp_instance_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/io/text_tokens.h"

namespace sopu::io {
namespace {

// Beyond this many elements the n x n matrix alone passes 200 MB.
constexpr int kMaxElements = 5000;
constexpr double kMaxAbsDistance = 1e12;

// ReadBounds: on success `pending` says whether the tokenizer holds the
// first token of line 2.
absl::Status ReadBounds(Tokenizer& tokens, int groups, MdgpInstance& out,
                        bool& pending) {
  // Read every remaining token of line 1: one pair per group, or one pair
  // for all groups of an `ss` file.
  const int header_line = tokens.line();
  std::vector<int> values;
  pending = false;
  while (tokens.Next()) {
    if (tokens.line() != header_line) {
      pending = true;
      break;
    }
    int v = 0;
    if (!ParseCount(tokens.token(), kMaxElements, v)) {
      return tokens.Error(
          absl::StrCat("expected a group size bound 0..", kMaxElements));
    }
    values.push_back(v);
  }
  const auto pairs = values.size() / 2;
  if (values.size() % 2 != 0 || !(pairs == static_cast<std::size_t>(groups) ||
                                  (pairs == 1 && out.kind == "ss"))) {
    return absl::InvalidArgumentError(
        absl::StrCat("line ", header_line, ": expected ", groups,
                     " pairs of size bounds after the kind, found ",
                     values.size(), " numbers"));
  }
  for (int g = 0; g < groups; ++g) {
    const std::size_t k = pairs == 1 ? 0 : static_cast<std::size_t>(g);
    const int lo = values[2 * k];
    const int hi = values[2 * k + 1];
    if (lo > hi) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", header_line, ": group ", g, " has min size ",
                       lo, " above its max size ", hi));
    }
    if (out.kind == "ss" && lo != hi) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", header_line, ": group ", g, " of an ss file ",
                       "needs equal bounds, found ", lo, " and ", hi));
    }
    out.bounds.emplace_back(lo, hi);
  }
  std::int64_t total_min = 0;
  std::int64_t total_max = 0;
  for (const auto& [lo, hi] : out.bounds) {
    total_min += lo;
    total_max += hi;
  }
  if (total_min > out.elements || total_max < out.elements) {
    return absl::InvalidArgumentError(absl::StrCat(
        "line ", header_line, ": group sizes ", total_min, "..", total_max,
        " in total cannot hold ", out.elements, " elements"));
  }
  return absl::OkStatus();
}

// ReadHeader reads n, m and the kind, the first three tokens of line 1.
absl::Status ReadHeader(Tokenizer& tokens, MdgpInstance& out, int& groups) {
  if (!tokens.Next()) {
    return absl::InvalidArgumentError(
        "line 1: empty file, expected n m kind and the size bounds");
  }
  if (!ParseCount(tokens.token(), kMaxElements, out.elements)) {
    return tokens.Error(absl::StrCat(
        "expected the number of elements (an integer 0..", kMaxElements, ")"));
  }
  if (!tokens.Next()) return tokens.EndError("file ends before m");
  if (!ParseCount(tokens.token(), std::max(out.elements, 1), groups) ||
      groups < 1) {
    return tokens.Error("expected the number of groups (an integer 1..n)");
  }
  if (!tokens.Next()) return tokens.EndError("file ends before the kind");
  out.kind = std::string(tokens.token());
  if (out.kind != "ss" && out.kind != "ds") {
    return tokens.Error("expected the kind ss or ds");
  }
  return absl::OkStatus();
}

// ReadPairIds reads the two different element ids of a pair line, the first
// being the tokenizer's current token.
absl::Status ReadPairIds(Tokenizer& tokens, int elements,
                         std::array<int, 2>& ids) {
  for (std::size_t k = 0; k < 2; ++k) {
    if (k > 0 && !tokens.Next()) {
      return tokens.EndError("file ends inside a pair line");
    }
    if (!ParseCount(tokens.token(), elements - 1, ids[k])) {
      return tokens.Error(
          absl::StrCat("element id must be in 0..", elements - 1));
    }
  }
  if (ids[0] == ids[1]) {
    return tokens.Error("a pair needs two different elements");
  }
  return absl::OkStatus();
}

// ReadPairLine reads "i j d" (the tokenizer at i) into both halves of the
// distance matrix; a pair may be listed once. `seen` marks the listed
// pairs (i < j).
absl::Status ReadPairLine(Tokenizer& tokens, MdgpInstance& out,
                          std::vector<std::uint8_t>& seen) {
  const auto n = static_cast<std::size_t>(out.elements);
  std::array<int, 2> ids = {0, 0};
  if (absl::Status s = ReadPairIds(tokens, out.elements, ids); !s.ok()) {
    return s;
  }
  if (!tokens.Next()) {
    return tokens.EndError("file ends before the pair's distance");
  }
  double d = 0.0;
  int decimals = 0;
  if (!ParseDecimal(tokens.token(), d, decimals)) {
    return tokens.Error("expected a plain decimal number");
  }
  if (std::abs(d) > kMaxAbsDistance) {
    return tokens.Error("distance magnitude above 1e12");
  }
  out.decimals = std::max(out.decimals, decimals);
  const auto i = static_cast<std::size_t>(std::min(ids[0], ids[1]));
  const auto j = static_cast<std::size_t>(std::max(ids[0], ids[1]));
  if (seen[i * n + j] != 0) {
    return tokens.Error(
        absl::StrCat("pair ", i, " ", j, " is listed a second time"));
  }
  seen[i * n + j] = 1;
  out.distance[i * n + j] = d;
  out.distance[j * n + i] = d;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<MdgpInstance> ParseMdgpInstance(std::string_view text) {
  Tokenizer tokens(text);
  MdgpInstance out;
  int groups = 0;
  if (absl::Status s = ReadHeader(tokens, out, groups); !s.ok()) return s;
  bool have_token = false;
  if (absl::Status s = ReadBounds(tokens, groups, out, have_token); !s.ok()) {
    return s;
  }

  const auto n = static_cast<std::size_t>(out.elements);
  // Every pair line takes at least six bytes ("0 1 0\n"); refuse to
  // allocate for a matrix a short file cannot describe.
  if (n > 1 && n > text.size() / 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("line 1: the file is too short for ", n, " elements"));
  }
  out.distance.assign(n * n, 0.0);
  std::vector<std::uint8_t> seen(n * n, 0);
  while (have_token) {
    if (absl::Status s = ReadPairLine(tokens, out, seen); !s.ok()) return s;
    have_token = tokens.Next();
  }
  return out;
}

absl::StatusOr<MdgpInstance> ReadMdgpInstance(const std::string& path) {
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  absl::StatusOr<MdgpInstance> parsed = ParseMdgpInstance(*text);
  if (!parsed.ok()) {
    return absl::Status(parsed.status().code(),
                        absl::StrCat(path, ": ", parsed.status().message()));
  }
  return parsed;
}

}  // namespace sopu::io
