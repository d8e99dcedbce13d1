// Test cohorts for the scoring tests: small hand-made participants and a
// seeded random cohort full of edge cases (missing values, people with both
// roles, duplicate tags, unknown avoid ids, far-away coordinates, numbers
// whose differences round in double).
#ifndef SOPU_TESTS_ENGINE_SCORING_TEST_COHORTS_H_
#define SOPU_TESTS_ENGINE_SCORING_TEST_COHORTS_H_

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/cohort.h"
#include "engine/model/policy.h"

namespace sopu::testing {

// Name returns prefix followed by n (appending avoids a GCC 12 -Wrestrict
// false positive on "literal" + std::string).
inline std::string Name(const char* prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

// Person starts a participant with an id and roles.
inline Participant Person(const std::string& id, std::uint8_t roles) {
  Participant p;
  p.id = id;
  p.roles = roles;
  return p;
}

inline Participant Mentee(const std::string& id) {
  return Person(id, kRoleMentee);
}
inline Participant Mentor(const std::string& id) {
  return Person(id, kRoleMentor);
}

// CohortOf builds a cohort with themes t0..t{themes-1}.
inline Cohort CohortOf(std::vector<Participant> people, int themes = 3) {
  Cohort cohort;
  cohort.program = "test";
  for (int t = 0; t < themes; ++t) {
    cohort.themes.push_back(Theme{Name("t", t), ""});
  }
  cohort.participants = std::move(people);
  return cohort;
}

// Single policy holding one criterion.
inline Policy Single(Criterion criterion) {
  Policy policy;
  policy.name = "single";
  policy.criteria.push_back(std::move(criterion));
  return policy;
}

inline Criterion Make(CriterionKind kind, const std::string& field = "",
                      double weight = 1.0, bool hard = false) {
  Criterion c;
  c.name = std::string(KindName(kind));
  c.name += ":";
  c.name += field;
  c.kind = kind;
  c.field = field;
  c.weight = weight;
  c.hard = hard;
  return c;
}

inline Criterion Geo(double max_km, double weight = 1.0, bool hard = false) {
  Criterion c = Make(CriterionKind::kDistance, "", weight, hard);
  c.name = "geo:";
  c.name += std::to_string(max_km);
  c.distance_mode = DistanceMode::kGeo;
  c.max_km = max_km;
  return c;
}

// RandomCohort: `mentees` + `mentors` participants of which `both` have both
// roles, 6 themes, every profile field exercised. Same seed, same cohort.
inline Cohort RandomCohort(std::uint64_t seed, int mentees = 40,
                           int mentors = 30, int both = 5) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  auto real = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  auto chance = [&](double p) { return real(0.0, 1.0) < p; };

  struct Town {
    const char* municipality;
    const char* region;
    double lat;
    double lon;
  };
  const std::array<Town, 6> towns = {{
      {"Helsinki", "Uusimaa", 60.17, 24.94},
      {"Tampere", "Pirkanmaa", 61.50, 23.76},
      {"Seinäjoki", "Etelä-Pohjanmaa", 62.79, 22.84},
      {"Oulu", "Pohjois-Pohjanmaa", 65.01, 25.47},
      {"Turku", "Varsinais-Suomi", 60.45, 22.27},
      {"Boston", "", 42.36, -71.06},
  }};
  const std::array<const char*, 4> languages = {"fi", "sv", "en", "de"};
  const std::array<const char*, 5> slots = {"mon", "tue", "wed", "thu", "fri"};

  Cohort cohort = CohortOf({}, 6);
  const int total = mentees + mentors - both;
  std::vector<GeoPoint> placed;
  for (int i = 0; i < total; ++i) {
    Participant p;
    p.id = Name("p", i);
    if (i < mentees - both) {
      p.roles = kRoleMentee;
    } else if (i < mentees) {
      p.roles = kRoleMentee | kRoleMentor;
    } else {
      p.roles = kRoleMentor;
    }
    for (const Theme& t : cohort.themes) {
      if (chance(0.5)) p.goals[t.id] = uniform(0, 10) / 2.0;
      if (chance(0.6)) p.competences[t.id] = uniform(0, 5);
    }
    if (chance(0.9)) p.attributes["stage"] = Name("s", uniform(0, 2));
    if (chance(0.9)) p.attributes["sector"] = Name("x", uniform(0, 3));
    if (chance(0.8)) p.attributes["org"] = Name("o", uniform(0, 5));
    if (chance(0.9)) {
      std::vector<std::string>& langs = p.tags["languages"];
      for (int k = uniform(0, 3); k > 0; --k) {
        langs.emplace_back(languages[static_cast<std::size_t>(uniform(0, 3))]);
      }
    }
    // 40 possible skills: two bitset words.
    std::vector<std::string>& skills = p.tags["skills"];
    for (int k = uniform(0, 8); k > 0; --k) {
      skills.push_back(Name("k", uniform(0, 39)));
    }
    for (const char* slot : slots) {
      if (chance(0.4)) p.availability.emplace_back(slot);
    }
    if (chance(0.9)) {
      // Tenths, so differences round in double (0.3 - 0.1 != 0.2).
      p.numbers["years"] = uniform(0, 300) / 10.0;
    }
    const Town& town =
        towns[static_cast<std::size_t>(chance(0.05) ? 5 : uniform(0, 4))];
    if (chance(0.9)) p.municipality = town.municipality;
    if (chance(0.9)) p.region = town.region;
    if (!placed.empty() && chance(0.05)) {
      p.coordinates = placed[static_cast<std::size_t>(
          uniform(0, static_cast<int>(placed.size()) - 1))];
    } else if (chance(0.9)) {
      p.coordinates =
          GeoPoint{town.lat + real(-0.8, 0.8), town.lon + real(-1.5, 1.5)};
      placed.push_back(*p.coordinates);
    }
    if (chance(0.1)) p.avoid.push_back(Name("p", uniform(0, total)));
    cohort.participants.push_back(std::move(p));
  }
  return cohort;
}

// StrictPolicy: every kind, many hard rules (most pairs forbidden).
inline Policy StrictPolicy() {
  Policy policy;
  policy.name = "strict";
  Criterion complement = Make(CriterionKind::kComplement, "", 2.0, true);
  complement.name = "complement";
  complement.min_coverage = 0.3;
  policy.criteria.push_back(complement);
  Criterion subset = Make(CriterionKind::kComplement, "", 1.0);
  subset.name = "complement:t1,t4";
  subset.themes = {"t1", "t4"};
  policy.criteria.push_back(subset);
  policy.criteria.push_back(Make(CriterionKind::kSimilar, "stage", 0.5));
  policy.criteria.push_back(Make(CriterionKind::kDifferent, "sector", 0.5));
  Criterion languages = Make(CriterionKind::kOverlap, "languages", 1.0, true);
  languages.saturation = 2;
  policy.criteria.push_back(languages);
  Criterion skills = Make(CriterionKind::kOverlap, "skills", 1.0);
  skills.saturation = 3;
  skills.minimum = 2;
  policy.criteria.push_back(skills);
  policy.criteria.push_back(
      Make(CriterionKind::kOverlap, "availability", 0.5, true));
  policy.criteria.push_back(Geo(250.0, 1.0, true));
  policy.criteria.push_back(Geo(15000.0, 0.5));
  Criterion municipality = Make(CriterionKind::kDistance, "", 0.5);
  municipality.name = "municipality";
  municipality.distance_mode = DistanceMode::kSameMunicipality;
  policy.criteria.push_back(municipality);
  Criterion region = Make(CriterionKind::kDistance, "", 0.0, true);
  region.name = "region";
  region.distance_mode = DistanceMode::kSameRegion;
  policy.criteria.push_back(region);
  Criterion gap = Make(CriterionKind::kGap, "years", 1.0, true);
  gap.min_gap = 2.0;
  gap.max_gap = 15.0;
  gap.tolerance = 3.0;
  policy.criteria.push_back(gap);
  Criterion near = Make(CriterionKind::kGap, "years", 1.0);
  near.name = "gap:years:absolute";
  near.absolute = true;
  near.min_gap = 0.5;
  near.max_gap = 5.0;
  near.tolerance = 2.0;
  policy.criteria.push_back(near);
  policy.forbid_same_organisation = true;
  policy.organisation_attribute = "org";
  policy.honour_avoid_lists = true;
  return policy;
}

// LenientPolicy: every kind, few hard rules (many pairs allowed).
inline Policy LenientPolicy() {
  Policy policy;
  policy.name = "lenient";
  Criterion complement = Make(CriterionKind::kComplement, "", 3.0);
  complement.name = "complement";
  policy.criteria.push_back(complement);
  policy.criteria.push_back(Make(CriterionKind::kSimilar, "municipality", 1.0));
  policy.criteria.push_back(Make(CriterionKind::kDifferent, "sector", 1.0));
  Criterion languages = Make(CriterionKind::kOverlap, "languages", 0.0, true);
  policy.criteria.push_back(languages);
  Criterion skills = Make(CriterionKind::kOverlap, "skills", 1.0);
  skills.saturation = 4;
  policy.criteria.push_back(skills);
  policy.criteria.push_back(Geo(400.0, 2.0));
  Criterion gap = Make(CriterionKind::kGap, "years", 1.0);
  gap.min_gap = -3.0;
  gap.tolerance = 10.0;
  policy.criteria.push_back(gap);
  policy.honour_avoid_lists = true;
  return policy;
}

}  // namespace sopu::testing

#endif  // SOPU_TESTS_ENGINE_SCORING_TEST_COHORTS_H_
