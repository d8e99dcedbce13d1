#include "service/io/header_aliases.h"

#include <algorithm>
#include <array>
#include <string>

#include "service/io/unicode_text.h"

namespace sopu::io::internal {
namespace {

struct Alias {
  std::string_view word;  // lower case
  std::string_view canonical;
};

// Every word is lower case; the English names come first. Keep this table
// and docs/csv-format.md ("Finnish and Swedish") the same.
constexpr std::array<Alias, 45> kColumnAliases = {{
    {"id", "id"},
    {"tunnus", "id"},
    {"tunniste", "id"},
    {"nro", "id"},
    {"nr", "id"},
    {"name", "name"},
    {"nimi", "name"},
    {"namn", "name"},
    {"role", "role"},
    {"rooli", "role"},
    {"roll", "role"},
    {"roles", "roles"},
    {"roolit", "roles"},
    {"roller", "roles"},
    {"capacity", "capacity"},
    {"kapasiteetti", "capacity"},
    {"kapacitet", "capacity"},
    {"ryhmiä", "facilitator_capacity"},
    {"ohjattavia_ryhmiä", "facilitator_capacity"},
    {"grupper", "facilitator_capacity"},
    {"organisation", "organisation"},
    {"organization", "organisation"},
    {"organisaatio", "organisation"},
    {"sector", "sector"},
    {"toimiala", "sector"},
    {"bransch", "sector"},
    {"career_stage", "career_stage"},
    {"languages", "languages"},
    {"kielet", "languages"},
    {"språk", "languages"},
    {"sectors", "sectors"},
    {"years_experience", "years_experience"},
    {"lat", "lat"},
    {"lon", "lon"},
    {"municipality", "municipality"},
    {"kunta", "municipality"},
    {"kommun", "municipality"},
    {"region", "region"},
    {"maakunta", "region"},
    {"landskap", "region"},
    {"availability", "availability"},
    {"avoid", "avoid"},
    {"wishes", "wishes"},
    {"toiveet", "wishes"},
    {"önskemål", "wishes"},
}};

struct RoleAlias {
  std::string_view word;  // lower case
  sopu::v1::Role role;
};

// The model's roles are mentor, mentee, facilitator and peer. A
// "participant" (`osallistuja`, `deltagare`) of a networking list or peer
// group takes part on equal terms, which is what `peer` means.
constexpr std::array<RoleAlias, 17> kRoleAliases = {{
    {"mentor", sopu::v1::ROLE_MENTOR},
    {"mentori", sopu::v1::ROLE_MENTOR},
    {"mentee", sopu::v1::ROLE_MENTEE},
    {"aktori", sopu::v1::ROLE_MENTEE},
    {"adepti", sopu::v1::ROLE_MENTEE},
    {"mentoroitava", sopu::v1::ROLE_MENTEE},
    {"adept", sopu::v1::ROLE_MENTEE},
    {"facilitator", sopu::v1::ROLE_FACILITATOR},
    {"ohjaaja", sopu::v1::ROLE_FACILITATOR},
    {"fasilitaattori", sopu::v1::ROLE_FACILITATOR},
    {"handledare", sopu::v1::ROLE_FACILITATOR},
    {"peer", sopu::v1::ROLE_PEER},
    {"vertainen", sopu::v1::ROLE_PEER},
    {"osallistuja", sopu::v1::ROLE_PEER},
    {"deltagare", sopu::v1::ROLE_PEER},
    {"participant", sopu::v1::ROLE_PEER},
    {"jäsen", sopu::v1::ROLE_PEER},
}};

}  // namespace

std::string_view CanonicalColumn(std::string_view header) {
  const std::string word = LowerLatin(TrimSpace(header));
  const auto* found =
      std::find_if(kColumnAliases.begin(), kColumnAliases.end(),
                   [&](const Alias& alias) { return alias.word == word; });
  return found == kColumnAliases.end() ? std::string_view() : found->canonical;
}

std::optional<sopu::v1::Role> RoleOfWord(std::string_view word) {
  const std::string lower = LowerLatin(TrimSpace(word));
  const auto* found =
      std::find_if(kRoleAliases.begin(), kRoleAliases.end(),
                   [&](const RoleAlias& alias) { return alias.word == lower; });
  if (found == kRoleAliases.end()) return std::nullopt;
  return found->role;
}

}  // namespace sopu::io::internal
