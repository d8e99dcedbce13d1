// AssignFacilitators gives each group at most one facilitator, exactly.
//
// Problem: groups (members by cohort index, and a key value) and the
// cohort's participants with the facilitator role, each leading at most
// Participant::facilitator_capacity groups (not their mentee capacity). A
// group's fit with a facilitator is the mean of the policy's scores of its
// members (as mentees) with the facilitator (as mentor), 0..1. The pair is
// forbidden when the policy forbids the facilitator with any member, when the
// facilitator is a member (self-pair), or when a key attribute is set and the
// facilitator's value of it differs from the group's key value.
//
// Algorithm: an assignment problem with groups as rows and facilitators as
// columns (capacity = the facilitator's), solved by
// SolveCapacitatedAssignment (capacitated_assignment.h): first as many
// groups as possible, then the largest total fit. The scores come from one
// ScoringModel over the members (as mentees) and the facilitators (as
// mentors), in cohort order. A group left without a facilitator gets a note
// saying why: "no participant can facilitate", "all 2 allowed facilitators
// lead other groups", "no facilitator has this group's town", or "the policy
// forbids each of the 3 possible facilitators with some member".
//
// Complexity: O(M F) scoring for M members and F facilitators, plus the
// exact assignment, O(G^2 F) for G groups.
//
// Determinism: the result depends only on the arguments.
//
// Usage:
//   absl::StatusOr<std::vector<FacilitatorChoice>> choices =
//       AssignFacilitators(cohort, policy, kRoleFacilitator, "town", groups);
//   if (!choices.ok()) return choices.status();
//   // (*choices)[g].facilitator: cohort index or -1 and (*choices)[g].note
#ifndef SOPU_ENGINE_GROUPS_PLANNING_GROUP_FACILITATORS_H_
#define SOPU_ENGINE_GROUPS_PLANNING_GROUP_FACILITATORS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/cohort.h"
#include "engine/model/policy.h"

namespace sopu {

// FacilitatedGroup: a group by cohort participant indices, and its key
// value ("" without a key).
struct FacilitatedGroup {
  std::vector<int> members;
  std::string key_value;
};

// FacilitatorChoice: a group's facilitator, or why it has none.
struct FacilitatorChoice {
  int facilitator = -1;  // cohort participant index, or -1
  double fit = 0.0;      // 0..1
  std::string note;      // why there is none ("" when there is one)
};

// AssignFacilitators: one choice per group, in group order. An error only
// when the scoring model or the assignment solver rejects its input (a
// policy validation would have rejected). No groups: no choices (nothing is
// scored).
[[nodiscard]] absl::StatusOr<std::vector<FacilitatorChoice>> AssignFacilitators(
    const Cohort& cohort, const Policy& policy, RoleBit facilitator_role,
    const std::string& key_attribute,
    const std::vector<FacilitatedGroup>& groups);

}  // namespace sopu

#endif  // SOPU_ENGINE_GROUPS_PLANNING_GROUP_FACILITATORS_H_
