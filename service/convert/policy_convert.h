// Conversion between the v1 Policy message and the engine's Policy, resolving
// every default stated in proto/sopu/v1/policy.proto (criterion names,
// overlap minimum and saturation, max_km, gap tolerance, organisation
// attribute). Call only on a policy ValidatePolicy accepted.
#ifndef SOPU_SERVICE_CONVERT_POLICY_CONVERT_H_
#define SOPU_SERVICE_CONVERT_POLICY_CONVERT_H_

#include <string>

#include "engine/model/policy.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

// Defaults of the contract.
inline constexpr double kDefaultMaxKm = 200.0;
inline constexpr const char* kDefaultOrganisationAttribute = "organisation";

// CriterionName returns the criterion's name, or its default when unset:
// "complement", "similar:<attribute>", "different:<attribute>",
// "overlap:<tags>", "distance" / "distance:municipality" /
// "distance:region", "gap:<number>".
[[nodiscard]] std::string CriterionName(const sopu::v1::Criterion& criterion);

[[nodiscard]] sopu::Policy ToEnginePolicy(const sopu::v1::Policy& policy);

// ToProtoPolicy writes an engine policy back in the contract (with every
// default made explicit), e.g. to report which policy a response applied.
[[nodiscard]] sopu::v1::Policy ToProtoPolicy(const sopu::Policy& policy);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_POLICY_CONVERT_H_
