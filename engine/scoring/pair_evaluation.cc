#include "engine/scoring/pair_evaluation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace sopu::scoring_internal {
namespace {

// LevelOf returns a profile's level for `theme`; missing themes are 0.
double LevelOf(const std::map<std::string, double>& levels,
               const std::string& theme) {
  auto it = levels.find(theme);
  return it == levels.end() ? 0.0 : it->second;
}

Outcome Complement(const Criterion& criterion,
                   const std::vector<std::string>& themes,
                   const Participant& mentee, const Participant& mentor) {
  double weighted = 0.0;
  double goal_sum = 0.0;
  for (const std::string& theme : themes) {
    const double goal = LevelOf(mentee.goals, theme);
    goal_sum += goal;
    weighted += goal * LevelOf(mentor.competences, theme);
  }
  Outcome out;
  if (goal_sum > 0.0) {
    out.value = std::min(1.0, weighted / (kMaxLevel * goal_sum));
  }
  out.holds = out.value > 0.0 && out.value >= criterion.min_coverage;
  return out;
}

// Categorical: v = 1 when both have a value and (equal XOR want_different).
Outcome Categorical(const std::string& field, bool want_different,
                    const Participant& mentee, const Participant& mentor) {
  const std::string* a = CategoricalValue(mentee, field);
  const std::string* b = CategoricalValue(mentor, field);
  const bool match =
      a != nullptr && b != nullptr && ((*a == *b) != want_different);
  return Outcome{match ? 1.0 : 0.0, match};
}

Outcome Overlap(const Criterion& criterion, const Participant& mentee,
                const Participant& mentor) {
  const std::vector<std::string>* a = TagValues(mentee, criterion.field);
  const std::vector<std::string>* b = TagValues(mentor, criterion.field);
  int shared = 0;
  if (a != nullptr && b != nullptr) {
    std::vector<std::string> sa = *a;
    std::vector<std::string> sb = *b;
    std::sort(sa.begin(), sa.end());
    sa.erase(std::unique(sa.begin(), sa.end()), sa.end());
    std::sort(sb.begin(), sb.end());
    sb.erase(std::unique(sb.begin(), sb.end()), sb.end());
    std::vector<std::string> both;
    std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(),
                          std::back_inserter(both));
    shared = static_cast<int>(both.size());
  }
  Outcome out;
  out.value = std::min(1.0, static_cast<double>(shared) /
                                static_cast<double>(criterion.saturation));
  out.holds = shared >= criterion.minimum;
  return out;
}

Outcome Geo(const Criterion& criterion, const Participant& mentee,
            const Participant& mentor) {
  if (!mentee.coordinates.has_value() || !mentor.coordinates.has_value()) {
    return Outcome{};
  }
  const double km = GreatCircleKm(*mentee.coordinates, *mentor.coordinates);
  Outcome out;
  out.value = std::max(0.0, 1.0 - km / criterion.max_km);
  out.holds = km <= criterion.max_km;
  return out;
}

Outcome Gap(const Criterion& criterion, const Participant& mentee,
            const Participant& mentor) {
  auto a = mentee.numbers.find(criterion.field);
  auto b = mentor.numbers.find(criterion.field);
  if (a == mentee.numbers.end() || b == mentor.numbers.end()) return Outcome{};
  double d = b->second - a->second;
  if (criterion.absolute) d = std::fabs(d);
  const double lo = criterion.min_gap;
  const double hi =
      criterion.max_gap.value_or(std::numeric_limits<double>::infinity());
  Outcome out;
  out.holds = d >= lo && d <= hi;
  if (out.holds) {
    out.value = 1.0;
  } else {
    const double outside = d < lo ? lo - d : d - hi;
    out.value = std::max(0.0, 1.0 - outside / criterion.tolerance);
  }
  return out;
}

}  // namespace

std::array<double, 3> UnitVector(const GeoPoint& point) {
  constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
  const double lat = point.lat_deg * kRadiansPerDegree;
  const double lon = point.lon_deg * kRadiansPerDegree;
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon),
          std::sin(lat)};
}

double ChordToKm(double chord) {
  const double half = std::clamp(0.5 * chord, 0.0, 1.0);
  return 2.0 * kEarthRadiusKm * std::asin(half);
}

double GreatCircleKm(const GeoPoint& a, const GeoPoint& b) {
  const std::array<double, 3> u = UnitVector(a);
  const std::array<double, 3> v = UnitVector(b);
  const double dx = u[0] - v[0];
  const double dy = u[1] - v[1];
  const double dz = u[2] - v[2];
  return ChordToKm(std::sqrt(dx * dx + dy * dy + dz * dz));
}

std::vector<std::string> ComplementThemes(const Criterion& criterion,
                                          const Cohort& cohort) {
  if (!criterion.themes.empty()) return criterion.themes;
  std::vector<std::string> all;
  all.reserve(cohort.themes.size());
  for (const Theme& theme : cohort.themes) all.push_back(theme.id);
  return all;
}

Outcome EvaluateCriterion(const Criterion& criterion,
                          const std::vector<std::string>& themes,
                          const Participant& mentee,
                          const Participant& mentor) {
  switch (criterion.kind) {
    case CriterionKind::kComplement:
      return Complement(criterion, themes, mentee, mentor);
    case CriterionKind::kSimilar:
      return Categorical(criterion.field, false, mentee, mentor);
    case CriterionKind::kDifferent:
      return Categorical(criterion.field, true, mentee, mentor);
    case CriterionKind::kOverlap:
      return Overlap(criterion, mentee, mentor);
    case CriterionKind::kDistance:
      switch (criterion.distance_mode) {
        case DistanceMode::kGeo:
          return Geo(criterion, mentee, mentor);
        case DistanceMode::kSameMunicipality:
          return Categorical("municipality", false, mentee, mentor);
        case DistanceMode::kSameRegion:
          return Categorical("region", false, mentee, mentor);
      }
      break;
    case CriterionKind::kGap:
      return Gap(criterion, mentee, mentor);
  }
  return Outcome{};
}

bool Avoids(const Participant& p, const std::string& id) {
  return std::find(p.avoid.begin(), p.avoid.end(), id) != p.avoid.end();
}

bool SameOrganisation(const Participant& a, const Participant& b,
                      const std::string& attribute) {
  const std::string* x = CategoricalValue(a, attribute);
  const std::string* y = CategoricalValue(b, attribute);
  return x != nullptr && y != nullptr && *x == *y;
}

}  // namespace sopu::scoring_internal
