#include "engine/groups/planning/part_search.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "engine/groups/planning/part_progress.h"
#include "engine/groups/planning/time_budget.h"

namespace sopu {
namespace {

// AddPart adds one part's search, begun `before` seconds into the whole
// search, to the totals.
void AddPart(GroupSolveResult& part, double before, PartSearchResult& out) {
  out.seconds += part.seconds;
  out.group_of.push_back(std::move(part.group_of));
  out.violations += part.violations;
  out.cancelled =
      out.cancelled || part.stop_reason == GroupStopReason::kCancelled;
  out.rounds += part.rounds;
  out.seconds_to_best =
      std::max(out.seconds_to_best, before + part.seconds_to_best);
  out.upper_bound += part.upper_bound;
  out.stop_reason = part.stop_reason;
}

}  // namespace

absl::StatusOr<PartSearchResult> SearchParts(
    const std::vector<GroupPart>& parts,
    const std::vector<const Participant*>& pool,
    const PartSearchOptions& options, const CallContext& context) {
  std::vector<int> sizes;
  sizes.reserve(parts.size());
  for (const GroupPart& part : parts) {
    sizes.push_back(static_cast<int>(part.members.size()));
  }
  const std::vector<double> seconds =
      ShareTimeBudget(sizes, options.time_limit_seconds);
  PartSearchResult out;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    GroupSolverOptions solver;
    solver.time_limit_seconds = seconds[p];
    solver.max_rounds = options.max_rounds;
    solver.seed = options.seed;
    solver.target_objective = options.target_objective;
    const double before = out.seconds;
    const CallContext part_context = PartCallContext(
        context, parts[p], pool, before, options.time_limit_seconds);
    absl::StatusOr<GroupSolveResult> result =
        SolveGroups(parts[p].problem, solver, part_context);
    if (!result.ok()) return result.status();
    AddPart(*result, before, out);
  }
  return out;
}

}  // namespace sopu
