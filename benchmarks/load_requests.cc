#include "benchmarks/load_requests.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/gen/cohort_generator.h"
#include "service/io/cohort_file.h"
#include "service/io/json_files.h"

namespace sopu::bench {
namespace {

struct SizeShape {
  int mentors;
  int mentees;
  int peers;
  double groups_time_limit;  // seconds
};

SizeShape Shape(LoadSize size) {
  switch (size) {
    case LoadSize::kS:
      return {
          .mentors = 15, .mentees = 40, .peers = 40, .groups_time_limit = 0.05};
    case LoadSize::kM:
      return {.mentors = 250,
              .mentees = 700,
              .peers = 300,
              .groups_time_limit = 0.5};
  }
  return {};
}

}  // namespace

std::string_view LoadRpcName(LoadRpc rpc) {
  switch (rpc) {
    case LoadRpc::kMatch:
      return "match";
    case LoadRpc::kGroups:
      return "groups";
    case LoadRpc::kScore:
      return "score";
  }
  return "?";
}

std::string_view LoadSizeName(LoadSize size) {
  return size == LoadSize::kS ? "S" : "M";
}

LoadInputs GeneratedInputs(LoadRpc rpc, LoadSize size) {
  const SizeShape shape = Shape(size);
  gen::CohortGenOptions options;
  options.seed = 1;
  LoadInputs inputs;
  if (rpc == LoadRpc::kGroups) {
    options.mentors = 0;
    options.mentees = 0;
    options.peers = shape.peers;
    inputs.description =
        absl::StrCat("generated ", shape.peers, " peers, groups of 4-6, ",
                     shape.groups_time_limit, " s search limit");
  } else {
    options.mentors = shape.mentors;
    options.mentees = shape.mentees;
    inputs.policy = gen::GeneratorPolicy();
    inputs.description = absl::StrCat("generated ", shape.mentors,
                                      " mentors + ", shape.mentees, " mentees");
  }
  inputs.cohort = gen::GenerateCohort(options);
  return inputs;
}

absl::StatusOr<LoadInputs> FileInputs(const std::string& cohort_path,
                                      const std::string& policy_path) {
  absl::StatusOr<io::LoadedCohort> loaded = io::ReadCohortFile(cohort_path);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->problems.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(cohort_path, ": ", loaded->problems.size(),
                     " reading problems (check it with `sopu validate`)"));
  }
  LoadInputs inputs;
  inputs.cohort = std::move(loaded->cohort);
  inputs.description = absl::StrCat(
      cohort_path, " (", inputs.cohort.participants_size(), " participants)");
  if (!policy_path.empty()) {
    absl::StatusOr<sopu::v1::Policy> policy = io::ReadPolicyFile(policy_path);
    if (!policy.ok()) return policy.status();
    inputs.policy = *std::move(policy);
    absl::StrAppend(&inputs.description, ", policy ", policy_path);
  }
  return inputs;
}

sopu::v1::MatchRequest MakeMatchRequest(const LoadInputs& inputs) {
  sopu::v1::MatchRequest request;
  *request.mutable_cohort() = inputs.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  return request;
}

sopu::v1::ScoreRequest MakeScoreRequest(const LoadInputs& inputs) {
  sopu::v1::ScoreRequest request;
  *request.mutable_cohort() = inputs.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  request.set_top_k(3);
  return request;
}

sopu::v1::GroupsRequest MakeGroupsRequest(const LoadInputs& inputs,
                                          LoadSize size) {
  sopu::v1::GroupsRequest request;
  *request.mutable_cohort() = inputs.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  request.set_member_role(sopu::v1::ROLE_PEER);
  request.set_min_size(4);
  request.set_max_size(6);
  request.set_seed(1);
  request.set_time_limit_seconds(Shape(size).groups_time_limit);
  return request;
}

}  // namespace sopu::bench
