// MapCsvHeader: reads the header row of a staff CSV file and says where each
// column's cells go in a sopu.v1.Participant. Conventions (names, prefixes,
// shortcuts): docs/csv-format.md.
#ifndef SOPU_SERVICE_IO_CSV_HEADER_H_
#define SOPU_SERVICE_IO_CSV_HEADER_H_

#include <string>
#include <vector>

namespace sopu::io::internal {

// CsvField is the participant field a column fills.
enum class CsvField {
  kNone,  // not read: blank, ignored, duplicate or unreadable header
  kId,
  kDisplayName,
  kRoles,
  kCapacity,
  kFacilitatorCapacity,
  kCompetence,  // competences[name]
  kGoal,        // goals[name]
  kAttribute,   // attributes[name]
  kTags,        // tags[name]
  kNumber,      // numbers[name]
  kLat,
  kLon,
  kMunicipality,
  kRegion,
  kAvailability,
  kAvoid,
  kWishes,
};

// CsvColumn is one header cell and where its column's cells go.
struct CsvColumn {
  CsvField field = CsvField::kNone;
  // Map key for kCompetence, kGoal, kAttribute, kTags and kNumber (the part
  // after the prefix, trimmed; lower case for themes, as written for the
  // others; or the shortcut's name); else empty.
  std::string name;
  // SourceMap field key, e.g. "goals.leadership"; empty for kNone.
  std::string key;
  // The header as written (trimmed); empty when blank or not valid UTF-8.
  std::string header;
  // False for a blank header cell: cells under it must be empty.
  bool named = false;
};

// CsvHeaderProblem is a problem with the header row, at 1-based `column`
// (0: the row as a whole, e.g. a missing id column).
struct CsvHeaderProblem {
  int column = 0;
  std::string description;
};

struct CsvHeader {
  // One per header cell up to the last non-blank one (trailing blank header
  // cells are dropped).
  std::vector<CsvColumn> columns;
  std::vector<CsvHeaderProblem> problems;
  // Theme names of the competence.* and goal.* columns, in header order,
  // each once.
  std::vector<std::string> themes;
  // Headers sopu does not read (email, Lisätiedot, a form's Timestamp), in
  // header order: not problems, their cells are ignored.
  std::vector<std::string> ignored;
};

// MapCsvHeader maps header `cells` (as libcsv returned them). Names go
// through the alias table (header_aliases.h); names and prefixes are matched
// case-insensitively, white space around them (no-break spaces too) ignored.
// A column whose field key repeats
// an earlier one (also "role" after "roles", "organisation" after
// "attr.organisation") is a problem and not read. lat without lon (or lon
// without lat) is a problem and neither is read. O(total header length).
[[nodiscard]] CsvHeader MapCsvHeader(const std::vector<std::string>& cells);

// HasIdColumn is true when one of `cells` names the id column (any alias):
// the row is a header row.
[[nodiscard]] bool HasIdColumn(const std::vector<std::string>& cells);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_CSV_HEADER_H_
