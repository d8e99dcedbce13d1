#include "service/handlers/prepare_inputs.h"

#include "absl/strings/str_cat.h"
#include "service/convert/cohort_convert.h"
#include "service/convert/policy_convert.h"
#include "service/status/bad_request.h"
#include "service/validation/cohort_validator.h"
#include "service/validation/policy_validator.h"
#include "service/validation/theme_checks.h"

namespace sopu::service {
namespace {

bool HasRole(const sopu::v1::Cohort& cohort, sopu::v1::Role role) {
  for (const auto& p : cohort.participants()) {
    for (int r : p.roles()) {
      if (r == role) return true;
    }
  }
  return false;
}

}  // namespace

void CheckInputs(const sopu::v1::Cohort& cohort, const sopu::v1::Policy* policy,
                 bool need_both_sides, ViolationList& violations) {
  ValidateCohort(cohort, "cohort", violations);
  CheckThemeNames(cohort, policy, "cohort", violations);
  if (need_both_sides && !cohort.participants().empty()) {
    if (!HasRole(cohort, sopu::v1::ROLE_MENTEE)) {
      violations.Add("cohort.participants",
                     "no participant has the role mentee; scoring needs at "
                     "least one mentee and one mentor");
    }
    if (!HasRole(cohort, sopu::v1::ROLE_MENTOR)) {
      violations.Add("cohort.participants",
                     "no participant has the role mentor; scoring needs at "
                     "least one mentee and one mentor");
    }
  }
  if (policy != nullptr) {
    ValidatePolicy(*policy, cohort, "policy", /*is_default=*/false, violations);
  } else if (!cohort.participants().empty() && violations.empty() &&
             DefaultPolicyFor(ToEngineCohort(cohort)).policy.criteria.empty()) {
    violations.Add("policy",
                   "without a policy sopu scores by themes (complement), "
                   "shared languages or different sectors, and this cohort "
                   "has none of them; give a policy");
  }
}

absl::StatusOr<PreparedInputs> PrepareInputs(const sopu::v1::Cohort& cohort,
                                             const sopu::v1::Policy* policy,
                                             bool need_both_sides,
                                             ViolationList& violations) {
  CheckInputs(cohort, policy, need_both_sides, violations);
  if (!violations.empty()) {
    return violations.ToStatus();
  }
  PreparedInputs prepared;
  prepared.cohort = ToEngineCohort(cohort);
  prepared.policy = policy != nullptr
                        ? ToEnginePolicy(*policy)
                        : DefaultPolicyFor(prepared.cohort).policy;
  return prepared;
}

}  // namespace sopu::service
