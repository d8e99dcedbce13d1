// ReadAssignmentInstance: the peers' assignment-instance text format
// (../shared/peers/README.md), used by `sopu solve assignment`:
//
//   rows cols
//   cap_1 ... cap_cols                  integers >= 0
//   s_11 ... s_1cols                    one line per mentee (row)
//   ...
//
// Scores are plain decimal numbers (`17`, `-3`, `12.3456`; no exponent);
// `x` or `-inf` marks a forbidden pair. Any whitespace separates tokens, so
// the line layout is not enforced; errors name the line and the token.
#ifndef SOPU_SERVICE_IO_ASSIGNMENT_INSTANCE_READER_H_
#define SOPU_SERVICE_IO_ASSIGNMENT_INSTANCE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace sopu::io {

// AssignmentInstance: the file's content. Forbidden pairs have score 0 and
// forbidden = 1; `forbidden` is empty when no pair is forbidden.
struct AssignmentInstance {
  int rows = 0;
  int cols = 0;
  std::vector<int> capacity;
  std::vector<double> scores;  // row-major rows x cols
  std::vector<std::uint8_t> forbidden;
  // Largest number of decimals of any score; 0 = an integer instance.
  int decimals = 0;
};

// ParseAssignmentInstance: InvalidArgument naming line and token (also for a
// score above 1e15 in magnitude, the peers' bound, and for sizes the file is
// too short to hold), e.g.
// `line 3, token 2 "1e5": expected a plain decimal number, x or -inf`.
[[nodiscard]] absl::StatusOr<AssignmentInstance> ParseAssignmentInstance(
    std::string_view text);

// ReadAssignmentInstance: NotFound when the file cannot be read, else as
// ParseAssignmentInstance with the path in front of the message.
[[nodiscard]] absl::StatusOr<AssignmentInstance> ReadAssignmentInstance(
    const std::string& path);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_ASSIGNMENT_INSTANCE_READER_H_
