// Whitespace-separated text instances (the benchmark files of `sopu solve`):
// a tokenizer that knows each token's line and position, number parsers that
// accept exactly the plain forms those files use, and a whole-file reader.
#ifndef SOPU_SERVICE_IO_TEXT_TOKENS_H_
#define SOPU_SERVICE_IO_TEXT_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace sopu::io {

// Tokenizer walks whitespace-separated tokens, tracking line and position.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  // Next: false at the end of the text.
  bool Next();

  [[nodiscard]] std::string_view token() const { return token_; }
  [[nodiscard]] int line() const { return line_; }

  // Error: InvalidArgument `line L, token K "TOKEN": what`.
  [[nodiscard]] absl::Status Error(std::string_view what) const;
  // EndError: InvalidArgument `line L: what` for a file that ends early, L
  // the line of the last token read.
  [[nodiscard]] absl::Status EndError(std::string_view what) const;

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::string_view token_;
  int line_ = 1;
  int token_line_ = 1;
  int index_ = 0;
};

// ParseCount: a non-negative integer no larger than `limit`.
[[nodiscard]] bool ParseCount(std::string_view token, std::int64_t limit,
                              int& out);

// ParseDecimal: a plain decimal number ([+-]digits[.digits]); sets
// `decimals` to the number of digits after the point.
[[nodiscard]] bool ParseDecimal(std::string_view token, double& out,
                                int& decimals);

// ReadWholeFile: NotFound `PATH: cannot open` / `PATH: read error`.
[[nodiscard]] absl::StatusOr<std::string> ReadWholeFile(
    const std::string& path);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_TEXT_TOKENS_H_
