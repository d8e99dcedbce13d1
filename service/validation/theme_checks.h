// CheckThemeNames: themes that look like a mistake in the file rather than
// a theme of the program — the cost of missing one is a misspelt column
// (`goal.self_leadrship`) read as a sixth theme, which drops the mentee's
// real goal and every score that depends on it: a theme that differs from
// an earlier one only by case or by a small edit (engine/common/near_miss.h)
// is a problem, reported at the later one, unless a complement criterion of
// the policy lists it by name (declares it). (A theme column that only one
// side has is a problem of the CSV header, where the columns are known.) Paths
// are those of the taxonomy
// ("cohort.taxonomy.themes[5].id"), which a CSV source map turns into the
// header cell. O(T^2 * L^2 + P * T log T) for T themes of length L and P
// participants.
#ifndef SOPU_SERVICE_VALIDATION_THEME_CHECKS_H_
#define SOPU_SERVICE_VALIDATION_THEME_CHECKS_H_

#include <string>

#include "service/validation/violation_list.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

// CheckThemeNames adds the problems above; `policy` may be nullptr (the
// default policy declares no theme by name). `prefix` roots the paths.
void CheckThemeNames(const sopu::v1::Cohort& cohort,
                     const sopu::v1::Policy* policy, const std::string& prefix,
                     ViolationList& violations);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_VALIDATION_THEME_CHECKS_H_
