// Cohort model of the engine: participants with their profiles.
//
// Plain value types, filled by the service layer from the v1 contract after
// validation. The engine trusts these invariants (validation enforces them):
//   - participant ids are unique and non-empty;
//   - competence and goal keys name themes of `Cohort::themes`, values in 0..5;
//   - numbers and coordinates are finite; capacity >= 0;
//   - avoid and wish ids name other participants of the cohort.
// Ownership: a Cohort owns all its data; the engine only reads it.
#ifndef SOPU_ENGINE_MODEL_COHORT_H_
#define SOPU_ENGINE_MODEL_COHORT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sopu {

// Roles is a bit set of the roles a participant can take.
enum RoleBit : std::uint8_t {
  kRoleMentor = 1U << 0U,
  kRoleMentee = 1U << 1U,
  kRoleFacilitator = 1U << 2U,
  kRolePeer = 1U << 3U,
};

// kMaxLevel is the top of the competence and goal scales (0..kMaxLevel).
inline constexpr double kMaxLevel = 5.0;

// Theme is one coaching theme, e.g. {"self_leadership", "Itsensä johtaminen"}.
struct Theme {
  std::string id;
  std::string label;
};

// GeoPoint is a WGS84 position in decimal degrees.
struct GeoPoint {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
};

// Participant is one person's profile. Missing competences and goals are 0.
struct Participant {
  std::string id;
  std::string display_name;  // personal data: never logged
  std::uint8_t roles = 0;    // RoleBit set

  std::map<std::string, double> competences;  // theme id -> 0..5
  std::map<std::string, double> goals;        // theme id -> 0..5
  std::map<std::string, std::string> attributes;
  std::map<std::string, std::vector<std::string>> tags;
  std::map<std::string, double> numbers;

  std::optional<GeoPoint> coordinates;
  std::string municipality;
  std::string region;
  std::vector<std::string> availability;

  int capacity = 1;                 // mentees, as a mentor
  int facilitator_capacity = 1;     // groups, as a facilitator
  std::vector<std::string> avoid;   // participant ids
  std::vector<std::string> wishes;  // participant ids, most wanted first

  [[nodiscard]] bool Has(RoleBit role) const { return (roles & role) != 0; }
};

// Cohort is one program round.
struct Cohort {
  std::string program;
  std::vector<Theme> themes;
  std::vector<Participant> participants;
};

// CategoricalValue returns the value of a categorical attribute, reading the
// location for the reserved names "municipality" and "region"; nullptr when
// the participant has no (non-empty) value.
[[nodiscard]] const std::string* CategoricalValue(const Participant& p,
                                                  const std::string& name);

// TagValues returns the values of a multi-valued attribute, reading the
// availability slots for the reserved name "availability"; nullptr when absent.
[[nodiscard]] const std::vector<std::string>* TagValues(
    const Participant& p, const std::string& name);

}  // namespace sopu

#endif  // SOPU_ENGINE_MODEL_COHORT_H_
