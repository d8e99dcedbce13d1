// Load requests: the sopu.v1 requests that the load tools send
// (sopud_load, grpc_overhead_benchmark), built either from the seeded cohort
// generator (service/gen/cohort_generator.h, so no data files are needed) or
// from a cohort file and a policy file.
//
// Sizes (generated, seed 1; docs/load.md gives the measured solve times):
//   S: match and score 15 mentors + 40 mentees (the bundled example's
//      shape; milliseconds); groups 40 peers in groups of 4-6 with a
//      0.05 s search limit;
//   M: match and score 250 mentors + 700 mentees (about 0.1 s for match on
//      the 2-core machine); groups 300 peers in groups of 4-6 with a 0.5 s
//      search limit.
// Match and score use gen::GeneratorPolicy(); groups use the default policy
// (no policy in the request). Same size, same request, byte for byte.
#ifndef SOPU_BENCHMARKS_LOAD_REQUESTS_H_
#define SOPU_BENCHMARKS_LOAD_REQUESTS_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/policy.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::bench {

enum class LoadRpc { kMatch, kGroups, kScore };
enum class LoadSize { kS, kM };

// LoadRpcName: "match", "groups", "score"; LoadSizeName: "S", "M".
[[nodiscard]] std::string_view LoadRpcName(LoadRpc rpc);
[[nodiscard]] std::string_view LoadSizeName(LoadSize size);

// LoadInputs: the cohort and (optional) policy a request is built from,
// with a one-line description for reports (counts only, never names).
struct LoadInputs {
  sopu::v1::Cohort cohort;
  std::optional<sopu::v1::Policy> policy;
  std::string description;
};

// GeneratedInputs: the seeded cohort of `size` for `rpc` (see the file
// comment). Deterministic.
[[nodiscard]] LoadInputs GeneratedInputs(LoadRpc rpc, LoadSize size);

// FileInputs reads a cohort (CSV or JSON, io::ReadCohortFile) and, when
// `policy_path` is not empty, a policy (JSON). Fails when a file cannot be
// read or has reading problems (the message names the file and counts the
// problems); validation is left to the server.
[[nodiscard]] absl::StatusOr<LoadInputs> FileInputs(
    const std::string& cohort_path, const std::string& policy_path);

// MakeMatchRequest: objective optimal (the default), no pair lists.
[[nodiscard]] sopu::v1::MatchRequest MakeMatchRequest(const LoadInputs& inputs);
// MakeScoreRequest: the top 3 mentors per mentee.
[[nodiscard]] sopu::v1::ScoreRequest MakeScoreRequest(const LoadInputs& inputs);
// MakeGroupsRequest: members with ROLE_PEER in groups of 4..6, seed 1, the
// search limit of `size` (S 0.05 s, M 0.5 s).
[[nodiscard]] sopu::v1::GroupsRequest MakeGroupsRequest(
    const LoadInputs& inputs, LoadSize size);

}  // namespace sopu::bench

#endif  // SOPU_BENCHMARKS_LOAD_REQUESTS_H_
