// ReadPairList reads a list of (mentee, mentor) pairs from CSV — the locked
// or previous pairs staff give `sopu match`. The header must name the columns
// `mentee_id` and `mentor_id` (also `mentee` / `mentor`); other columns are
// ignored, so a CSV written by `sopu match --format csv` can be given back as
// `--previous`. Delimiter, BOM and quoting as for cohorts
// (docs/csv-format.md). Rows whose mentor cell is empty (unmatched mentees)
// are skipped; a mentee listed twice is kept twice (the request's validation
// reports it). Each pair's row and the id columns are kept, so that
// SourceMap::AddPairList can locate the request's problems in the file
// ("lock.csv row 3, mentor_id"). Complexity O(file size).
#ifndef SOPU_SERVICE_IO_PAIR_LIST_READER_H_
#define SOPU_SERVICE_IO_PAIR_LIST_READER_H_

#include <string_view>
#include <vector>

#include "google/rpc/error_details.pb.h"
#include "service/io/source_map.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::io {

struct PairList {
  std::vector<sopu::v1::PairRef> pairs;
  // The file row of each pair (header = row 1), for locating problems.
  std::vector<int> rows;
  // The columns "mentee_id" and "mentor_id" were read from (empty when the
  // header lacks one).
  std::vector<PairColumn> columns;
  // Problems located as "<file> row R" (records counted from the header,
  // row 1); descriptions never repeat a cell.
  std::vector<google::rpc::BadRequest::FieldViolation> problems;
};

// ReadPairList parses a whole file's bytes; `name` prefixes locations.
[[nodiscard]] PairList ReadPairList(std::string_view bytes,
                                    std::string_view name);

// MemberPairList: pairs of group members (e.g. who must be together), from
// a CSV with the columns `first_id` and `second_id` (also `first` /
// `second`); both cells are required in every non-empty row.
struct MemberPairList {
  std::vector<sopu::v1::MemberPair> pairs;
  std::vector<int> rows;
  std::vector<PairColumn> columns;  // of "first_id" and "second_id"
  std::vector<google::rpc::BadRequest::FieldViolation> problems;
};

[[nodiscard]] MemberPairList ReadMemberPairList(std::string_view bytes,
                                                std::string_view name);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_PAIR_LIST_READER_H_
