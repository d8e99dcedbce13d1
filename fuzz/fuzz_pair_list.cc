// fuzz_pair_list: bytes -> the pair-list CSV readers of `sopu match --lock /
// --forbid / --previous` (io::ReadPairList) and `sopu groups --together`
// (io::ReadMemberPairList).
//
// The contract checked: reading never crashes; every pair read has its row
// (rows[i] belongs to pairs[i], the header being row 1) and every problem
// says where and what (anything else aborts, so libFuzzer reports it).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "google/rpc/error_details.pb.h"
#include "service/io/pair_list_reader.h"

namespace {

template <typename List>
void CheckList(const char* reader, const List& list) {
  bool ok = list.rows.size() == list.pairs.size();
  for (const int row : list.rows) ok = ok && row >= 2;
  for (const google::rpc::BadRequest::FieldViolation& p : list.problems) {
    ok = ok && !p.field().empty() && !p.description().empty();
  }
  if (!ok) {
    std::fprintf(stderr, "fuzz_pair_list: %s broke its contract\n", reader);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckList("ReadPairList", sopu::io::ReadPairList(bytes, "pairs.csv"));
  CheckList("ReadMemberPairList",
            sopu::io::ReadMemberPairList(bytes, "together.csv"));
  return 0;
}
