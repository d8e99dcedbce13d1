// HandleExplainPair and HandleExplainGroup answer "why this pair?" and "why
// this group?" for one pair or one group named by participant ids, with the
// same formulas and words as the other handlers (nothing is searched):
//
//   - a pair: ScoringModel::Explain on the whole cohort, as Score and Match
//     score it, so the score equals Recommendation.score and
//     MatchedPair.score; every criterion's contribution; every rule that
//     forbids it, named as RuleCount.rule names rules.
//   - a group: the members' pool (member_role, as FormGroups chooses it)
//     scored both ways (engine/scoring/pool_scores.h), so a pair's affinity,
//     the group's score (sum over the member pairs), mean and breakdown equal
//     those FormGroups reports for the same members in the same order; every
//     member pair; the pairs the policy forbids, and the policy's pair rule
//     checked as in GroupsResponse.rules (group_rule_checks.h).
//
// Both validate first (PrepareInputs plus the ids): INVALID_ARGUMENT with
// google.rpc.BadRequest field violations naming request paths ("mentee_id",
// "member_ids[3]"), never values; nothing is computed then.
//
// Cost, P participants, T themes in complement criteria, K criteria, m
// members: pair O(P (T + features)) to build the model plus O((T + K) log)
// for the pair; group the same build over the pool plus O(m^2 (T + K)) for
// the pairs (m <= kMaxExplainGroupMembers). No score matrix is computed.
//
// Determinism: the answers depend only on the request. Thread-safe.
//
// Usage (e.g. from the command line, after reading the cohort and policy):
//   sopu::v1::ExplainPairRequest request;
//   *request.mutable_cohort() = cohort;
//   request.set_mentor_id("m02");
//   request.set_mentee_id("a01");
//   absl::StatusOr<sopu::v1::ExplainPairResponse> why =
//       service::HandleExplainPair(request);
//   if (!why.ok()) return why.status();  // ViolationsOf(status) lists paths
#ifndef SOPU_SERVICE_HANDLERS_EXPLAIN_HANDLER_H_
#define SOPU_SERVICE_HANDLERS_EXPLAIN_HANDLER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/common/call_context.h"
#include "engine/model/policy.h"
#include "engine/scoring/scoring_model.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// kMaxExplainGroupMembers bounds ExplainGroupRequest.member_ids (the answer
// lists every member pair: m (m - 1) / 2 of them).
inline constexpr int kMaxExplainGroupMembers = 200;

// HandleExplainPair explains the pair (mentee_id, mentor_id) of the request.
// INVALID_ARGUMENT when the cohort or policy is invalid, or an id names no
// participant or one without the role (mentor_id: mentor, mentee_id:
// mentee).
[[nodiscard]] absl::StatusOr<sopu::v1::ExplainPairResponse> HandleExplainPair(
    const sopu::v1::ExplainPairRequest& request,
    const CallContext& context = {});

// HandleExplainGroup explains the group of the request's member_ids.
// INVALID_ARGUMENT when the cohort or policy is invalid, member_role is not
// a known role, member_ids is empty or longer than kMaxExplainGroupMembers,
// or an entry names no participant, repeats an earlier entry, or names a
// participant without member_role.
[[nodiscard]] absl::StatusOr<sopu::v1::ExplainGroupResponse> HandleExplainGroup(
    const sopu::v1::ExplainGroupRequest& request,
    const CallContext& context = {});

// ExcludingRules names every rule that forbids `pair` under `policy`, in the
// order the engine checks them (so the first decides the verdict):
// "self-pair", "avoid-list" (when the policy honours avoid-lists),
// "same-organisation" (when the policy forbids it), then each failing hard
// criterion's name in policy order. Empty exactly when pair.allowed().
[[nodiscard]] std::vector<std::string> ExcludingRules(
    const Policy& policy, const PairExplanation& pair);

// ExclusionSentence: "rule R excludes this pair", "rules R1, R2 exclude
// this pair", or "" for no rules.
[[nodiscard]] std::string ExclusionSentence(
    const std::vector<std::string>& rules);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_EXPLAIN_HANDLER_H_
