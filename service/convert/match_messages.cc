#include "service/convert/match_messages.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/common/index.h"
#include "service/handlers/pair_explanations.h"
#include "service/validation/violation_list.h"

namespace sopu::service {
namespace {

const char* ListName(PairList list) {
  switch (list) {
    case PairList::kLocked:
      return "locked";
    case PairList::kForbidden:
      return "forbidden";
    case PairList::kPrevious:
      return "previous";
  }
  return "";
}

// FullMentorsText: kMentorsFull, e.g. "the only allowed mentor scoring at
// least 0.5, m1, is full (capacity 1; 2 mentees can only be matched with
// this mentor)".
std::string FullMentorsText(const UnmatchedReason& reason,
                            const ScoringModel& model) {
  const std::string qualifier =
      reason.min_score.has_value()
          ? absl::StrCat(" scoring at least ", *reason.min_score)
          : "";
  std::string competition;
  if (reason.competing.has_value()) {
    const int n = *reason.competing;
    competition =
        absl::StrCat("; ", n == 1 ? "1 mentee" : absl::StrCat(n, " mentees"),
                     " can only be matched with ",
                     reason.mentors == 1 ? "this mentor" : "these mentors");
  }
  std::string shortage;
  if (reason.cohort_mentees > 0) {
    shortage = absl::StrCat("the cohort has ", reason.cohort_places, " mentor ",
                            reason.cohort_places == 1 ? "place" : "places",
                            " for ", reason.cohort_mentees, " mentees, so ",
                            reason.cohort_mentees - reason.cohort_places,
                            " must stay unmatched; ");
  }
  if (reason.mentors == 1) {
    const std::string& id =
        model.cohort()
            .participants[Idx(model.mentors()[Idx(reason.only_mentor)])]
            .id;
    return absl::StrCat(shortage, "the only allowed mentor", qualifier, ", ",
                        id, ", is full (capacity ", reason.seats, competition,
                        ")");
  }
  return absl::StrCat(shortage, "all ", reason.mentors, " allowed mentors",
                      qualifier, " are full (capacity ", reason.seats,
                      " in all", competition, ")");
}

}  // namespace

std::string PairIssuePath(const PairIssue& issue) {
  std::string path = absl::StrCat(ListName(issue.list), "[", issue.index, "]");
  switch (issue.field) {
    case PairField::kPair:
      break;
    case PairField::kMenteeId:
      path += ".mentee_id";
      break;
    case PairField::kMentorId:
      path += ".mentor_id";
      break;
  }
  return path;
}

std::string PairIssueDescription(const PairIssue& issue, const Policy& policy) {
  switch (issue.problem) {
    case PairProblem::kNoSuchMentee:
      return "names no mentee of the cohort";
    case PairProblem::kNoSuchMentor:
      return "names no mentor of the cohort";
    case PairProblem::kRepeatedMentee:
      return absl::StrCat("the mentee is already in ", ListName(issue.list),
                          "[", issue.earlier, "]");
    case PairProblem::kForbiddenByRule:
      return absl::StrCat("the pair is forbidden by rule ",
                          VerdictRuleName(policy, issue.verdict));
    case PairProblem::kAlsoForbidden:
      return "the pair is also in forbidden";
    case PairProblem::kOverCapacity:
      return "more locked pairs than the mentor's capacity";
  }
  return "";
}

absl::Status PairIssuesStatus(const std::vector<PairIssue>& issues,
                              const Policy& policy) {
  ViolationList violations;
  for (const PairIssue& issue : issues) {
    violations.Add(PairIssuePath(issue), PairIssueDescription(issue, policy));
  }
  return violations.ToStatus();
}

std::string UnmatchedReasonText(const UnmatchedReason& reason,
                                const ScoringModel& model, int row) {
  switch (reason.cause) {
    case UnmatchedCause::kNoMentorAllowed:
      return ExplainExclusion(model, row).sentence;
    case UnmatchedCause::kAllForbiddenByRequest:
      return "every mentor the policy allows is in the request's forbidden "
             "pairs";
    case UnmatchedCause::kBelowMinScore:
      return absl::StrCat("no allowed mentor scores at least the minimum ",
                          reason.min_score.value_or(0.0));
    case UnmatchedCause::kNotOnWishList:
      return "the allowed mentors with room are not on this mentee's "
             "wish-list";
    case UnmatchedCause::kNoRoomWhenProposing:
      return "no allowed mentor with room was left for this mentee";
    case UnmatchedCause::kLeftOutScoresMore:
      return "a mentor with room was allowed, but leaving this mentee out "
             "scored more";
    case UnmatchedCause::kMentorsFull:
      return FullMentorsText(reason, model);
  }
  return "";
}

}  // namespace sopu::service
