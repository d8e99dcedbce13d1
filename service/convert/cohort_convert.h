// ToEngineCohort converts a validated v1 Cohort into the engine's model:
// roles become a bit set, tag sets plain vectors (duplicates removed),
// capacity defaults to 1. Call only on a cohort ValidateCohort accepted.
#ifndef SOPU_SERVICE_CONVERT_COHORT_CONVERT_H_
#define SOPU_SERVICE_CONVERT_COHORT_CONVERT_H_

#include <cstdint>

#include "engine/model/cohort.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::service {

// ToRoleBit: the engine's role bit of a contract role; 0 for
// ROLE_UNSPECIFIED (and unknown values).
[[nodiscard]] std::uint8_t ToRoleBit(sopu::v1::Role role);

// GroupMemberRole: the members' role of a groups request (GroupsRequest,
// ExplainGroupRequest): `role`, or ROLE_PEER when unspecified.
[[nodiscard]] sopu::v1::Role GroupMemberRole(sopu::v1::Role role);

// RoleWord: a contract role as staff write it in a CSV role cell and read it
// in messages ("mentor", "mentee", "facilitator", "peer"); "" for
// ROLE_UNSPECIFIED and unknown values.
[[nodiscard]] const char* RoleWord(sopu::v1::Role role);

[[nodiscard]] sopu::Cohort ToEngineCohort(const sopu::v1::Cohort& cohort);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_COHORT_CONVERT_H_
