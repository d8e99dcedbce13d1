// PairEvaluation: the reference, double-precision evaluation of one criterion
// and of the pair rules for one (mentee, mentor) pair, read straight from the
// cohort's profiles.
//
// This is the scalar path behind ScoringModel::Explain, and the tie-breaker
// ScoringModel::ComputeMatrix calls when a hard predicate lies too close to
// its threshold to be decided in single precision. So both paths give the
// same verdict by construction. docs/scoring.md gives every formula.
//
// Complexity per call: complement O(T log m) with T the criterion's themes and
// m a profile's map size; overlap O(a log a + b log b) with a, b the two tag
// lists; the other kinds O(log m).
#ifndef SOPU_ENGINE_SCORING_PAIR_EVALUATION_H_
#define SOPU_ENGINE_SCORING_PAIR_EVALUATION_H_

#include <array>
#include <string>
#include <vector>

#include "engine/model/cohort.h"
#include "engine/model/policy.h"

namespace sopu::scoring_internal {

// kEarthRadiusKm is the mean Earth radius (IUGG) used for great-circle
// distances.
inline constexpr double kEarthRadiusKm = 6371.0088;

// Outcome is one criterion's value (0..1) and hard predicate for a pair.
struct Outcome {
  double value = 0.0;
  bool holds = false;
};

// UnitVector returns the point on the unit sphere of a WGS84 position
// (x towards lon 0 on the equator, z towards the north pole).
[[nodiscard]] std::array<double, 3> UnitVector(const GeoPoint& point);

// ChordToKm converts the straight-line distance between two unit vectors to
// great-circle kilometres: 2 R asin(chord / 2), chord clamped to 0..2.
[[nodiscard]] double ChordToKm(double chord);

// GreatCircleKm is the great-circle distance between two positions, in km.
[[nodiscard]] double GreatCircleKm(const GeoPoint& a, const GeoPoint& b);

// ComplementThemes returns the theme ids a complement criterion sums over:
// its own list, or every theme of the cohort when the list is empty.
[[nodiscard]] std::vector<std::string> ComplementThemes(
    const Criterion& criterion, const Cohort& cohort);

// EvaluateCriterion computes `criterion` for (mentee, mentor). `themes` is
// ComplementThemes(criterion, cohort) for a complement criterion and is
// ignored otherwise.
[[nodiscard]] Outcome EvaluateCriterion(const Criterion& criterion,
                                        const std::vector<std::string>& themes,
                                        const Participant& mentee,
                                        const Participant& mentor);

// Avoids reports whether `p`'s avoid-list holds `id`.
[[nodiscard]] bool Avoids(const Participant& p, const std::string& id);

// SameOrganisation reports whether both have the same non-empty value of the
// categorical attribute `attribute`.
[[nodiscard]] bool SameOrganisation(const Participant& a, const Participant& b,
                                    const std::string& attribute);

}  // namespace sopu::scoring_internal

#endif  // SOPU_ENGINE_SCORING_PAIR_EVALUATION_H_
