#include "service/handlers/explain_handler.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/common/index.h"
#include "engine/groups/planning/group_explanation.h"
#include "engine/groups/planning/group_rule_checks.h"
#include "engine/groups/planning/group_rules.h"
#include "engine/scoring/pool_scores.h"
#include "engine/version.h"
#include "service/convert/cohort_convert.h"
#include "service/convert/groups_convert.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/pair_explanations.h"
#include "service/handlers/prepare_inputs.h"

namespace sopu::service {
namespace {

using sopu::v1::ExplainGroupRequest;
using sopu::v1::ExplainGroupResponse;
using sopu::v1::ExplainPairRequest;
using sopu::v1::ExplainPairResponse;

bool HasRole(const sopu::v1::Participant& p, sopu::v1::Role role) {
  return std::any_of(p.roles().begin(), p.roles().end(),
                     [role](int r) { return r == role; });
}

// FindParticipant: the first participant with `id` (duplicates are reported
// by the cohort's validation), or nullptr.
const sopu::v1::Participant* FindParticipant(const sopu::v1::Cohort& cohort,
                                             const std::string& id) {
  for (const auto& p : cohort.participants()) {
    if (p.id() == id) return &p;
  }
  return nullptr;
}

// CheckId records why `id` (the request field `field`) cannot name a
// participant with `role`, if it cannot.
void CheckId(const sopu::v1::Cohort& cohort, const std::string& id,
             sopu::v1::Role role, const std::string& field,
             ViolationList& violations) {
  if (id.empty()) {
    violations.Add(field, "is required: the id of a participant");
    return;
  }
  const sopu::v1::Participant* p = FindParticipant(cohort, id);
  if (p == nullptr) {
    violations.Add(field, "no participant has this id");
  } else if (!HasRole(*p, role)) {
    violations.Add(field, absl::StrCat("this participant does not have the "
                                       "role ",
                                       RoleWord(role)));
  }
}

// IndexOf: the position of participant `participant` in `side` (a model's
// mentees() or mentors()), or -1.
int IndexOf(const std::vector<int>& side, int participant) {
  const auto it = std::find(side.begin(), side.end(), participant);
  return it == side.end() ? -1 : static_cast<int>(it - side.begin());
}

// ParticipantIndex: the index of the first participant with `id` in the
// engine cohort, or -1.
int ParticipantIndex(const sopu::Cohort& cohort, const std::string& id) {
  for (std::size_t i = 0; i < cohort.participants.size(); ++i) {
    if (cohort.participants[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

// RulesMatchVerdict: the invariant between a pair's verdict and the rules
// ExcludingRules names for it (none when allowed; otherwise the deciding
// rule first).
bool RulesMatchVerdict(const Policy& policy, const PairExplanation& pair,
                       const std::vector<std::string>& rules) {
  if (pair.allowed()) return rules.empty();
  return !rules.empty() &&
         rules.front() == VerdictRuleName(policy, pair.verdict);
}

// AddContributions appends every criterion of `pair`, in policy order.
void AddContributions(
    const Policy& policy, const PairExplanation& pair,
    google::protobuf::RepeatedPtrField<sopu::v1::CriterionContribution>& out) {
  for (const CriterionValue& v : pair.values) {
    auto* c = out.Add();
    c->set_criterion(policy.criteria[Idx(v.criterion)].name);
    c->set_value(v.value);
    c->set_contribution(v.contribution);
  }
}

// CheckGroupRequest records the problems of the group request's own fields
// (the cohort and policy are checked by PrepareInputs).
void CheckGroupRequest(const ExplainGroupRequest& r,
                       ViolationList& violations) {
  const sopu::v1::Role role = GroupMemberRole(r.member_role());
  const bool role_known = ToRoleBit(role) != 0;
  if (!role_known) violations.Add("member_role", "is not a known role");
  if (r.member_ids().empty()) {
    violations.Add("member_ids", "list at least one member");
  } else if (r.member_ids_size() > kMaxExplainGroupMembers) {
    violations.Add("member_ids",
                   absl::StrCat("at most ", kMaxExplainGroupMembers,
                                " members can be explained"));
    return;  // the entries are not checked one by one
  }
  std::map<std::string, int> first_entry;
  for (int i = 0; i < r.member_ids_size(); ++i) {
    const std::string& id = r.member_ids(i);
    const std::string field = absl::StrCat("member_ids[", i, "]");
    if (const auto [it, fresh] = first_entry.emplace(id, i); !fresh) {
      violations.Add(field,
                     absl::StrCat("duplicates member_ids[", it->second, "]"));
      continue;
    }
    if (role_known) {
      CheckId(r.cohort(), id, role, field, violations);
    } else if (!id.empty() && FindParticipant(r.cohort(), id) == nullptr) {
      violations.Add(field, "no participant has this id");
    }
  }
}

// PoolIndices: the pool index of each (checked) member id, in order.
absl::StatusOr<std::vector<int>> PoolIndices(
    const sopu::Cohort& pool,
    const google::protobuf::RepeatedPtrField<std::string>& ids) {
  std::vector<int> out;
  out.reserve(Idx(ids.size()));
  for (const std::string& id : ids) {
    const int i = ParticipantIndex(pool, id);
    if (i < 0) {
      return absl::InternalError("a checked member is not in the pool");
    }
    out.push_back(i);
  }
  return out;
}

// BothWaysRules: every rule that forbids the pair in either direction (the
// first direction's rules, then the second's not yet named); empty exactly
// when both directions are allowed. INTERNAL when a direction's rules
// disagree with its verdict.
absl::StatusOr<std::vector<std::string>> BothWaysRules(
    const Policy& policy, const PairExplanation& ab,
    const PairExplanation& ba) {
  std::vector<std::string> rules = ExcludingRules(policy, ab);
  const std::vector<std::string> back = ExcludingRules(policy, ba);
  if (!RulesMatchVerdict(policy, ab, rules) ||
      !RulesMatchVerdict(policy, ba, back)) {
    return absl::InternalError("a pair's rules disagree with its verdict");
  }
  for (const std::string& rule : back) {
    if (std::find(rules.begin(), rules.end(), rule) == rules.end()) {
      rules.push_back(rule);
    }
  }
  return rules;
}

// AddMemberPair appends the pair (first, second), explained both ways and
// forbidden by `rules`, to the response's pairs (and conflicts).
void AddMemberPair(const Policy& policy, const PairExplanation& pair,
                   const std::string& first, const std::string& second,
                   const std::vector<std::string>& rules,
                   ExplainGroupResponse& response) {
  auto* out = response.add_pairs();
  out->set_first_id(first);
  out->set_second_id(second);
  out->set_score(pair.score);
  out->set_allowed(rules.empty());
  for (const std::string& rule : rules) out->add_excluded_by(rule);
  AddContributions(policy, pair, *out->mutable_contributions());
  if (!rules.empty()) {
    auto* conflict = response.add_conflicts();
    conflict->set_first_id(first);
    conflict->set_second_id(second);
  }
}

// AddGroupPairs explains every member pair of the group both ways (the
// response's pairs and conflicts, `allowed` member x member) and the group
// as FormGroups does (score, mean pair score, breakdown).
absl::Status AddGroupPairs(const ScoringModel& model,
                           const ExplainGroupRequest& request,
                           const std::vector<int>& members,
                           std::vector<std::uint8_t>& allowed,
                           ExplainGroupResponse& response) {
  const Policy& policy = model.policy();
  const std::size_t m = members.size();
  GroupExplanationBuilder explained(policy);
  for (std::size_t a = 0; a < m; ++a) {
    for (std::size_t b = a + 1; b < m; ++b) {
      absl::StatusOr<std::vector<std::string>> rules =
          BothWaysRules(policy, model.Explain(members[a], members[b]),
                        model.Explain(members[b], members[a]));
      if (!rules.ok()) return rules.status();
      allowed[a * m + b] = allowed[b * m + a] = rules->empty() ? 1 : 0;
      const PairExplanation pair =
          ExplainBothWays(model, members[a], members[b]);
      explained.Add(pair);
      AddMemberPair(policy, pair, request.member_ids(static_cast<int>(a)),
                    request.member_ids(static_cast<int>(b)), *rules, response);
    }
  }
  const GroupExplanation group = explained.Build();
  response.set_score(group.score);
  response.set_mean_pair_score(group.mean_pair_score);
  AddProtoBreakdown(group, *response.mutable_breakdown());
  return absl::OkStatus();
}

}  // namespace

std::vector<std::string> ExcludingRules(const Policy& policy,
                                        const PairExplanation& pair) {
  std::vector<std::string> rules;
  if (pair.self) rules.emplace_back("self-pair");
  if (pair.avoided && policy.honour_avoid_lists) {
    rules.emplace_back("avoid-list");
  }
  if (pair.same_organisation) rules.emplace_back("same-organisation");
  for (const CriterionValue& v : pair.values) {
    const Criterion& criterion = policy.criteria[Idx(v.criterion)];
    if (criterion.hard && !v.holds) rules.push_back(criterion.name);
  }
  return rules;
}

std::string ExclusionSentence(const std::vector<std::string>& rules) {
  if (rules.empty()) return "";
  if (rules.size() == 1) {
    return absl::StrCat("rule ", rules.front(), " excludes this pair");
  }
  return absl::StrCat("rules ", absl::StrJoin(rules, ", "),
                      " exclude this pair");
}

absl::StatusOr<ExplainPairResponse> HandleExplainPair(
    const ExplainPairRequest& request, const CallContext& /*context*/) {
  ViolationList violations;
  CheckId(request.cohort(), request.mentor_id(), sopu::v1::ROLE_MENTOR,
          "mentor_id", violations);
  CheckId(request.cohort(), request.mentee_id(), sopu::v1::ROLE_MENTEE,
          "mentee_id", violations);
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/false, violations);
  if (!inputs.ok()) return inputs.status();

  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs->cohort, inputs->policy);
  if (!model.ok()) return model.status();
  const int row = IndexOf(
      model->mentees(), ParticipantIndex(inputs->cohort, request.mentee_id()));
  const int col = IndexOf(
      model->mentors(), ParticipantIndex(inputs->cohort, request.mentor_id()));
  if (row < 0 || col < 0) {
    return absl::InternalError("a checked id is not in the score model");
  }
  const PairExplanation pair = model->Explain(row, col);
  const Policy& policy = model->policy();
  std::vector<std::string> rules = ExcludingRules(policy, pair);
  if (!RulesMatchVerdict(policy, pair, rules)) {
    return absl::InternalError("a pair's rules disagree with its verdict");
  }

  ExplainPairResponse response;
  response.set_mentee_id(request.mentee_id());
  response.set_mentor_id(request.mentor_id());
  response.set_score(pair.score);
  response.set_allowed(pair.allowed());
  response.set_exclusion(ExclusionSentence(rules));
  for (std::string& rule : rules) response.add_excluded_by(std::move(rule));
  AddContributions(policy, pair, *response.mutable_contributions());
  AddTopReasons(*model, pair, *response.mutable_top_reasons());
  *response.mutable_policy() = ToProtoPolicy(inputs->policy);
  response.set_engine_version(std::string(kVersion));
  return response;
}

absl::StatusOr<ExplainGroupResponse> HandleExplainGroup(
    const ExplainGroupRequest& request, const CallContext& /*context*/) {
  ViolationList violations;
  CheckGroupRequest(request, violations);
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/false, violations);
  if (!inputs.ok()) return inputs.status();

  // The whole pool, as FormGroups scores it, so the affinities agree.
  const auto member_role =
      static_cast<RoleBit>(ToRoleBit(GroupMemberRole(request.member_role())));
  const sopu::Cohort pool_cohort = PoolCohort(inputs->cohort, member_role);
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(pool_cohort, inputs->policy);
  if (!model.ok()) return model.status();

  absl::StatusOr<std::vector<int>> pool_members =
      PoolIndices(pool_cohort, request.member_ids());
  if (!pool_members.ok()) return pool_members.status();
  const std::vector<int>& members = *pool_members;
  std::vector<const Participant*> people;
  people.reserve(members.size());
  for (const int i : members) {
    people.push_back(&pool_cohort.participants[Idx(i)]);
  }

  ExplainGroupResponse response;
  *response.mutable_member_ids() = request.member_ids();
  const std::size_t m = members.size();
  std::vector<std::uint8_t> allowed(m * m, 1);  // member x member
  if (absl::Status s =
          AddGroupPairs(*model, request, members, allowed, response);
      !s.ok()) {
    return s;
  }

  // The policy's pair rule, checked by the same code as FormGroups' result
  // (no rules: no size, key or balance rule applies to one group).
  std::vector<int> all(m);
  for (std::size_t k = 0; k < m; ++k) all[k] = static_cast<int>(k);
  AddProtoRuleChecks(CheckGroupRules(people, allowed, GroupRules{}, {all}),
                     *response.mutable_rules());
  *response.mutable_policy() = ToProtoPolicy(inputs->policy);
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
