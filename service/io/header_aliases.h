// The one table of the words staff may write in a cohort sheet's header row
// and role cells, in English, Finnish and Swedish: `Tunnus`, `Nimi`,
// `Kommun` ... name the same columns as `id`, `name`, `municipality`, and
// `aktori`, `adepti` the same role as `mentee`. Documented in
// docs/csv-format.md ("Finnish and Swedish").
//
// Lookups match without regard to case (Latin letters, ä ö å included) and
// ignore white space around the word, no-break spaces too. O(table size).
#ifndef SOPU_SERVICE_IO_HEADER_ALIASES_H_
#define SOPU_SERVICE_IO_HEADER_ALIASES_H_

#include <optional>
#include <string_view>

#include "sopu/v1/cohort.pb.h"

namespace sopu::io::internal {

// CanonicalColumn returns the English column name `header` stands for
// ("tunnus" -> "id", "Språk" -> "languages", "roles" -> "roles"), or an empty
// view when it names no fixed column (prefixed columns such as `goal.x` are
// not in the table).
[[nodiscard]] std::string_view CanonicalColumn(std::string_view header);

// RoleOfWord returns the role a role word stands for ("Mentori" ->
// ROLE_MENTOR), or nullopt for an unknown word.
[[nodiscard]] std::optional<sopu::v1::Role> RoleOfWord(std::string_view word);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_HEADER_ALIASES_H_
