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

}  // namespace

void ValidatePastCohort(const sopu::v1::PastCohort& past,
                        ViolationList& violations) {
  if (past.name().size() > 256) {
    violations.Add("name", "must be at most 256 characters");
  }
  CheckInputs(past.cohort(), past.has_policy() ? &past.policy() : nullptr,
              /*need_both_sides=*/past.pairs_size() > 0, violations);
  std::unordered_map<std::string, int> index;
  for (int i = 0; i < past.cohort().participants_size(); ++i) {
    index.emplace(past.cohort().participants(i).id(), i);
  }
  auto find = [&](const std::string& id) -> const sopu::v1::Participant* {
    auto it = index.find(id);
    return it == index.end() ? nullptr
                             : &past.cohort().participants(it->second);
  };

  if (past.pairs_size() > kMaxHistoricalPairs) {
    violations.Add("pairs",
                   absl::StrCat("at most ", kMaxHistoricalPairs, " pairs"));
  }
  std::unordered_map<std::string, int> pair_of_mentee;
  for (int k = 0; k < past.pairs_size() && k < kMaxHistoricalPairs; ++k) {
    const sopu::v1::HistoricalPair& pair = past.pairs(k);
    const std::string base = absl::StrCat("pairs[", k, "]");
    const sopu::v1::Participant* mentee = find(pair.mentee_id());
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
    const sopu::v1::Participant* mentor = find(pair.mentor_id());
    if (pair.mentor_id().empty()) {
      violations.Add(base + ".mentor_id", "required");
    } else if (mentor == nullptr) {
      violations.Add(base + ".mentor_id", "no participant has this id");
    } else if (!HasRole(*mentor, sopu::v1::ROLE_MENTOR)) {
      violations.Add(base + ".mentor_id", "this participant is not a mentor");
    } else if (pair.mentor_id() == pair.mentee_id()) {
      violations.Add(base + ".mentor_id", "the same participant as mentee_id");
    }
    CheckRating(pair.has_rating(), pair.rating(), base + ".rating", violations);
  }

  if (past.groups_size() > kMaxHistoricalGroups) {
    violations.Add("groups",
                   absl::StrCat("at most ", kMaxHistoricalGroups, " groups"));
  }
  std::unordered_map<std::string, int> group_of;
  for (int g = 0; g < past.groups_size() && g < kMaxHistoricalGroups; ++g) {
    const sopu::v1::HistoricalGroup& group = past.groups(g);
    const std::string base = absl::StrCat("groups[", g, "]");
    if (group.member_ids_size() == 0) {
      violations.Add(base + ".member_ids", "a group needs at least one member");
    }
    for (int m = 0; m < group.member_ids_size(); ++m) {
      const std::string& id = group.member_ids(m);
      const std::string path = absl::StrCat(base, ".member_ids[", m, "]");
      if (find(id) == nullptr) {
        violations.Add(path, "no participant has this id");
      } else if (auto [it, fresh] = group_of.emplace(id, g); !fresh) {
        violations.Add(
            path, it->second == g
                      ? std::string("listed twice in this group")
                      : absl::StrCat("already in groups[", it->second, "]"));
      }
    }
    if (!group.facilitator_id().empty()) {
      if (find(group.facilitator_id()) == nullptr) {
        violations.Add(base + ".facilitator_id", "no participant has this id");
      } else {
        for (const std::string& id : group.member_ids()) {
          if (id == group.facilitator_id()) {
            violations.Add(base + ".facilitator_id",
                           "the facilitator is also a member");
            break;
          }
        }
      }
    }
    CheckRating(group.has_rating(), group.rating(), base + ".rating",
                violations);
  }
}

}  // namespace sopu::service
