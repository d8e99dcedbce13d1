// Progress of a grouping searched part by part, in the caller's terms.
//
// SolveGroups reports per part: done / total in milliseconds of that part's
// own time limit, and its best grouping as element indices of the part. The
// caller wants one bar over the whole search and groups of participant ids,
// so PartCallContext wraps the caller's context for one part's search:
//   - progress: done = 1000 * (seconds the earlier parts took) + the part's
//     done, total = 1000 * the whole time limit; best_objective is the
//     part's; improved_group_of is cleared (it indexes one part's elements);
//   - improved: each improving grouping the search reports (with its
//     progress), as an Improvement: part = the key value, groups = member ids
//     per non-empty group in label order, objective = the part's.
// Cancellation passes through unchanged.
//
// Ownership: the returned context refers to `outer`, `part` and `pool`,
// which must outlive it (the part's SolveGroups call).
//
// Usage:
//   const CallContext part_context =
//       PartCallContext(context, part, pool, seconds_so_far, time_limit);
//   absl::StatusOr<GroupSolveResult> r =
//       SolveGroups(part.problem, options, part_context);
#ifndef SOPU_ENGINE_GROUPS_PLANNING_PART_PROGRESS_H_
#define SOPU_ENGINE_GROUPS_PLANNING_PART_PROGRESS_H_

#include <vector>

#include "engine/common/call_context.h"
#include "engine/groups/planning/group_partition.h"
#include "engine/model/cohort.h"

namespace sopu {

// PartImprovement: a part's grouping (`group_of`: the group of each element)
// as member ids, empty groups left out.
[[nodiscard]] Improvement PartImprovement(
    const GroupPart& part, const std::vector<const Participant*>& pool,
    const std::vector<int>& group_of, double objective);

// PartCallContext: `outer` re-scaled for one part searched after
// `seconds_before` seconds of a `time_limit_seconds` search. The callbacks
// are empty when the outer context has neither progress nor improved.
[[nodiscard]] CallContext PartCallContext(
    const CallContext& outer, const GroupPart& part,
    const std::vector<const Participant*>& pool, double seconds_before,
    double time_limit_seconds);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_PART_PROGRESS_H_
