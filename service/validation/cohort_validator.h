// ValidateCohort checks a v1 Cohort against every rule of the contract
// (proto/sopu/v1/cohort.proto) and records each problem, by field path, in a
// ViolationList: empty cohort, duplicate or malformed ids, unknown themes,
// levels outside 0..5, NaN/inf numbers, coordinates out of range, negative
// capacity, a mentee with no goals, avoid- and wish-lists naming unknown ids.
//
// Paths start with `prefix` (e.g. "cohort"), then proto field names:
// "cohort.participants[3].goals.leadership". Descriptions never repeat input
// values. Complexity O(size of the cohort · log P).
#ifndef SOPU_SERVICE_VALIDATION_COHORT_VALIDATOR_H_
#define SOPU_SERVICE_VALIDATION_COHORT_VALIDATOR_H_

#include <string>

#include "engine/common/limits.h"
#include "service/validation/violation_list.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::service {

// Cohort limits (the participant limit is kMaxParticipants in
// engine/common/limits.h).
inline constexpr int kMaxCapacity = 1000;
inline constexpr int kMaxThemes = 256;

void ValidateCohort(const sopu::v1::Cohort& cohort, const std::string& prefix,
                    ViolationList& violations);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_VALIDATION_COHORT_VALIDATOR_H_
