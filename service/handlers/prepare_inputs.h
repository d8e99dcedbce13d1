// PrepareInputs validates a request's cohort and policy together and converts
// them to the engine model. Every handler that scores goes through it, so the
// command line and the server reject bad input identically: INVALID_ARGUMENT
// carrying one google.rpc.BadRequest field violation per problem (up to
// kDefaultMaxViolations), paths rooted at the request ("cohort...",
// "policy...").
#ifndef SOPU_SERVICE_HANDLERS_PREPARE_INPUTS_H_
#define SOPU_SERVICE_HANDLERS_PREPARE_INPUTS_H_

#include "absl/status/statusor.h"
#include "engine/model/cohort.h"
#include "engine/model/policy.h"
#include "service/validation/violation_list.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

struct PreparedInputs {
  sopu::Cohort cohort;
  sopu::Policy policy;
};

// CheckInputs records every problem of the cohort and of the policy (nullptr:
// the default policy) in `violations`. With `need_both_sides`, also that the
// cohort has at least one mentor and one mentee.
void CheckInputs(const sopu::v1::Cohort& cohort, const sopu::v1::Policy* policy,
                 bool need_both_sides, ViolationList& violations);

// PrepareInputs runs CheckInputs and, when nothing is wrong, converts.
[[nodiscard]] absl::StatusOr<PreparedInputs> PrepareInputs(
    const sopu::v1::Cohort& cohort, const sopu::v1::Policy* policy,
    bool need_both_sides, ViolationList& violations);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_PREPARE_INPUTS_H_
