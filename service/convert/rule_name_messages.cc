#include "service/convert/rule_name_messages.h"

#include <cstddef>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace sopu::service {
namespace {

std::string DidYouMean(const RuleNameProblem& problem) {
  return problem.suggestion.has_value()
             ? absl::StrCat(" (did you mean `", *problem.suggestion, "`?)")
             : std::string();
}

std::string Describe(const RuleNameProblem& p) {
  switch (p.kind) {
    case RuleNameProblemKind::kUnknownKeyAttribute:
    case RuleNameProblemKind::kUnknownBalanceAttribute:
      if (p.existing.empty()) {
        return absl::StrCat("no member has a value of `", p.name,
                            "`; the members have no attributes at all");
      }
      return absl::StrCat("no member has a value of `", p.name,
                          "`; the members have ", ListNames(p.existing),
                          DidYouMean(p));
    case RuleNameProblemKind::kUnknownIsolatedValue:
      return absl::StrCat("no member has ", p.attribute, " `", p.name,
                          "`; the members' values are ", ListNames(p.existing),
                          DidYouMean(p));
    case RuleNameProblemKind::kMissingKeyValue:
      break;
  }
  return absl::StrCat(
      "has no value; every member needs one, since groups "
      "are formed by ",
      p.attribute, " (key_attribute)");
}

}  // namespace

std::string ListNames(const std::vector<std::string>& names) {
  if (names.size() <= kMaxListedNames) return absl::StrJoin(names, ", ");
  const std::vector<std::string> shown(
      names.begin(),
      names.begin() + static_cast<std::ptrdiff_t>(kMaxListedNames));
  return absl::StrCat(absl::StrJoin(shown, ", "), " … and ",
                      names.size() - kMaxListedNames, " more");
}

std::string AttributePath(const std::string& attribute) {
  if (attribute == "municipality" || attribute == "region") {
    return absl::StrCat("location.", attribute);
  }
  return absl::StrCat("attributes.", attribute);
}

void AddRuleNameViolations(const std::vector<RuleNameProblem>& problems,
                           ViolationList& violations) {
  for (const RuleNameProblem& p : problems) {
    const std::string field =
        p.kind == RuleNameProblemKind::kMissingKeyValue
            ? absl::StrCat("cohort.participants[", p.participant, "].",
                           AttributePath(p.attribute))
            : p.field;
    violations.Add(field, Describe(p));
  }
}

}  // namespace sopu::service
