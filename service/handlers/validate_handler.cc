#include "service/handlers/validate_handler.h"

#include "service/handlers/prepare_inputs.h"

namespace sopu::service {

absl::StatusOr<sopu::v1::ValidateResponse> HandleValidate(
    const sopu::v1::ValidateRequest& request, const CallContext& context) {
  if (context.cancelled()) {
    return absl::CancelledError("validation was cancelled");
  }
  ViolationList violations;
  CheckInputs(request.cohort(),
              request.has_policy() ? &request.policy() : nullptr,
              /*need_both_sides=*/false, violations);

  sopu::v1::ValidateResponse response;
  response.set_valid(violations.empty());
  for (const FieldViolation& v : violations.violations()) {
    *response.add_violations() = v;
  }
  response.set_truncated(violations.truncated());

  auto* summary = response.mutable_summary();
  summary->set_participants(request.cohort().participants_size());
  summary->set_themes(request.cohort().taxonomy().themes_size());
  for (const auto& p : request.cohort().participants()) {
    bool mentor = false;
    bool mentee = false;
    for (int r : p.roles()) {
      mentor = mentor || r == sopu::v1::ROLE_MENTOR;
      mentee = mentee || r == sopu::v1::ROLE_MENTEE;
    }
    summary->set_mentors(summary->mentors() + (mentor ? 1 : 0));
    summary->set_mentees(summary->mentees() + (mentee ? 1 : 0));
  }
  return response;
}

}  // namespace sopu::service
