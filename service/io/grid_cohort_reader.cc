#include "service/io/grid_cohort_reader.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/io/csv_cells.h"
#include "service/io/csv_header.h"
#include "service/io/csv_location.h"
#include "service/io/likely_cause.h"
#include "service/io/unicode_text.h"

namespace sopu::io {
namespace {

using internal::CsvColumn;
using internal::CsvField;
using sopu::v1::Participant;

constexpr std::string_view kNotUtf8 =
    "not valid UTF-8; save the file as CSV UTF-8";

// kMaxRowsAboveHeader: how many non-blank rows (titles, notes) may stand
// above the header row; the header is looked for no further.
constexpr int kMaxRowsAboveHeader = 20;

// Message is a status message as a std::string_view (Debian's Abseil has
// its own string_view type).
std::string_view Message(const absl::Status& status) {
  return {status.message().data(), status.message().size()};
}

std::vector<std::string> Texts(const GridRow& row) {
  std::vector<std::string> texts;
  texts.reserve(row.cells.size());
  for (const GridCell& cell : row.cells) texts.push_back(cell.text);
  return texts;
}

bool IsBlankRow(const GridRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [](const GridCell& c) {
    return internal::IsBlankCell(c.text);
  });
}

// IdList splits a list of ids at '|', each cleaned of white space and
// invisible characters (unicode_text.h CleanId); empty ones dropped.
std::vector<std::string> IdList(std::string_view cell) {
  std::vector<std::string> ids;
  for (const std::string& item : internal::SplitCsvList(cell)) {
    if (std::string id = internal::CleanId(item); !id.empty()) {
      ids.push_back(std::move(id));
    }
  }
  return ids;
}

// Coordinates collects a row's lat and lon cells until the row ends.
struct Coordinates {
  bool lat_given = false;
  bool lon_given = false;
  std::optional<double> lat;
  std::optional<double> lon;
};

// GridCohortBuilder builds the GridCohort it was given (not owned; must
// outlive the builder) from a grid.
class GridCohortBuilder {
 public:
  GridCohortBuilder(const GridReadOptions& options, GridCohort& out)
      : options_(options), out_(out) {
    symptoms_.delimiter = options.delimiter;
  }
  GridCohortBuilder(const GridCohortBuilder&) = delete;
  GridCohortBuilder& operator=(const GridCohortBuilder&) = delete;

  void Read(const CellGrid& grid);

 private:
  // FindHeader returns the index in grid.rows of the header row: the first
  // with an id column, else the first non-blank row; rows.size() if none.
  [[nodiscard]] static std::size_t FindHeader(const CellGrid& grid);
  void ReadHeader(const GridRow& row);
  void ReadParticipant(const GridRow& row);
  void ReadCell(const CsvColumn& column, const GridCell& cell,
                const std::string& location, Participant& participant,
                Coordinates& coordinates);
  // ReadCapacity reads a capacity or facilitator_capacity cell.
  void ReadCapacity(CsvField field, std::string_view numeric,
                    const std::string& location, Participant& participant);
  // ReadNumber reads a number cell, or reports why not and returns nullopt;
  // notes a decimal comma.
  std::optional<double> ReadNumber(std::string_view cell,
                                   const std::string& location);
  std::optional<std::int32_t> ReadWholeNumber(std::string_view cell,
                                              const std::string& location);
  void EndCoordinates(int row, const Coordinates& coordinates,
                      Participant& participant);
  // FlushGridProblems adds the grid's problems of rows up to `row`.
  void FlushGridProblems(int row);
  // NoteOtherDelimiter counts the delimiters other than the one used in a
  // cell that holds a whole row; false when it holds none.
  bool NoteOtherDelimiter(std::string_view cell);
  void AddLikelyCause();

  // Location names cell `index` (0-based) of row `row`.
  [[nodiscard]] std::string Location(int row, std::size_t index) const;
  void AddProblem(std::string field, std::string_view description);

