#include "service/validation/cohort_validator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "engine/common/utf8.h"

namespace sopu::service {
namespace {

using sopu::v1::Cohort;
using sopu::v1::Participant;

constexpr std::size_t kMaxIdLength = 128;
constexpr std::size_t kMaxThemeIdLength = 64;
constexpr std::size_t kMaxValueLength = 256;

// IsThemeIdChar: letters (also beyond a–z: `itsensä_johtaminen`), digits,
// '_' and '-'.
bool IsThemeIdChar(char32_t c) {
  return IsLetter(c) || (c >= U'0' && c <= U'9') || c == U'_' || c == U'-';
}

// IdProblem describes what is wrong with a participant id, or "" when fine.
// Lengths count characters, not UTF-8 bytes.
std::string IdProblem(std::string_view id) {
  if (id.empty()) return "is required";
  if (CodePointCount(id) > kMaxIdLength) {
    return "must be at most 128 characters";
  }
  if (TrimUnicodeSpace(id).size() != id.size()) {
    return "must not start or end with white space (a no-break space "
           "copied with the id counts too)";
  }
  return "";
}

class CohortChecker {
 public:
  CohortChecker(const Cohort& cohort, const std::string& prefix,
                ViolationList& violations)
      : cohort_(cohort), prefix_(prefix), out_(violations) {}

  void Run() {
    CheckTaxonomy();
    const auto& people = cohort_.participants();
    if (people.empty()) {
      out_.Add(Path("participants"),
               "the cohort is empty: add at least one participant");
      return;
    }
    if (people.size() > kMaxParticipants) {
      out_.Add(Path("participants"), absl::StrCat("at most ", kMaxParticipants,
                                                  " participants are allowed"));
      return;
    }
    for (int i = 0; i < people.size(); ++i) {
      const std::string& id = people[i].id();
      if (IdProblem(id).empty()) first_index_.try_emplace(id, i);
    }
    for (int i = 0; i < people.size(); ++i) CheckParticipant(i, people[i]);
  }

 private:
  [[nodiscard]] std::string Path(absl::string_view rest) const {
    return prefix_.empty() ? std::string(rest)
                           : absl::StrCat(prefix_, ".", rest);
  }

  void CheckTaxonomy() {
    const auto& themes = cohort_.taxonomy().themes();
    if (themes.size() > kMaxThemes) {
      out_.Add(Path("taxonomy.themes"),
               absl::StrCat("at most ", kMaxThemes, " themes are allowed"));
    }
    for (int t = 0; t < themes.size(); ++t) {
      const std::string& id = themes[t].id();
      std::string path = Path(absl::StrCat("taxonomy.themes[", t, "].id"));
      if (id.empty()) {
        out_.Add(path, "is required");
      } else if (CodePointCount(id) > kMaxThemeIdLength) {
        out_.Add(path, "must be at most 64 characters");
      } else if (const std::vector<char32_t> chars = DecodeUtf8(id);
                 !std::all_of(chars.begin(), chars.end(), IsThemeIdChar)) {
        out_.Add(path, "may hold only letters, digits, '_' and '-'");
        bad_themes_.insert(id);
      } else if (!themes_.insert(id).second) {
        out_.Add(path, "duplicates an earlier theme id");
      }
    }
  }

  [[nodiscard]] std::string ThemeList() const {
    if (themes_.empty()) return "the taxonomy lists no themes";
    return absl::StrCat("the program's themes are: ",
                        absl::StrJoin(themes_, ", "));
  }

  void CheckLevels(const google::protobuf::Map<std::string, double>& levels,
                   const std::string& base, absl::string_view what) {
    // Sorted keys so that problems come in a stable order.
    std::set<std::string> keys;
    for (const auto& [key, value] : levels) keys.insert(key);
    for (const std::string& key : keys) {
      const double value = levels.at(key);
      std::string path = absl::StrCat(base, ".", key);
      if (bad_themes_.contains(key)) {
        continue;  // reported once, at the taxonomy
      }
      if (!themes_.contains(key)) {
        out_.Add(path, absl::StrCat("unknown theme; ", ThemeList()));
      } else if (!std::isfinite(value)) {
        out_.Add(path, "must be a finite number");
      } else if (value < 0.0 || value > 5.0) {
        out_.Add(path, absl::StrCat(what, " must be in 0..5"));
      }
    }
  }

  void CheckIdList(const google::protobuf::RepeatedPtrField<std::string>& ids,
                   const std::string& base, const std::string& self,
                   bool unique) {
    std::set<absl::string_view> seen;
    for (int k = 0; k < ids.size(); ++k) {
      std::string path = absl::StrCat(base, "[", k, "]");
      if (ids[k].empty()) {
        out_.Add(path, "is empty");
      } else if (ids[k] == self) {
        out_.Add(path, "names the participant itself");
      } else if (!first_index_.contains(ids[k])) {
        out_.Add(path, "names no participant of the cohort");
      } else if (unique && !seen.insert(ids[k]).second) {
        out_.Add(path, "names the same participant twice");
      }
    }
  }

