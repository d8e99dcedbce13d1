// AssignFacilitators gives each group at most one facilitator, exactly:
// an assignment problem with groups as rows and facilitators as columns
// (capacity = the facilitator's Participant.capacity), solved by
// SolveCapacitatedAssignment — first as many groups as possible, then the
// largest total fit. A group's fit with a facilitator is the mean of the
// policy's scores of its members (as mentees) with the facilitator (as
// mentor). The pair is forbidden when the policy forbids the facilitator
// with any member, when the facilitator is a member, or when a key is set
// and the facilitator's key value differs from the group's.
//
// Complexity: O(M F) scoring for M members and F facilitators, plus the
// exact assignment, O(G^2 F) for G groups.
#ifndef SOPU_SERVICE_HANDLERS_GROUP_FACILITATORS_H_
#define SOPU_SERVICE_HANDLERS_GROUP_FACILITATORS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/cohort.h"
#include "engine/model/policy.h"

namespace sopu::service {

// FacilitatedGroup: a group by cohort participant indices, and its key value.
struct FacilitatedGroup {
  std::vector<int> members;
  std::string key_value;
};

struct FacilitatorChoice {
  int facilitator = -1;  // cohort participant index, or -1
  double fit = 0.0;      // 0..1
  std::string note;      // why there is none
};

[[nodiscard]] absl::StatusOr<std::vector<FacilitatorChoice>> AssignFacilitators(
    const sopu::Cohort& cohort, const Policy& policy, RoleBit facilitator_role,
    const std::string& key_attribute,
    const std::vector<FacilitatedGroup>& groups);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_GROUP_FACILITATORS_H_