  const GridReadOptions& options_;
  GridCohort& out_;
  const std::vector<GridProblem>* grid_problems_ = nullptr;
  std::size_t next_grid_problem_ = 0;
  internal::CsvHeader header_;
  bool header_ok_ = false;
  std::optional<std::size_t> lat_index_;
  std::optional<std::size_t> lon_index_;
  internal::Symptoms symptoms_;
  // Counts of ',' ';' and TAB in cells holding a whole row.
  std::array<int, 3> other_delimiters_{};
};

void GridCohortBuilder::Read(const CellGrid& grid) {
  grid_problems_ = &grid.problems;
  out_.notices = grid.notices;
  FlushGridProblems(0);
  const bool file_problem = !grid.problems.empty() && grid.problems[0].row == 0;
  const std::size_t header = FindHeader(grid);
  if (header == grid.rows.size()) {
    if (!file_problem) {
      AddProblem(internal::CsvLocation(1, 0, ""),
                 "no header row; the first row must name the columns");
    }
    FlushGridProblems(grid.rows.empty() ? 0 : grid.rows.back().row);
    AddLikelyCause();
    return;
  }
  const GridRow& header_row = grid.rows[header];
  // Without an id column the row read as the header may be a data row:
  // its cells are not named in notices.
  const bool real_header = internal::HasIdColumn(Texts(header_row));
  if (header_row.row > 1 && real_header) {
    out_.notices.push_back(absl::StrCat("the header is row ", header_row.row,
                                        "; the rows above it were skipped"));
  }
  FlushGridProblems(header_row.row);
  ReadHeader(header_row);
  for (std::size_t i = header + 1; i < grid.rows.size(); ++i) {
    FlushGridProblems(grid.rows[i].row);
    if (header_ok_) ReadParticipant(grid.rows[i]);
  }
  FlushGridProblems(grid.rows.back().row);
  if (!header_.ignored.empty() && real_header) {
    const std::size_t count = header_.ignored.size();
    out_.notices.push_back(absl::StrCat(
        "ignored ", count, count == 1 ? " column" : " columns",
        " sopu does not use: ", absl::StrJoin(header_.ignored, ", ")));
  }
  AddLikelyCause();
}

std::size_t GridCohortBuilder::FindHeader(const CellGrid& grid) {
  std::size_t first = grid.rows.size();
  int non_blank = 0;
  for (std::size_t i = 0; i < grid.rows.size(); ++i) {
    if (IsBlankRow(grid.rows[i])) continue;
    if (first == grid.rows.size()) first = i;
    if (internal::HasIdColumn(Texts(grid.rows[i]))) return i;
    if (++non_blank > kMaxRowsAboveHeader) break;
  }
  return first;
}

void GridCohortBuilder::ReadHeader(const GridRow& row) {
  header_ = internal::MapCsvHeader(Texts(row));
  symptoms_.header_columns = static_cast<int>(header_.columns.size());
  header_ok_ = true;
  for (const internal::CsvHeaderProblem& problem : header_.problems) {
    if (problem.description == kNotUtf8) ++symptoms_.not_utf8_cells;
    AddProblem(
        problem.column > 0
            ? Location(row.row, static_cast<std::size_t>(problem.column - 1))
            : internal::CsvLocation(row.row, 0, ""),
        problem.description);
  }
  if (!internal::HasIdColumn(Texts(row))) {
    const auto named =
        std::count_if(header_.columns.begin(), header_.columns.end(),
                      [](const CsvColumn& column) { return column.named; });
    if (named == 1 && header_.columns.size() == 1) {
      symptoms_.header_in_one_cell = NoteOtherDelimiter(row.cells[0].text);
    }
  }
  // Each theme's first column, so that a bad theme name points at its
  // header; one pass over the header (a theme is the key after "goals." or
  // "competences.").
  std::unordered_map<std::string, int> first_column;
  for (std::size_t i = 0; i < header_.columns.size(); ++i) {
    const std::string& key = header_.columns[i].key;
    for (std::string_view prefix : {"competences.", "goals."}) {
      if (key.starts_with(prefix)) {
        first_column.try_emplace(key.substr(prefix.size()),
                                 static_cast<int>(i));
      }
    }
  }
  for (std::size_t t = 0; t < header_.themes.size(); ++t) {
    const std::string& theme = header_.themes[t];
    out_.cohort.mutable_taxonomy()->add_themes()->set_id(theme);
    if (auto it = first_column.find(theme); it != first_column.end()) {
      out_.source.AddTheme(
          static_cast<int>(t), it->second + 1,
          header_.columns[static_cast<std::size_t>(it->second)].header);
    }
  }
  for (std::size_t i = 0; i < header_.columns.size(); ++i) {
    const CsvColumn& column = header_.columns[i];
    if (column.field == CsvField::kNone) continue;
    out_.source.AddColumn(column.key, static_cast<int>(i) + 1, column.header);
    if (column.field == CsvField::kLat) lat_index_ = i;
    if (column.field == CsvField::kLon) lon_index_ = i;
  }
}

void GridCohortBuilder::ReadParticipant(const GridRow& row) {
  if (IsBlankRow(row)) return;
  ++symptoms_.data_rows;
  out_.source.AddParticipant(out_.cohort.participants_size(), row.row);
  Participant& participant = *out_.cohort.add_participants();
  Coordinates coordinates;
  bool extra_cells = false;
  int values = 0;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const GridCell& cell = row.cells[i];
    if (internal::IsBlankCell(cell.text)) continue;
    ++values;
    if (i >= header_.columns.size() || !header_.columns[i].named) {
      extra_cells = extra_cells || i >= header_.columns.size();
      AddProblem(Location(row.row, i),
                 "value in a column without a header; add a header or delete "
                 "the value");
      continue;
    }
    const CsvColumn& column = header_.columns[i];
    if (column.field == CsvField::kNone) continue;
    if (column.field == CsvField::kLat) coordinates.lat_given = true;
    if (column.field == CsvField::kLon) coordinates.lon_given = true;
    if (!internal::IsValidUtf8(cell.text)) {
      ++symptoms_.not_utf8_cells;
      AddProblem(Location(row.row, i), kNotUtf8);
      continue;
    }
    ReadCell(column, cell, Location(row.row, i), participant, coordinates);
  }
  if (extra_cells) ++symptoms_.rows_with_extra_cells;
  if (values == 1 && !internal::IsBlankCell(row.cells[0].text) &&
      NoteOtherDelimiter(row.cells[0].text)) {
    ++symptoms_.rows_in_one_cell;
  }
  EndCoordinates(row.row, coordinates, participant);
}

