// Match messages: the words for what the match workflow reports as codes
// (engine/match): the pair lists' problems as BadRequest field violations
// ("locked[3].mentor_id: more locked pairs than the mentor's capacity") and
// each unmatched mentee's reason ("all 3 allowed mentors are full (capacity
// 6 in all)"). Rule names, counts and ids only; never profile values.
#ifndef SOPU_SERVICE_CONVERT_MATCH_MESSAGES_H_
#define SOPU_SERVICE_CONVERT_MATCH_MESSAGES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "engine/match/match_problem.h"
#include "engine/match/unmatched_reasons.h"
#include "engine/model/policy.h"
#include "engine/scoring/scoring_model.h"

namespace sopu::service {

// PairIssuePath: the field path of an issue, rooted at the MatchRequest:
// "locked[3]" (the pair) or "locked[3].mentor_id".
[[nodiscard]] std::string PairIssuePath(const PairIssue& issue);

// PairIssueDescription: the violation's description; `policy` names the
// rule of kForbiddenByRule.
[[nodiscard]] std::string PairIssueDescription(const PairIssue& issue,
                                               const Policy& policy);

// PairIssuesStatus: INVALID_ARGUMENT carrying one field violation per issue,
// in order (up to kDefaultMaxViolations).
[[nodiscard]] absl::Status PairIssuesStatus(
    const std::vector<PairIssue>& issues, const Policy& policy);

// UnmatchedReasonText: the sentence for unmatched mentee `row` of `model`.
[[nodiscard]] std::string UnmatchedReasonText(const UnmatchedReason& reason,
                                              const ScoringModel& model,
                                              int row);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_CONVERT_MATCH_MESSAGES_H_
