#include "engine/match/match_options.h"

namespace sopu {
namespace {

// InUnitRange: 0 <= x <= 1 (false for NaN).
bool InUnitRange(double x) { return x >= 0.0 && x <= 1.0; }

}  // namespace

absl::Status ValidateMatchOptions(const MatchOptions& options) {
  switch (options.objective) {
    case MatchObjective::kOptimal:
    case MatchObjective::kMaxScore:
    case MatchObjective::kFair:
    case MatchObjective::kStable:
      break;
    default:
      return absl::InvalidArgumentError("objective: unknown objective");
  }
  if (!InUnitRange(options.continuity_bonus)) {
    return absl::InvalidArgumentError("continuity_bonus: must be in 0..1");
  }
  if (options.min_score.has_value()) {
    if (!InUnitRange(*options.min_score)) {
      return absl::InvalidArgumentError("min_score: must be in 0..1");
    }
    if (options.objective != MatchObjective::kMaxScore) {
      return absl::InvalidArgumentError(
          "min_score: only applies to the max-score objective");
    }
  }
  if (options.use_wishes && options.objective != MatchObjective::kStable) {
    return absl::InvalidArgumentError(
        "use_wishes: only applies to the stable objective");
  }
  return absl::OkStatus();
}

}  // namespace sopu
