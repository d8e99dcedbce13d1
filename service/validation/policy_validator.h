// ValidatePolicy checks a v1 Policy against the contract
// (proto/sopu/v1/policy.proto) and against the cohort it will score: at least
// one criterion, exactly one kind each, finite weights in 0..1000 with a
// positive sum, unique names, parameters in range, complement themes in the
// taxonomy, and attributes / tag sets / numbers that some participant has (a
// misspelt field would otherwise score every pair 0 without a word).
//
// Paths start with `prefix` (e.g. "policy"): "policy.criteria[2].gap.number".
#ifndef SOPU_SERVICE_VALIDATION_POLICY_VALIDATOR_H_
#define SOPU_SERVICE_VALIDATION_POLICY_VALIDATOR_H_

#include <string>

#include "service/validation/violation_list.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

inline constexpr double kMaxWeight = 1000.0;

// `is_default` says the user gave no policy, so descriptions can say what to
// change (a column to add, or a policy to give).
void ValidatePolicy(const sopu::v1::Policy& policy,
                    const sopu::v1::Cohort& cohort, const std::string& prefix,
                    bool is_default, ViolationList& violations);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_VALIDATION_POLICY_VALIDATOR_H_
