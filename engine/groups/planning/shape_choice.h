// ChooseGroupShape: which number of groups and which size bounds to search,
// so that sizes are even and the fewest groups are used wherever the hard
// rules allow it, and the rules hold wherever another shape allows that.
//
// The pair-sum objective favours big groups: with free sizes 40 members in
// groups of 2-6 come out 4+6+6+6+6+6+6. And the fewest groups that fit are
// not always a shape in which the rules can hold (25 members with avoid
// rules broke 4 of them in 5 groups of 5, while 6 groups kept them all).
//
// Shapes, in order of preference (GroupRules::even_sizes, extra_groups):
//   (even, +0), (free, +0), (even, +1), (free, +1), … up to
//   kMaxExtraGroups more groups than the fewest; "free" shapes only when the
//   request allows even sizes to be given up (it always does unless it asked
//   for free sizes, in which case every shape is free), extra groups only
//   when the request left the number of groups open (group_count 0).
// A shape whose sizes cannot hold the members (the partition explains why)
// is skipped; if no shape can, the first shape's partition is returned and
// its explanations say why nothing can be formed.
// When the first usable shape's problems have no hard rules beyond sizes,
// it is chosen at once. Otherwise each usable shape in order is probed: a
// search that stops at the first grouping without violations, within
// kProbeShare of the time limit each and kProbeBudgetShare in all. The
// first shape whose probe keeps every rule is chosen; if none does, the
// shape whose probe broke the fewest (the earliest on ties).
//
// Complexity: the partitions, O(S n^2) for S shapes of n members, plus the
// probes' searches, bounded as above. Determinism: with a round limit the
// choice depends only on the arguments (SearchParts).
#ifndef SOPU_ENGINE_GROUPS_PLANNING_SHAPE_CHOICE_H_
#define SOPU_ENGINE_GROUPS_PLANNING_SHAPE_CHOICE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/groups/planning/group_partition.h"
#include "engine/groups/planning/group_rules.h"
#include "engine/groups/planning/part_search.h"
#include "engine/model/cohort.h"

namespace sopu {

inline constexpr int kMaxExtraGroups = 3;
inline constexpr double kProbeShare = 0.1;
inline constexpr double kProbeBudgetShare = 0.3;

struct ShapeChoice {
  GroupRules rules;  // the request's rules with the chosen shape
  GroupPartition partition;
  // What the choice changed from the preferred shape, in words; empty when
  // the first shape was chosen.
  std::vector<std::string> notes;
  // Time the choice took: partitions and probes.
  double probe_seconds = 0.0;
};

// ChooseGroupShape: `rules` as requested (even_sizes = the request wants
// even sizes; extra_groups 0); `pool`, `affinity` and `allowed` as for
// BuildGroupParts; `search` the request's budget (its time limit bounds the
// probes); the context's cancellation stops the probes.
[[nodiscard]] absl::StatusOr<ShapeChoice> ChooseGroupShape(
    const std::vector<const Participant*>& pool,
    const std::vector<double>& affinity,
    const std::vector<std::uint8_t>& allowed, const GroupRules& rules,
    const PartSearchOptions& search, const CallContext& context);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_SHAPE_CHOICE_H_