  // CheckParticipant reports participant i's problems, field by field in
  // the order of the message.
  void CheckParticipant(int i, const Participant& p) {
    const std::string base = Path(absl::StrCat("participants[", i, "]"));
    CheckParticipantId(i, p, base);
    const bool is_mentee = CheckRoles(p, base);
    CheckLevels(p.competences(), base + ".competences", "level");
    CheckLevels(p.goals(), base + ".goals", "importance");
    if (is_mentee) CheckMenteeHasGoal(p, base);
    CheckAttributes(p, base);
    CheckTags(p, base);
    CheckNumbers(p, base);
    CheckLocation(p, base);
    CheckAvailability(p, base);
    if (p.has_capacity() && (p.capacity() < 0 || p.capacity() > kMaxCapacity)) {
      out_.Add(base + ".capacity", p.capacity() < 0 ? "must not be negative"
                                                    : "must be at most 1000");
    }
    if (p.has_facilitator_capacity() &&
        (p.facilitator_capacity() < 0 ||
         p.facilitator_capacity() > kMaxCapacity)) {
      out_.Add(base + ".facilitator_capacity", p.facilitator_capacity() < 0
                                                   ? "must not be negative"
                                                   : "must be at most 1000");
    }
    CheckIdList(p.avoid(), base + ".avoid", p.id(), /*unique=*/false);
    CheckIdList(p.wishes(), base + ".wishes", p.id(), /*unique=*/true);
  }

  // CheckParticipantId: a valid id, not taken by an earlier participant.
  void CheckParticipantId(int i, const Participant& p,
                          const std::string& base) {
    if (std::string problem = IdProblem(p.id()); !problem.empty()) {
      out_.Add(base + ".id", problem);
    } else if (int first = first_index_.at(p.id()); first != i) {
      out_.Add(base + ".id",
               absl::StrCat("duplicates the id of participants[", first, "]"));
    }
  }

  // CheckRoles: at least one role, each a known one; returns whether the
  // participant is a mentee.
  bool CheckRoles(const Participant& p, const std::string& base) {
    bool is_mentee = false;
    if (p.roles().empty()) {
      out_.Add(base + ".roles",
               "at least one role is required (mentor, mentee, facilitator "
               "or peer)");
    }
    for (int k = 0; k < p.roles_size(); ++k) {
      const int role = p.roles(k);
      if (role == sopu::v1::ROLE_MENTEE) is_mentee = true;
      if (role == sopu::v1::ROLE_UNSPECIFIED || !sopu::v1::Role_IsValid(role)) {
        out_.Add(absl::StrCat(base, ".roles[", k, "]"),
                 "must be mentor, mentee, facilitator or peer");
      }
    }
    return is_mentee;
  }

  // CheckMenteeHasGoal: a mentee needs a goal to be matched on.
  void CheckMenteeHasGoal(const Participant& p, const std::string& base) {
    const bool has_goal =
        std::any_of(p.goals().begin(), p.goals().end(), [](const auto& goal) {
          return std::isfinite(goal.second) && goal.second > 0.0;
        });
    if (!has_goal) {
      out_.Add(base + ".goals", "a mentee needs at least one goal above 0");
    }
  }

  // CheckAttributes: named attributes with values of bounded length.
  // Map order is unspecified in protobuf: sorted, the problems come in the
  // same order on every run.
  void CheckAttributes(const Participant& p, const std::string& base) {
    const std::map<std::string, std::string> sorted(p.attributes().begin(),
                                                    p.attributes().end());
    for (const auto& [key, value] : sorted) {
      if (key.empty()) {
        out_.Add(base + ".attributes", "an attribute has an empty name");
      } else if (CodePointCount(value) > kMaxValueLength) {
        out_.Add(absl::StrCat(base, ".attributes.", key),
                 "must be at most 256 characters");
      }
    }
  }

  // CheckTags: named tag sets whose values are 1..256 characters.
  void CheckTags(const Participant& p, const std::string& base) {
    std::map<std::string, const sopu::v1::TagSet*> sorted;
    for (const auto& [key, set] : p.tags()) sorted.emplace(key, &set);
    for (const auto& [key, set_ptr] : sorted) {
      const sopu::v1::TagSet& set = *set_ptr;
      if (key.empty()) {
        out_.Add(base + ".tags", "a tag set has an empty name");
        continue;
      }
      for (int k = 0; k < set.values_size(); ++k) {
        if (set.values(k).empty() ||
            CodePointCount(set.values(k)) > kMaxValueLength) {
          out_.Add(absl::StrCat(base, ".tags.", key, ".values[", k, "]"),
                   "must be 1..256 characters");
        }
      }
    }
  }

  // CheckNumbers: finite numbers, reported in key order (stable output).
  void CheckNumbers(const Participant& p, const std::string& base) {
    std::set<std::string> number_keys;
    for (const auto& [key, value] : p.numbers()) number_keys.insert(key);
    for (const std::string& key : number_keys) {
      if (!std::isfinite(p.numbers().at(key))) {
        out_.Add(absl::StrCat(base, ".numbers.", key),
                 "must be a finite number");
      }
    }
  }

  // CheckLocation: coordinates, when given, on the globe.
  void CheckLocation(const Participant& p, const std::string& base) {
    if (!p.has_location() || !p.location().has_coordinates()) return;
    const double lat = p.location().lat();
    const double lon = p.location().lon();
    if (!std::isfinite(lat) || lat < -90.0 || lat > 90.0) {
      out_.Add(base + ".location.lat", "latitude must be in -90..90");
    }
    if (!std::isfinite(lon) || lon < -180.0 || lon > 180.0) {
      out_.Add(base + ".location.lon", "longitude must be in -180..180");
    }
  }

  // CheckAvailability: no empty time slot.
  void CheckAvailability(const Participant& p, const std::string& base) {
    for (int k = 0; k < p.availability_size(); ++k) {
      if (p.availability(k).empty()) {
        out_.Add(absl::StrCat(base, ".availability[", k, "]"), "is empty");
      }
    }
  }

  const Cohort& cohort_;
  const std::string& prefix_;
  ViolationList& out_;
  std::set<std::string> themes_;
  std::set<std::string> bad_themes_;
  std::unordered_map<std::string, int> first_index_;
};

}  // namespace

void ValidateCohort(const Cohort& cohort, const std::string& prefix,
                    ViolationList& violations) {
  CohortChecker(cohort, prefix, violations).Run();
}

}  // namespace sopu::service