void GridCohortBuilder::ReadCapacity(CsvField field, std::string_view numeric,
                                     const std::string& location,
                                     Participant& participant) {
  const auto places = ReadWholeNumber(numeric, location);
  if (!places.has_value()) return;
  if (field == CsvField::kCapacity) {
    participant.set_capacity(*places);
  } else {
    participant.set_facilitator_capacity(*places);
  }
}

void GridCohortBuilder::ReadCell(const CsvColumn& column, const GridCell& cell,
                                 const std::string& location,
                                 Participant& participant,
                                 Coordinates& coordinates) {
  // A date cell is its day number where a number is expected.
  const std::string_view numeric =
      cell.number.empty() ? cell.text : cell.number;
  const std::string_view text = cell.text;
  const auto number = [&] { return ReadNumber(numeric, location); };
  switch (column.field) {
    case CsvField::kNone:
      break;
    case CsvField::kId:
      participant.set_id(internal::CleanId(text));
      break;
    case CsvField::kDisplayName:
      participant.set_display_name(std::string(text));
      break;
    case CsvField::kRoles: {
      absl::StatusOr<std::vector<sopu::v1::Role>> roles =
          internal::ParseCsvRoles(text);
      if (!roles.ok()) {
        AddProblem(location, Message(roles.status()));
        break;
      }
      for (const sopu::v1::Role role : *roles) participant.add_roles(role);
      break;
    }
    case CsvField::kCapacity:
    case CsvField::kFacilitatorCapacity:
      ReadCapacity(column.field, numeric, location, participant);
      break;
    case CsvField::kCompetence:
      if (auto value = number()) {
        (*participant.mutable_competences())[column.name] = *value;
      }
      break;
    case CsvField::kGoal:
      if (auto value = number()) {
        (*participant.mutable_goals())[column.name] = *value;
      }
      break;
    case CsvField::kNumber:
      if (auto value = number()) {
        (*participant.mutable_numbers())[column.name] = *value;
      }
      break;
    case CsvField::kAttribute:
      (*participant.mutable_attributes())[column.name] = std::string(text);
      break;
    case CsvField::kTags: {
      std::vector<std::string> values = internal::SplitCsvList(text);
      if (values.empty()) break;
      sopu::v1::TagSet& tags = (*participant.mutable_tags())[column.name];
      for (std::string& value : values) tags.add_values(std::move(value));
      break;
    }
    case CsvField::kLat:
      coordinates.lat = number();
      break;
    case CsvField::kLon:
      coordinates.lon = number();
      break;
    case CsvField::kMunicipality:
      participant.mutable_location()->set_municipality(std::string(text));
      break;
    case CsvField::kRegion:
      participant.mutable_location()->set_region(std::string(text));
      break;
    case CsvField::kAvailability:
      for (std::string& slot : internal::SplitCsvList(text)) {
        participant.add_availability(std::move(slot));
      }
      break;
    case CsvField::kAvoid:
      for (std::string& id : IdList(text)) participant.add_avoid(std::move(id));
      break;
    case CsvField::kWishes:
      for (std::string& id : IdList(text)) {
        participant.add_wishes(std::move(id));
      }
      break;
  }
}

