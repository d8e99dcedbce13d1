// The files an engine command reads: the cohort, the policy and the pair
// files (--lock, --forbid, --previous, --together), read once, with one
// SourceMap that locates every problem of the request built from them.
#ifndef SOPU_SERVICE_CLI_INPUT_FILES_H_
#define SOPU_SERVICE_CLI_INPUT_FILES_H_

#include <optional>
#include <string>
#include <vector>

#include "google/protobuf/repeated_ptr_field.h"
#include "service/io/cohort_file.h"
#include "service/io/source_map.h"
#include "service/status/bad_request.h"
#include "sopu/v1/policy.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::cli {

// Inputs are the files of a command, read and parsed.
struct Inputs {
  std::string cohort_path;  // as given; heads the problem list
  io::LoadedCohort cohort;  // its `source` is moved into `source` below
  std::optional<sopu::v1::Policy> policy;
  // Where each field path of the request came from: the cohort's cells (a
  // CSV cohort; nothing for JSON) and the entries of every pair file read.
  io::SourceMap source;
  // The pair files' own problems (unreadable rows), in the order read;
  // located already ("lock.csv row 2").
  std::vector<service::FieldViolation> pair_problems;
};

// LoadInputs reads the cohort (sheet `sheet` of a spreadsheet; empty: the
// first) and policy (none when `policy_path` is empty) files and prints the
// cohort reader's notices to standard error, one line each ("note: ignored
// 2 columns sopu does not use: email, Aikaleima"); on failure prints the
// reason and returns the exit code.
[[nodiscard]] std::optional<int> LoadInputs(const std::string& cohort_path,
                                            const std::string& sheet,
                                            const std::string& policy_path,
                                            Inputs& inputs);

// ReadPairFile reads the pair-list CSV at `path` (nothing when empty) into
// the request's list `entries`, named `list` in the request's field paths
// ("locked", "forbidden", "previous"; "together" for member pairs): entry k
// is the file's k-th pair, its row recorded in inputs.source. The file's
// unreadable rows go to inputs.pair_problems. When the file cannot be read,
// prints the reason and returns the exit code. Precondition: `entries` is
// empty (one file per list).
[[nodiscard]] std::optional<int> ReadPairFile(
    const std::string& path, const std::string& list,
    google::protobuf::RepeatedPtrField<sopu::v1::PairRef>& entries,
    Inputs& inputs);
[[nodiscard]] std::optional<int> ReadPairFile(
    const std::string& path, const std::string& list,
    google::protobuf::RepeatedPtrField<sopu::v1::MemberPair>& entries,
    Inputs& inputs);

// RequestFor returns a Request holding the inputs' cohort and policy.
template <typename Request>
[[nodiscard]] Request RequestFor(const Inputs& inputs) {
  Request request;
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  return request;
}

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_INPUT_FILES_H_
