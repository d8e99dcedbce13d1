// ValidatePastCohort checks a sopu.v1.PastCohort (proto/sopu/v1/history.proto)
// and records every problem by field path: the cohort and the policy under
// their own rules ("cohort.participants[3]...", "policy.criteria[0]..."),
// then each historical pair ("pairs[3].mentor_id: no participant has this
// id", "pairs[5].rating: must be in 1..5", a mentee in two pairs) and group
// ("groups[1].member_ids[2]: already in groups[0]"). Descriptions never
// repeat a value of the input. Complexity O(size of the file * log P).
#ifndef SOPU_SERVICE_HISTORY_PAST_COHORT_VALIDATOR_H_
#define SOPU_SERVICE_HISTORY_PAST_COHORT_VALIDATOR_H_

#include "service/validation/violation_list.h"
#include "sopu/v1/history.pb.h"

namespace sopu::service {

// kMaxHistoricalPairs / kMaxHistoricalGroups bound a past cohort.
inline constexpr int kMaxHistoricalPairs = 100000;
inline constexpr int kMaxHistoricalGroups = 100000;

void ValidatePastCohort(const sopu::v1::PastCohort& past,
                        ViolationList& violations);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HISTORY_PAST_COHORT_VALIDATOR_H_
