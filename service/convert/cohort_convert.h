// ToEngineCohort converts a validated v1 Cohort into the engine's model:
// roles become a bit set, tag sets plain vectors (duplicates removed),
// capacity defaults to 1. Call only on a cohort ValidateCohort accepted.
#ifndef SOPU_SERVICE_CONVERT_COHORT_CONVERT_H_
#define SOPU_SERVICE_CONVERT_COHORT_CONVERT_H_

#include "engine/model/cohort.h"
#include "sopu/v1/cohort.pb.h"

namespace sopu::service {

[[nodiscard]] sopu::Cohort ToEngineCohort(const sopu::v1::Cohort& cohort);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_COHORT_CONVERT_H_
