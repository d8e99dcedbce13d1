// SearchParts runs the group search (SolveGroups, group_solver.h) on each
// part of a partition in turn and sums up what happened.
//
// Steps, per part p in order: its time limit is its ShareTimeBudget share of
// the whole limit (time_budget.h); the seed and round limit are the same for
// every part; its progress and improvements reach the caller re-scaled to
// the whole search (PartCallContext, part_progress.h). The context's
// cancellation reaches every part's search, which then returns the best
// grouping it has (SolveGroups); the later parts are still searched, briefly,
// so that every part has a grouping.
//
// Totals: rounds, seconds (the parts' own timings) and upper bounds are
// summed in part order; seconds_to_best is the latest moment, on the whole
// search's clock, at which a part found its best grouping; violations are
// the parts' remaining rule violations summed; stop_reason is the last
// part's (none without parts).
//
// Complexity: the parts' searches (SolveGroups), each bounded by its share
// of the time limit and by max_rounds.
//
// Determinism: with a round limit reached before every time limit, the
// result depends only on the arguments (see SolveGroups).
#ifndef SOPU_ENGINE_GROUPS_PLANNING_PART_SEARCH_H_
#define SOPU_ENGINE_GROUPS_PLANNING_PART_SEARCH_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/groups/group_solver.h"
#include "engine/groups/planning/group_partition.h"
#include "engine/model/cohort.h"

namespace sopu {

// kDefaultGroupTimeLimitSeconds: the search time of a grouping when the
// caller sets none.
inline constexpr double kDefaultGroupTimeLimitSeconds = 5.0;

// PartSearchOptions: the budget of the whole search.
struct PartSearchOptions {
  // Wall-clock seconds shared by all parts, in (0, kMaxTimeLimitSeconds].
  double time_limit_seconds = kDefaultGroupTimeLimitSeconds;
  // Rounds of each part's population search; 0 = no round limit.
  std::int64_t max_rounds = 0;
  // Seed of every part's random streams.
  std::uint64_t seed = 1;
  // Each part's search stops as soon as a grouping without violations
  // reaches this objective (GroupSolverOptions::target_objective).
  std::optional<double> target_objective;
};

struct PartSearchResult {
  // Per part: the group (label) of each element, within the part's bounds.
  std::vector<std::vector<int>> group_of;
  int violations = 0;
  bool cancelled = false;
  std::int64_t rounds = 0;
  double seconds = 0.0;
  double seconds_to_best = 0.0;
  double upper_bound = 0.0;
  std::optional<GroupStopReason> stop_reason;
};

// SearchParts: `pool` names the parts' members (for improvements). An error
// when SolveGroups rejects a part's problem or options (a part built by
// BuildGroupParts from valid rules never is).
[[nodiscard]] absl::StatusOr<PartSearchResult> SearchParts(
    const std::vector<GroupPart>& parts,
    const std::vector<const Participant*>& pool,
    const PartSearchOptions& options, const CallContext& context);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_PART_SEARCH_H_
