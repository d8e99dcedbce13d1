// ReadMdgpInstance: the MDGPLIB text format of the grouping benchmarks
// (maximally diverse grouping problem), used by `sopu solve groups`:
//
//   n m kind a_1 b_1 ... a_m b_m      kind ss|ds; group g holds a_g..b_g
//   i j d_ij                          0-based, one line per pair
//
// For `ss` a single `a b` pair may stand for every group. Pairs not listed
// score 0; i > j is read as (j, i). Errors name the line and the token,
// e.g. `line 7, token 2 "120": element id must be in 0..119`, and also
// cover a pair listed twice, bounds whose sums cannot hold n elements, and
// sizes the file is too short to describe.
#ifndef SOPU_SERVICE_IO_MDGP_INSTANCE_READER_H_
#define SOPU_SERVICE_IO_MDGP_INSTANCE_READER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace sopu::io {

struct MdgpInstance {
  int elements = 0;
  // (min, max) size per group.
  std::vector<std::pair<int, int>> bounds;
  std::string kind;  // "ss" or "ds"
  // Row-major elements x elements, symmetric, zero diagonal.
  std::vector<double> distance;
  // Largest number of decimals of any distance; 0 = an integer instance.
  int decimals = 0;
};

[[nodiscard]] absl::StatusOr<MdgpInstance> ParseMdgpInstance(
    std::string_view text);

// ReadMdgpInstance: NotFound when the file cannot be read, else as
// ParseMdgpInstance with the path in front of the message.
[[nodiscard]] absl::StatusOr<MdgpInstance> ReadMdgpInstance(
    const std::string& path);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_MDGP_INSTANCE_READER_H_
