#include "service/handlers/groups_handler.h"

#include <cstdint>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/common/limits.h"
#include "engine/groups/planning/group_plan.h"
#include "engine/groups/planning/rule_names.h"
#include "engine/version.h"
#include "service/convert/cohort_convert.h"
#include "service/convert/groups_convert.h"
#include "service/convert/policy_convert.h"
#include "service/convert/rule_name_messages.h"
#include "service/handlers/prepare_inputs.h"

namespace sopu::service {
namespace {

using sopu::v1::GroupsRequest;
using sopu::v1::GroupsResponse;

// CheckSizes records the problems of the size and count fields.
void CheckSizes(const GroupsRequest& r, ViolationList& violations) {
  const bool sizes_unset = r.min_size() == 0 && r.max_size() == 0;
  if (sizes_unset && r.group_count() <= 0) {
    violations.Add("max_size", "set the group size bounds or group_count");
  } else if (!sizes_unset &&
             (r.min_size() < 1 || r.max_size() < r.min_size())) {
    violations.Add("min_size", "needs 1 <= min_size <= max_size");
  }
  if (r.max_size() > kMaxGroupSize) {
    violations.Add("max_size", absl::StrCat("must be <= ", kMaxGroupSize));
  }
  if (r.group_count() < 0) violations.Add("group_count", "must be >= 0");
  if (r.group_count() > kMaxGroupCount) {
    violations.Add("group_count", absl::StrCat("must be <= ", kMaxGroupCount));
  }
  if (r.group_count() > 0 && !r.key_attribute().empty()) {
    violations.Add("group_count",
                   "cannot be combined with key_attribute (each key value "
                   "gets the groups its members need)");
  }
}

// CheckRulesAndSearch records the problems of the rule and search fields.
void CheckRulesAndSearch(const GroupsRequest& r, ViolationList& violations) {
  if (r.max_per_organisation() < 0) {
    violations.Add("max_per_organisation", "must be >= 0");
  }
  if (r.has_time_limit_seconds() &&
      !(r.time_limit_seconds() > 0.0 &&
        r.time_limit_seconds() <= kMaxTimeLimitSeconds)) {
    violations.Add("time_limit_seconds",
                   absl::StrCat("must be in (0, ", kMaxTimeLimitSeconds, "]"));
  }
  if (r.has_max_rounds() && r.max_rounds() < 1) {
    violations.Add("max_rounds", "must be >= 1");
  }
  for (int b = 0; b < r.balance_size(); ++b) {
    if (r.balance(b).attribute().empty()) {
      violations.Add(absl::StrCat("balance[", b, "].attribute"),
                     "must name an attribute");
    }
  }
}

// Members: per participant id, whether they have the members' role (the
// last entry of a duplicated id decides), and how many participants do.
struct Members {
  std::map<std::string, bool> is_member;
  int count = 0;
};

Members FindMembers(const GroupsRequest& r) {
  const std::uint8_t member = ToRoleBit(GroupMemberRole(r.member_role()));
  Members out;
  for (const auto& p : r.cohort().participants()) {
    bool has = false;
    for (const int role : p.roles()) {
      has = has || ToRoleBit(static_cast<sopu::v1::Role>(role)) == member;
    }
    out.is_member[p.id()] = has;
    out.count += has ? 1 : 0;
  }
  return out;
}

// CheckMembers records a member role nobody has, and together pairs that do
// not name two different members.
void CheckMembers(const GroupsRequest& r, ViolationList& violations) {
  const Members members = FindMembers(r);
  if (members.count == 0 && !r.cohort().participants().empty()) {
    violations.Add("member_role", "no participant has this role");
  }
  for (int k = 0; k < r.together_size(); ++k) {
    const sopu::v1::MemberPair& pair = r.together(k);
    const auto check = [&](const std::string& id, const char* field) {
      const auto it = members.is_member.find(id);
      if (it == members.is_member.end()) {
        violations.Add(absl::StrCat("together[", k, "].", field),
                       "no participant has this id");
      } else if (!it->second) {
        violations.Add(absl::StrCat("together[", k, "].", field),
                       "this participant is not a member to be grouped");
      }
    };
    check(pair.first_id(), "first_id");
    check(pair.second_id(), "second_id");
    if (pair.first_id() == pair.second_id()) {
      violations.Add(absl::StrCat("together[", k, "]"),
                     "needs two different participants");
    }
  }
}

}  // namespace

absl::StatusOr<GroupsResponse> HandleGroups(const GroupsRequest& request,
                                            const CallContext& context) {
  ViolationList violations;
  CheckSizes(request, violations);
  CheckRulesAndSearch(request, violations);
  CheckMembers(request, violations);
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/false, violations);
  if (!inputs.ok()) return inputs.status();
  const GroupPlanOptions options = ToGroupPlanOptions(request);
  AddRuleNameViolations(CheckRuleNames(inputs->cohort, options.member_role,
                                       options.key_attribute, options.balance),
                        violations);
  if (!violations.empty()) return violations.ToStatus();

  absl::StatusOr<GroupPlan> plan =
      PlanGroups(inputs->cohort, inputs->policy, options, context);
  if (!plan.ok()) return plan.status();
  GroupsResponse response = ToProtoGroupsResponse(*plan);
  *response.mutable_policy() = ToProtoPolicy(inputs->policy);
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
