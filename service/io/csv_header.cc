#include "service/io/csv_header.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <string_view>
#include <unordered_set>

#include "absl/strings/str_cat.h"
#include "service/io/csv_cells.h"
#include "service/io/header_aliases.h"
#include "service/io/source_map.h"
#include "service/io/unicode_text.h"

namespace sopu::io::internal {
namespace {

struct FixedColumn {
  std::string_view name;  // canonical English name (header_aliases.h)
  CsvField field;
  std::string_view map_key;  // for shortcuts into maps; else empty
  std::string_view key;      // SourceMap field key
};

constexpr std::array<FixedColumn, 19> kFixedColumns = {{
    {"id", CsvField::kId, "", "id"},
    {"name", CsvField::kDisplayName, "", "display_name"},
    {"role", CsvField::kRoles, "", "roles"},
    {"roles", CsvField::kRoles, "", "roles"},
    {"capacity", CsvField::kCapacity, "", "capacity"},
    {"facilitator_capacity", CsvField::kFacilitatorCapacity, "",
     "facilitator_capacity"},
    {"organisation", CsvField::kAttribute, "organisation",
     "attributes.organisation"},
    {"sector", CsvField::kAttribute, "sector", "attributes.sector"},
    {"career_stage", CsvField::kAttribute, "career_stage",
     "attributes.career_stage"},
    {"languages", CsvField::kTags, "languages", "tags.languages"},
    {"sectors", CsvField::kTags, "sectors", "tags.sectors"},
    {"years_experience", CsvField::kNumber, "years_experience",
     "numbers.years_experience"},
    {"lat", CsvField::kLat, "", "location.lat"},
    {"lon", CsvField::kLon, "", "location.lon"},
    {"municipality", CsvField::kMunicipality, "", "location.municipality"},
    {"region", CsvField::kRegion, "", "location.region"},
    {"availability", CsvField::kAvailability, "", "availability"},
    {"avoid", CsvField::kAvoid, "", "avoid"},
    {"wishes", CsvField::kWishes, "", "wishes"},
}};

struct PrefixColumn {
  std::string_view prefix;  // lower case, with the dot
  CsvField field;
  std::string_view key_prefix;  // SourceMap key prefix, with the dot
};

constexpr std::array<PrefixColumn, 5> kPrefixColumns = {{
    {"competence.", CsvField::kCompetence, "competences."},
    {"goal.", CsvField::kGoal, "goals."},
    {"attr.", CsvField::kAttribute, "attributes."},
    {"tags.", CsvField::kTags, "tags."},
    {"number.", CsvField::kNumber, "numbers."},
}};

// MapName fills column.field/name/key from a non-blank header. Returns a
// problem description, or "" when mapped; `unknown` is set for a header that
// names no column sopu reads.
std::string MapName(std::string_view header, CsvColumn& column, bool& unknown) {
  const std::string_view canonical = CanonicalColumn(header);
  for (const FixedColumn& fixed : kFixedColumns) {
    if (!canonical.empty() && canonical == fixed.name) {
      column.field = fixed.field;
      column.name = std::string(fixed.map_key);
      column.key = std::string(fixed.key);
      return "";
    }
  }
  const std::string lower = LowerLatin(header);
  for (const PrefixColumn& prefixed : kPrefixColumns) {
    if (lower.starts_with(prefixed.prefix)) {
      const std::string_view written =
          TrimSpace(header.substr(prefixed.prefix.size()));
      if (written.empty()) {
        return "name missing after " + std::string(prefixed.prefix);
      }
      // Theme ids are matched without regard to case: GOAL.Johtaminen and
      // competence.johtaminen are one theme.
      const bool theme = prefixed.field == CsvField::kCompetence ||
                         prefixed.field == CsvField::kGoal;
      const std::string name =
          theme ? LowerLatin(written) : std::string(written);
      column.field = prefixed.field;
      column.name = name;
      column.key = std::string(prefixed.key_prefix);
      column.key.append(name);
      return "";
    }
  }
  unknown = true;
  return "";
}

// Unmap makes a named column one whose cells are not read.
void Unmap(CsvColumn& column) {
  column.field = CsvField::kNone;
  column.name.clear();
  column.key.clear();
}

}  // namespace

CsvHeader MapCsvHeader(const std::vector<std::string>& cells) {
  CsvHeader result;
  std::size_t count = cells.size();
  while (count > 0 && IsBlankCell(cells[count - 1])) --count;
  result.columns.resize(count);

  std::map<std::string, int> first_column_of_key;
  std::unordered_set<std::string> themes_seen;  // keeps the header linear
  int lat_column = 0;
  int lon_column = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const int number = static_cast<int>(i) + 1;
    CsvColumn& column = result.columns[i];
    const std::string_view header = TrimSpace(cells[i]);
    if (header.empty()) continue;
    column.named = true;
    if (!IsValidUtf8(header)) {
      result.problems.push_back(
          {number, "not valid UTF-8; save the file as CSV UTF-8"});
      continue;
    }
    column.header = std::string(header);
    bool unknown = false;
    if (std::string problem = MapName(header, column, unknown);
        !problem.empty()) {
      result.problems.push_back({number, std::move(problem)});
      Unmap(column);
      continue;
    }
    if (unknown) {
      result.ignored.push_back(column.header);
      continue;
    }
    const auto [first, inserted] =
        first_column_of_key.try_emplace(column.key, number);
    if (!inserted) {
      result.problems.push_back(
          {number, absl::StrCat("duplicate column; same as column ",
                                SourceMap::ColumnLetters(first->second))});
      Unmap(column);
      continue;
    }
    if (column.field == CsvField::kLat) lat_column = number;
    if (column.field == CsvField::kLon) lon_column = number;
    if ((column.field == CsvField::kCompetence ||
         column.field == CsvField::kGoal) &&
        themes_seen.insert(column.name).second) {
      result.themes.push_back(column.name);
    }
  }

  if (!first_column_of_key.contains("id")) {
    result.problems.push_back({0, "missing column id; add an id column"});
  }
  if ((lat_column == 0) != (lon_column == 0)) {
    const int alone = lat_column + lon_column;
    result.problems.push_back({alone, lat_column != 0
                                          ? "lat needs a lon column; add one"
                                          : "lon needs a lat column; add one"});
    Unmap(result.columns[static_cast<std::size_t>(alone - 1)]);
  }
  return result;
}

bool HasIdColumn(const std::vector<std::string>& cells) {
  return std::any_of(cells.begin(), cells.end(), [](const std::string& cell) {
    return CanonicalColumn(cell) == "id";
  });
}

}  // namespace sopu::io::internal
