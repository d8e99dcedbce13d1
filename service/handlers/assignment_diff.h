// AddAssignmentDiff: a match report's comparison with the previous
// assignment (MatchRequest.previous): one PairChange per mentee whose pair is
// kept, new, changed or dropped, and their counts in the summary. A mentor
// who has left the cohort still counts as "before"; a pair whose mentee has
// left the cohort is dropped.
//
// Complexity: O(R + P) for R mentees and P previous pairs.
#ifndef SOPU_SERVICE_HANDLERS_ASSIGNMENT_DIFF_H_
#define SOPU_SERVICE_HANDLERS_ASSIGNMENT_DIFF_H_

#include <vector>

#include "engine/scoring/scoring_model.h"
#include "service/handlers/pair_lists.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// AddAssignmentDiff appends to response.changes (mentees in row order, then
// the departed mentees' pairs in request order) and counts kept / added /
// dropped / changed in response.summary. `previous` is ResolvePairs of
// request.previous (departed_ok); `mentor_of` the final assignment (-1 =
// unmatched) in `model`'s rows and columns. Does nothing when there are no
// previous pairs.
void AddAssignmentDiff(const sopu::v1::MatchRequest& request,
                       const std::vector<ResolvedPair>& previous,
                       const ScoringModel& model,
                       const std::vector<int>& mentor_of,
                       sopu::v1::MatchResponse& response);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_ASSIGNMENT_DIFF_H_
