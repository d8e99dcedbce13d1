#include "service/io/text_tokens.h"

#include <charconv>
#include <fstream>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace sopu::io {
namespace {

bool IsSpace(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
         ch == '\v';
}

}  // namespace

bool Tokenizer::Next() {
  while (pos_ < text_.size() && IsSpace(text_[pos_])) {
    if (text_[pos_] == '\n') {
      ++line_;
      index_ = 0;
    }
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  const std::size_t begin = pos_;
  while (pos_ < text_.size() && !IsSpace(text_[pos_])) ++pos_;
  token_ = text_.substr(begin, pos_ - begin);
  token_line_ = line_;
  ++index_;
  return true;
}

absl::Status Tokenizer::Error(std::string_view what) const {
  return absl::InvalidArgumentError(
      absl::StrCat("line ", line_, ", token ", index_, " \"",
                   std::string(token_), "\": ", std::string(what)));
}

absl::Status Tokenizer::EndError(std::string_view what) const {
  return absl::InvalidArgumentError(
      absl::StrCat("line ", token_line_, ": ", std::string(what)));
}

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

bool ParseDecimal(std::string_view token, double& out, int& decimals) {
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

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
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
  return text;
}

}  // namespace sopu::io