std::optional<double> GridCohortBuilder::ReadNumber(
    std::string_view cell, const std::string& location) {
  absl::StatusOr<double> value = internal::ParseCsvNumber(cell);
  if (!value.ok()) {
    AddProblem(location, Message(value.status()));
    return std::nullopt;
  }
  out_.decimal_comma =
      out_.decimal_comma || cell.find(',') != std::string_view::npos;
  return *value;
}

std::optional<std::int32_t> GridCohortBuilder::ReadWholeNumber(
    std::string_view cell, const std::string& location) {
  absl::StatusOr<std::int32_t> value = internal::ParseCsvWholeNumber(cell);
  if (!value.ok()) {
    AddProblem(location, Message(value.status()));
    return std::nullopt;
  }
  out_.decimal_comma =
      out_.decimal_comma || cell.find(',') != std::string_view::npos;
  return *value;
}

void GridCohortBuilder::EndCoordinates(int row, const Coordinates& coordinates,
                                       Participant& participant) {
  if (!lat_index_ || !lon_index_) return;
  if (coordinates.lat_given && !coordinates.lon_given) {
    AddProblem(Location(row, *lon_index_),
               "lon missing; give both lat and lon or neither");
  } else if (coordinates.lon_given && !coordinates.lat_given) {
    AddProblem(Location(row, *lat_index_),
               "lat missing; give both lat and lon or neither");
  } else if (coordinates.lat && coordinates.lon) {
    sopu::v1::Location& location = *participant.mutable_location();
    location.set_lat(*coordinates.lat);
    location.set_lon(*coordinates.lon);
    location.set_has_coordinates(true);
  }
}

void GridCohortBuilder::FlushGridProblems(int row) {
  const std::vector<GridProblem>& problems = *grid_problems_;
  while (next_grid_problem_ < problems.size() &&
         problems[next_grid_problem_].row <= row) {
    const GridProblem& problem = problems[next_grid_problem_++];
    if (problem.row == 0) {
      AddProblem("file", problem.description);
    } else if (problem.column == 0) {
      AddProblem(internal::CsvLocation(problem.row, 0, ""),
                 problem.description);
    } else {
      AddProblem(
          Location(problem.row, static_cast<std::size_t>(problem.column - 1)),
          problem.description);
    }
  }
}

bool GridCohortBuilder::NoteOtherDelimiter(std::string_view cell) {
  if (options_.delimiter == 0) return false;
  constexpr std::array<char, 3> kDelimiters = {',', ';', '\t'};
  bool found = false;
  for (std::size_t d = 0; d < kDelimiters.size(); ++d) {
    if (kDelimiters[d] == options_.delimiter) continue;
    const auto count = std::count(cell.begin(), cell.end(), kDelimiters[d]);
    other_delimiters_[d] += static_cast<int>(count);
    found = found || count > 0;
  }
  auto* const most =
      std::max_element(other_delimiters_.begin(), other_delimiters_.end());
  if (*most > 0) {
    symptoms_.other_delimiter =
        kDelimiters[static_cast<std::size_t>(most - other_delimiters_.begin())];
  }
  return found;
}

void GridCohortBuilder::AddLikelyCause() {
  const std::string cause = internal::LikelyCause(symptoms_);
  if (cause.empty()) return;
  google::rpc::BadRequest::FieldViolation first;
  first.set_field("file");
  first.set_description(cause);
  out_.problems.insert(out_.problems.begin(), std::move(first));
  if (out_.problems.size() > options_.max_problems) {
    out_.problems.pop_back();
    out_.truncated = true;
  }
}

std::string GridCohortBuilder::Location(int row, std::size_t index) const {
  const std::string_view header = index < header_.columns.size()
                                      ? header_.columns[index].header
                                      : std::string_view();
  return internal::CsvLocation(row, static_cast<int>(index) + 1, header);
}

void GridCohortBuilder::AddProblem(std::string field,
                                   std::string_view description) {
  if (out_.problems.size() >= options_.max_problems) {
    out_.truncated = true;
    return;
  }
  google::rpc::BadRequest::FieldViolation& problem =
      out_.problems.emplace_back();
  problem.set_field(std::move(field));
  problem.set_description(std::string(description));
}

}  // namespace

GridCohort ReadGridCohort(const CellGrid& grid,
                          const GridReadOptions& options) {
  GridCohort result;
  result.cohort.set_program(options.program);
  GridCohortBuilder(options, result).Read(grid);
  return result;
}

}  // namespace sopu::io
