// `sopu explain`: why one pair fits as it does (every criterion, the rules
// that forbid it) or how one group fits (its score, criteria and every
// member pair); the ExplainPair and ExplainGroup calls of the API.
#include <iostream>
#include <string>

#include "absl/strings/str_split.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/render/explain_render.h"

namespace sopu::cli {
namespace {

// NoCsv: explain has no CSV form (the options only offer table and json).
template <typename Response>
void NoCsv(const Response& /*response*/, const sopu::v1::Cohort& /*cohort*/,
           std::ostream& /*out*/) {}

}  // namespace

int RunExplain(const ExplainOptions& options, EngineClient& engine) {
  Inputs inputs;
  if (auto code =
          LoadInputs(options.cohort_path, options.policy_path, inputs)) {
    return *code;
  }
  if (auto code = ReportReadProblems(inputs, options.cohort_path, engine)) {
    return *code;
  }
  if (!options.pair.empty()) {
    const std::vector<std::string> ids = absl::StrSplit(options.pair, ',');
    if (ids.size() != 2 || ids[0].empty() || ids[1].empty()) {
      std::cerr << "sopu: --pair takes MENTOR_ID,MENTEE_ID\n";
      return kExitUsage;
    }
    sopu::v1::ExplainPairRequest request;
    *request.mutable_cohort() = inputs.cohort.cohort;
    if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
    request.set_mentor_id(ids[0]);
    request.set_mentee_id(ids[1]);
    absl::StatusOr<sopu::v1::ExplainPairResponse> response =
        engine.ExplainPair(request);
    if (!response.ok()) {
      return ReportHandlerError(response.status(), inputs, options.cohort_path);
    }
    return Emit(options.format, *response, request.cohort(),
                NoCsv<sopu::v1::ExplainPairResponse>,
                service::RenderExplainPairTable, options.output_path);
  }
  sopu::v1::ExplainGroupRequest request;
  *request.mutable_cohort() = inputs.cohort.cohort;
  if (inputs.policy.has_value()) *request.mutable_policy() = *inputs.policy;
  for (const std::string& id : options.group) request.add_member_ids(id);
  request.set_member_role(RoleOf(options.role));
  absl::StatusOr<sopu::v1::ExplainGroupResponse> response =
      engine.ExplainGroup(request);
  if (!response.ok()) {
    return ReportHandlerError(response.status(), inputs, options.cohort_path);
  }
  return Emit(options.format, *response, request.cohort(),
              NoCsv<sopu::v1::ExplainGroupResponse>,
              service::RenderExplainGroupTable, options.output_path);
}

}  // namespace sopu::cli
