// PlanGroups: the group-planning workflow — the members of a cohort (one
// role) split into groups that obey the hard rules with the largest total
// affinity, each group explained and given a facilitator, every rule
// re-checked on the result, and rule sets that provably cannot hold
// explained in the program's terms instead of searched (docs/groups.md).
//
// Problem: the members are the participants with member_role. A pair's
// affinity is the mean of the policy's scores in both directions; a pair the
// policy forbids either way never shares a group. Maximise the sum over
// groups of the affinities of their member pairs, subject to the rules of
// GroupPlanOptions (group_rules.h explains each); a grouping that breaks
// fewer rules beats any that breaks more.
//
// Algorithm:
//   1. score the pool both ways (engine/scoring/pool_scores.h);
//   2. split by key value into one GroupProblem per part, members without a
//      key value unassigned, rules that cannot hold explained
//      (group_partition.h); any explanation ends the plan: kInfeasible, no
//      groups;
//   3. search each part (SolveGroups), the time limit shared in proportion
//      to n^2, progress and improving groupings reported through the
//      context re-scaled to the whole search (part_search.h);
//   4. the groups, in part order then label order (empty groups left out),
//      each explained (group_explanation.h);
//   5. with a facilitator role, one facilitator per group by fit, exactly
//      (group_facilitators.h);
//   6. every rule re-checked on the groups (group_rule_checks.h).
// Status: kCancelled when the context cancelled a search, else kRulesNotMet
// when some part's best grouping still breaks a rule, else kFeasible.
//
// Complexity, P members, n_p per part, F facilitators, G groups, T themes,
// K criteria: O(P^2 (T + K)) to score the pool (ScoringModel) plus O(P^2)
// for the part problems; the searches, bounded by the time limit and
// max_rounds; O(sum of s^2 (T + K)) for the explanations of groups of size
// s; O(P F + G^2 F) for the facilitators. Memory O(P^2).
//
// Determinism: with search.max_rounds reached before every part's time
// limit, the plan depends only on the arguments (thread count included),
// except the timings in the summary.
//
// Usage:
//   GroupPlanOptions options;
//   options.member_role = kRoleMentee;
//   options.min_size = 4;
//   options.max_size = 6;
//   options.key_attribute = "town";
//   options.facilitator_role = kRoleFacilitator;
//   options.search.max_rounds = 10;
//   absl::StatusOr<GroupPlan> plan =
//       PlanGroups(cohort, policy, options, {.progress = bar});
//   if (!plan.ok()) return plan.status();  // InvalidArgument: bad options
//   if (plan->status == GroupPlanStatus::kInfeasible) show(plan->infeasible);
#ifndef SOPU_ENGINE_GROUPS_PLANNING_GROUP_PLAN_H_
#define SOPU_ENGINE_GROUPS_PLANNING_GROUP_PLAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/groups/group_solver.h"
#include "engine/groups/planning/group_explanation.h"
#include "engine/groups/planning/group_partition.h"
#include "engine/groups/planning/group_rule_checks.h"
#include "engine/groups/planning/group_rules.h"
#include "engine/groups/planning/part_search.h"
#include "engine/model/cohort.h"
#include "engine/model/policy.h"

namespace sopu {

// GroupPlanOptions: who is grouped, the rules, and the search's budget.
// Bounds are those of engine/common/limits.h.
struct GroupPlanOptions {
  // The members: participants with this role.
  RoleBit member_role = kRolePeer;
  // The facilitators' role; unset: no facilitators. (A role nobody has
  // leaves every group with the note "no participant can facilitate".)
  std::optional<RoleBit> facilitator_role;
  // Size bounds, 1 <= min_size <= max_size <= kMaxGroupSize; both 0 only
  // with group_count > 0 (sizes as even as possible).
  int min_size = 0;
  int max_size = 0;
  // 0..kMaxGroupCount; 0 = the fewest groups that fit max_size (per key
  // value), or more where the hard rules need them (shape_choice.h). Not
  // together with key_attribute.
  int group_count = 0;
  // Sizes differ by at most one wherever the bounds and hard rules allow
  // (shape_choice.h); false lets them range within min_size..max_size.
  bool even_sizes = true;
  // An attribute (or "municipality" / "region") all members of a group
  // share; "" = no key.
  std::string key_attribute;
  // At most this many members of one organisation (the policy's
  // organisation_attribute) per group; 0 = no cap.
  int max_per_organisation = 0;
  std::vector<BalanceRule> balance;  // attribute non-empty
  // Pairs of member ids that must share a group (two different members).
  std::vector<std::pair<std::string, std::string>> together;
  PartSearchOptions search;
};

enum class GroupPlanStatus {
  kFeasible,     // every hard rule holds
  kRulesNotMet,  // the groups are the closest found; `rules` says which fail
  kInfeasible,   // the rules cannot all hold (`infeasible`); no groups
  kCancelled,    // the context cancelled the search; the best so far
};

// PlannedGroup: one group of the plan.
struct PlannedGroup {
  std::string key_value;  // "" without a key
  std::vector<std::string> member_ids;
  GroupExplanation explanation;
  std::string facilitator_id;  // "" when none
  double facilitator_fit = 0.0;
  std::string facilitator_note;  // why none, when a role was asked for
};

struct GroupPlanSummary {
  int members = 0;     // the pool
  int assigned = 0;    // members in some group
  double total = 0.0;  // sum of the groups' scores, in group order
  double worst_mean_pair_score = 0.0;  // 0 without groups
  double upper_bound = 0.0;            // on `total` (the parts' bounds)
  int facilitated_groups = 0;
  std::int64_t rounds = 0;
  double seconds = 0.0;
  double seconds_to_best = 0.0;
  std::uint64_t seed = 0;
  std::optional<GroupStopReason> stop_reason;  // none when nothing searched
};

struct GroupPlan {
  GroupPlanStatus status = GroupPlanStatus::kFeasible;
  std::vector<PlannedGroup> groups;
  std::vector<UnassignedMember> unassigned;
  std::vector<RuleCheckResult> rules;  // empty when kInfeasible
  std::vector<PartInfeasibility> infeasible;
  // What the plan changed from the preferred shape to keep the rules
  // (ShapeChoice::notes).
  std::vector<std::string> notes;
  GroupPlanSummary summary;
};

// ValidateGroupPlanOptions: InvalidArgument naming the first field out of
// its range (e.g. "min_size: needs 1 <= min_size <= max_size"). Whether the
// together ids name members is checked by PlanGroups.
[[nodiscard]] absl::Status ValidateGroupPlanOptions(
    const GroupPlanOptions& options);

// PlanGroups: InvalidArgument for invalid options or a together id that
// names no member; the scoring model's error for a policy the cohort cannot
// provide (validation rejects both first). An empty pool plans no groups.
// The context's cancellation stops the search; its progress and improved
// callbacks are described in part_progress.h.
[[nodiscard]] absl::StatusOr<GroupPlan> PlanGroups(
    const Cohort& cohort, const Policy& policy, const GroupPlanOptions& options,
    const CallContext& context = {});

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_GROUP_PLAN_H_
