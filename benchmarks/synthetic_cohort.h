// SyntheticCohort: a reproducible benchmark cohort shaped like a Finnish
// arts-and-culture mentoring program, and a policy using every criterion
// kind. Data are invented (ids only, no names); same seed, same cohort.
#ifndef SOPU_BENCHMARKS_SYNTHETIC_COHORT_H_
#define SOPU_BENCHMARKS_SYNTHETIC_COHORT_H_

#include <cstdint>

#include "engine/model/cohort.h"
#include "engine/model/policy.h"

namespace sopu::bench {

// SyntheticCohortOptions: `mentees` and `mentors` participants (disjoint),
// `themes` coaching themes.
struct SyntheticCohortOptions {
  int mentees = 1000;
  int mentors = 1000;
  int themes = 32;
  std::uint64_t seed = 20240601;
};

// MakeSyntheticCohort: goals on 3..6 themes, competences on 5..12 themes
// (levels 1..5); attributes career_stage, sector, organisation (~5 people
// each); tags languages (fi 90 %, sv 12 %, en 65 %, a few others);
// coordinates around 16 Finnish towns (3 % missing) with municipality and
// region; number years_experience; 1 % avoid someone.
[[nodiscard]] Cohort MakeSyntheticCohort(const SyntheticCohortOptions& options);

// AllKindsPolicy: complement over all themes (weight 3), similar career_stage
// (0.5), different sector (0.5), hard overlap on languages (1, minimum 1,
// saturation 2), hard geo distance (1, 300 km), gap years_experience
// (1, mentor 3..20 years ahead, tolerance 5); same organisation forbidden.
[[nodiscard]] Policy AllKindsPolicy();

}  // namespace sopu::bench

#endif  // SOPU_BENCHMARKS_SYNTHETIC_COHORT_H_
