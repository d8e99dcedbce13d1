#include "service/history/past_cohort_validator.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "service/handlers/prepare_inputs.h"

namespace sopu::service {
namespace {

bool HasRole(const sopu::v1::Participant& p, sopu::v1::Role role) {
  return std::any_of(p.roles().begin(), p.roles().end(),
                     [role](int r) { return r == role; });
}

void CheckRating(bool has, double rating, const std::string& path,
                 ViolationList& violations) {
  if (has && !(std::isfinite(rating) && rating >= 1.0 && rating <= 5.0)) {
    violations.Add(path, "must be in 1..5");
  }
}

// ParticipantIndex finds a participant of the round's cohort by id (the
// first one with it).
class ParticipantIndex {
 public:
  explicit ParticipantIndex(const sopu::v1::Cohort& cohort) : cohort_(cohort) {
    for (int i = 0; i < cohort.participants_size(); ++i) {
      index_.emplace(cohort.participants(i).id(), i);
    }
  }

  // Find: the participant with `id`, or null.
  [[nodiscard]] const sopu::v1::Participant* Find(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &cohort_.participants(it->second);
  }

 private:
  const sopu::v1::Cohort& cohort_;
  std::unordered_map<std::string, int> index_;
};

// CheckPairMentee: pairs[k].mentee_id names a mentee not in an earlier
// pair; `pair_of_mentee` records the first pair of each mentee.
void CheckPairMentee(const sopu::v1::HistoricalPair& pair, int k,
                     const std::string& base, const ParticipantIndex& index,
                     std::unordered_map<std::string, int>& pair_of_mentee,
                     ViolationList& violations) {
  const sopu::v1::Participant* mentee = index.Find(pair.mentee_id());
  if (pair.mentee_id().empty()) {
    violations.Add(base + ".mentee_id", "required");
  } else if (mentee == nullptr) {
    violations.Add(base + ".mentee_id", "no participant has this id");
  } else if (!HasRole(*mentee, sopu::v1::ROLE_MENTEE)) {
    violations.Add(base + ".mentee_id", "this participant is not a mentee");
  } else if (auto [it, fresh] = pair_of_mentee.emplace(pair.mentee_id(), k);
             !fresh) {
    violations.Add(
        base + ".mentee_id",
        absl::StrCat("this mentee is already in pairs[", it->second, "]"));
  }
}

// CheckPairMentor: a pair's mentor_id names a mentor other than its mentee.
void CheckPairMentor(const sopu::v1::HistoricalPair& pair,
                     const std::string& base, const ParticipantIndex& index,
                     ViolationList& violations) {
  const sopu::v1::Participant* mentor = index.Find(pair.mentor_id());
  if (pair.mentor_id().empty()) {
    violations.Add(base + ".mentor_id", "required");
  } else if (mentor == nullptr) {
    violations.Add(base + ".mentor_id", "no participant has this id");
  } else if (!HasRole(*mentor, sopu::v1::ROLE_MENTOR)) {
    violations.Add(base + ".mentor_id", "this participant is not a mentor");
  } else if (pair.mentor_id() == pair.mentee_id()) {
    violations.Add(base + ".mentor_id", "the same participant as mentee_id");
  }
}

// CheckPairs: at most kMaxHistoricalPairs pairs (only those are checked),
// each with its mentee, mentor and rating.
void CheckPairs(const sopu::v1::PastCohort& past, const ParticipantIndex& index,
                ViolationList& violations) {
  if (past.pairs_size() > kMaxHistoricalPairs) {
    violations.Add("pairs",
                   absl::StrCat("at most ", kMaxHistoricalPairs, " pairs"));
  }
  std::unordered_map<std::string, int> pair_of_mentee;
  for (int k = 0; k < past.pairs_size() && k < kMaxHistoricalPairs; ++k) {
    const sopu::v1::HistoricalPair& pair = past.pairs(k);
    const std::string base = absl::StrCat("pairs[", k, "]");
    CheckPairMentee(pair, k, base, index, pair_of_mentee, violations);
    CheckPairMentor(pair, base, index, violations);
    CheckRating(pair.has_rating(), pair.rating(), base + ".rating", violations);
  }
}

// CheckGroupMembers: groups[g] has members, each a participant in no other
// group and listed once; `group_of` records each member's first group.
void CheckGroupMembers(const sopu::v1::HistoricalGroup& group, int g,
                       const std::string& base, const ParticipantIndex& index,
                       std::unordered_map<std::string, int>& group_of,
                       ViolationList& violations) {
  if (group.member_ids_size() == 0) {
    violations.Add(base + ".member_ids", "a group needs at least one member");
  }
  for (int m = 0; m < group.member_ids_size(); ++m) {
    const std::string& id = group.member_ids(m);
    const std::string path = absl::StrCat(base, ".member_ids[", m, "]");
    if (index.Find(id) == nullptr) {
      violations.Add(path, "no participant has this id");
    } else if (auto [it, fresh] = group_of.emplace(id, g); !fresh) {
      violations.Add(path,
                     it->second == g
                         ? std::string("listed twice in this group")
                         : absl::StrCat("already in groups[", it->second, "]"));
    }
  }
}

// CheckFacilitator: a group's facilitator, when set, is a participant and
// not one of its members.
void CheckFacilitator(const sopu::v1::HistoricalGroup& group,
                      const std::string& base, const ParticipantIndex& index,
                      ViolationList& violations) {
  if (group.facilitator_id().empty()) return;
  if (index.Find(group.facilitator_id()) == nullptr) {
    violations.Add(base + ".facilitator_id", "no participant has this id");
    return;
  }
  if (std::find(group.member_ids().begin(), group.member_ids().end(),
                group.facilitator_id()) != group.member_ids().end()) {
    violations.Add(base + ".facilitator_id",
                   "the facilitator is also a member");
  }
}

// CheckGroups: at most kMaxHistoricalGroups groups (only those are
// checked), each with its members, facilitator and rating.
void CheckGroups(const sopu::v1::PastCohort& past,
                 const ParticipantIndex& index, ViolationList& violations) {
  if (past.groups_size() > kMaxHistoricalGroups) {
    violations.Add("groups",
                   absl::StrCat("at most ", kMaxHistoricalGroups, " groups"));
  }
  std::unordered_map<std::string, int> group_of;
  for (int g = 0; g < past.groups_size() && g < kMaxHistoricalGroups; ++g) {
    const sopu::v1::HistoricalGroup& group = past.groups(g);
    const std::string base = absl::StrCat("groups[", g, "]");
    CheckGroupMembers(group, g, base, index, group_of, violations);
    CheckFacilitator(group, base, index, violations);
    CheckRating(group.has_rating(), group.rating(), base + ".rating",
                violations);
  }
}

}  // namespace

void ValidatePastCohort(const sopu::v1::PastCohort& past,
                        ViolationList& violations) {
  if (past.name().size() > 256) {
    violations.Add("name", "must be at most 256 characters");
  }
  CheckInputs(past.cohort(), past.has_policy() ? &past.policy() : nullptr,
              /*need_both_sides=*/past.pairs_size() > 0, violations);
  const ParticipantIndex index(past.cohort());
  CheckPairs(past, index, violations);
  CheckGroups(past, index, violations);
}

}  // namespace sopu::service
