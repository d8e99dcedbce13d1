#include "service/cli/default_policy_note.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/model/policy.h"
#include "service/convert/cohort_convert.h"

namespace sopu::cli {

std::string DefaultPolicyNote(const sopu::v1::Cohort& cohort) {
  const DefaultPolicyChoice choice =
      DefaultPolicyFor(service::ToEngineCohort(cohort));
  std::vector<std::string> used;
  for (const Criterion& c : choice.policy.criteria) {
    used.push_back(c.hard ? absl::StrCat(c.name, " (hard rule)")
                          : absl::StrCat(c.name, " (weight ", c.weight, ")"));
  }
  std::vector<std::string> left_out;
  for (const LeftOutCriterion& c : choice.left_out) {
    left_out.push_back(
        absl::StrCat(c.criterion, " (no participant has ", c.missing, ")"));
  }
  return absl::StrCat(
      "note: no --policy given; scoring by ",
      used.empty() ? "nothing" : absl::StrJoin(used, " and "),
      "; left out: ", left_out.empty() ? "none" : absl::StrJoin(left_out, ", "),
      "\n");
}

}  // namespace sopu::cli
