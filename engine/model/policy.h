// Policy model of the engine: weighted criteria and pair rules.
//
// A policy scores a (mentee, mentor) pair as the weighted mean of its
// criteria's values, each in [0, 1]:
//   score = sum_k w_k * v_k / sum_k w_k.
// A hard criterion must also hold (its kind's predicate, see CriterionKind),
// or the pair is forbidden. docs/scoring.md gives every formula.
//
// Invariants (enforced by validation before the engine sees a Policy):
// at least one criterion; weights finite, >= 0, with a positive sum; names
// unique and non-empty; every parameter within the ranges stated below.
#ifndef SOPU_ENGINE_MODEL_POLICY_H_
#define SOPU_ENGINE_MODEL_POLICY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/cohort.h"

namespace sopu {

// CriterionKind names a criterion formula. Holds = the hard-rule predicate.
enum class CriterionKind {
  // v = sum_t g_t c_t / (5 sum_t g_t) over `themes` (mentee goals g, mentor
  // competences c). Holds when v >= min_coverage and v > 0.
  kComplement,
  // v = 1 when both have the same value of `field`, else 0. Holds when v = 1.
  kSimilar,
  // v = 1 when both have a value of `field` and they differ. Holds when v = 1.
  kDifferent,
  // v = min(1, shared / saturation) for the tag set `field`. Holds when
  // shared >= minimum.
  kOverlap,
  // Geo: v = max(0, 1 - km / max_km), holds when km <= max_km; same
  // municipality / region: v = 1 when equal. Missing location: v = 0.
  kDistance,
  // d = mentor - mentee (|.| when absolute) of number `field`; v = 1 inside
  // [min_gap, max_gap], linear to 0 within `tolerance` outside. Holds inside.
  kGap,
};

// DistanceMode selects how kDistance compares two locations.
enum class DistanceMode { kGeo, kSameMunicipality, kSameRegion };

// Criterion is one weighted rule. Only the parameters of `kind` are read.
struct Criterion {
  std::string name;  // unique label used in explanations
  CriterionKind kind = CriterionKind::kComplement;
  double weight = 1.0;  // 0..1000
  bool hard = false;

  // kComplement: themes to use (empty = all of the cohort's themes).
  std::vector<std::string> themes;
  double min_coverage = 0.0;  // 0..1

  // kSimilar / kDifferent: attribute; kOverlap: tag set; kGap: number.
  std::string field;

  // kOverlap.
  int minimum = 1;     // 1..1000
  int saturation = 1;  // 1..1000

  // kDistance.
  DistanceMode distance_mode = DistanceMode::kGeo;
  double max_km = 200.0;  // > 0

  // kGap.
  double min_gap = 0.0;
  std::optional<double> max_gap;  // >= min_gap when set
  double tolerance = 1.0;         // > 0
  bool absolute = false;
};

// Policy is a full scoring and restriction policy.
struct Policy {
  std::string name;
  std::vector<Criterion> criteria;
  bool forbid_same_organisation = false;
  std::string organisation_attribute = "organisation";
  bool honour_avoid_lists = true;
};

// KindName returns the lowercase name of a kind, e.g. "complement".
[[nodiscard]] std::string_view KindName(CriterionKind kind);

// DefaultPolicy is what applies when the user gives none: complement over all
// themes (weight 1) and a shared language required (hard overlap on
// "languages", weight 0), avoid-lists honoured.
[[nodiscard]] Policy DefaultPolicy();

// LeftOutCriterion: a criterion of DefaultPolicy() that DefaultPolicyFor
// left out, and the data it needs that the cohort lacks ("themes",
// "languages").
struct LeftOutCriterion {
  std::string criterion;
  std::string missing;
};

struct DefaultPolicyChoice {
  Policy policy;  // no criteria when the cohort has nothing to score by
  std::vector<LeftOutCriterion> left_out;
};

// DefaultPolicyFor: DefaultPolicy() without the criteria this cohort cannot
// use — complement needs themes, the shared language needs someone with the
// tag set "languages" — and, when neither is left, a criterion preferring
// different sectors (weight 1) if someone has the attribute "sector" (the
// mixing a networking list of names, sectors and towns asks for). O(P * T)
// for P participants with T tag sets each.
[[nodiscard]] DefaultPolicyChoice DefaultPolicyFor(const Cohort& cohort);

}  // namespace sopu

#endif  // SOPU_ENGINE_MODEL_POLICY_H_
