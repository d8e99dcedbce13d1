// MatchOptions: what a match optimises, and how it treats the previous
// assignment and weak pairs. The tunables of SolveMatch (solve_match.h),
// each with its default and bounds.
//
// Objectives (docs/matching-objectives.md):
//   kOptimal   as many mentees as possible, then the largest total score
//              (SolveCapacitatedAssignment, kMaxCardinalityThenScore);
//   kMaxScore  the largest total score only; pairs below `min_score` unused
//              (SolveCapacitatedAssignment, kMaxScore);
//   kFair      as many mentees as possible, then the best worst pair, then
//              the total (SolveFairAssignment);
//   kStable    mentee-proposing deferred acceptance, no blocking pair
//              (SolveStableMatching).
//
// Usage:
//   MatchOptions options{.objective = MatchObjective::kMaxScore,
//                        .min_score = 0.5};
//   if (absl::Status s = ValidateMatchOptions(options); !s.ok()) return s;
#ifndef SOPU_ENGINE_MATCH_MATCH_OPTIONS_H_
#define SOPU_ENGINE_MATCH_MATCH_OPTIONS_H_

#include <optional>

#include "absl/status/status.h"

namespace sopu {

enum class MatchObjective { kOptimal, kMaxScore, kFair, kStable };

// kDefaultContinuityBonus applies when previous pairs are given without a
// bonus of their own.
inline constexpr double kDefaultContinuityBonus = 0.1;

struct MatchOptions {
  MatchObjective objective = MatchObjective::kOptimal;
  // Added to the score of every previous pair while solving (never to the
  // reported scores), 0..1. Default kDefaultContinuityBonus.
  double continuity_bonus = kDefaultContinuityBonus;
  // kMaxScore only: pairs whose policy score is below this, 0..1, are not
  // used (the continuity bonus never lifts a pair over it). Unset: none.
  std::optional<double> min_score = std::nullopt;
  // kStable only: mentees rank mentors by their wish-lists instead of by
  // score (a mentee with an empty wish-list ranks by score). Default false.
  bool use_wishes = false;
};

// ValidateMatchOptions: InvalidArgument naming the first option out of its
// bounds (NaN included) or set for an objective it does not apply to.
[[nodiscard]] absl::Status ValidateMatchOptions(const MatchOptions& options);

}  // namespace sopu

#endif  // SOPU_ENGINE_MATCH_MATCH_OPTIONS_H_
