#include "service/io/csv_cohort_reader.h"

#include <csv.h>

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "absl/status/statusor.h"
#include "service/io/csv_cells.h"
#include "service/io/csv_header.h"
#include "service/io/csv_location.h"

namespace sopu::io {
namespace {

using internal::CsvColumn;
using internal::CsvField;
using sopu::v1::Participant;

constexpr std::string_view kNotUtf8 =
    "not valid UTF-8; save the file as CSV UTF-8";

// Message is a status message as a std::string_view (Debian's Abseil has
// its own string_view type).
std::string_view Message(const absl::Status& status) {
  return {status.message().data(), status.message().size()};
}

// Coordinates collects a row's lat and lon cells until the row ends.
struct Coordinates {
  bool lat_given = false;
  bool lon_given = false;
  std::optional<double> lat;
  std::optional<double> lon;
};

// CsvCohortBuilder receives libcsv's fields and row ends and builds the
// CsvCohort it was given (not owned; must outlive the builder).
class CsvCohortBuilder {
 public:
  CsvCohortBuilder(const CsvReadOptions& options, CsvCohort& out)
      : options_(options), out_(out) {}
  CsvCohortBuilder(const CsvCohortBuilder&) = delete;
  CsvCohortBuilder& operator=(const CsvCohortBuilder&) = delete;

  void Read(std::string_view bytes);

 private:
  static void OnField(void* data, std::size_t size, void* self);
  static void OnRowEnd(int end, void* self);
  void EndRow(int end);
  void ReadHeader();
  void ReadParticipant();
  void ReadCell(const CsvColumn& column, std::string_view cell,
                const std::string& location, Participant& participant,
                Coordinates& coordinates);
  void EndCoordinates(const Coordinates& coordinates, Participant& participant);

  // Location names cell `index` (0-based) of the current row.
  [[nodiscard]] std::string Location(std::size_t index) const;
  void AddProblem(std::string field, std::string_view description);

  const CsvReadOptions& options_;
  CsvCohort& out_;
  internal::CsvHeader header_;
  bool header_read_ = false;
  bool header_ok_ = false;
  std::optional<std::size_t> lat_index_;
  std::optional<std::size_t> lon_index_;
  // The record being read and its spreadsheet row number once it ends.
  std::vector<std::string> cells_;
  int row_ = 0;
  bool last_end_was_cr_ = false;
  bool unclosed_quote_ = false;
};

void CsvCohortBuilder::Read(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    AddProblem("file", "file is UTF-16; save it as CSV UTF-8");
    return;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);

  csv_parser parser{};
  // CSV_REPALL_NL reports empty lines too, so that rows count as in a
  // spreadsheet.
  if (csv_init(&parser, CSV_REPALL_NL) != 0) {
    AddProblem("file", "file could not be read; out of memory");
    return;
  }
  struct Freer {
    csv_parser* parser;
    ~Freer() { csv_free(parser); }
  } freer{&parser};
  csv_set_delim(&parser, internal::DetectDelimiter(bytes));

  if (csv_parse(&parser, bytes.data(), bytes.size(), OnField, OnRowEnd, this) !=
      bytes.size()) {
    AddProblem("file", "file could not be read; out of memory");
    return;
  }
  // A quoted field is still open: either its closing quote was the last
  // character (a line end then ends the row) or it never closed (a line end
  // is taken into the field and no row ends).
  if (parser.quoted != 0) {
    const int rows_before = row_;
    csv_parse(&parser, "\n", 1, OnField, OnRowEnd, this);
    unclosed_quote_ = row_ == rows_before;
  }
  csv_fini(&parser, OnField, OnRowEnd, this);
  if (!header_read_) {
    AddProblem(internal::CsvLocation(1, 0, ""),
               "no header row; the first row must name the columns");
  }
}

void CsvCohortBuilder::OnField(void* data, std::size_t size, void* self) {
  auto& builder = *static_cast<CsvCohortBuilder*>(self);
  if (data == nullptr) {
    builder.cells_.emplace_back();
  } else {
    builder.cells_.emplace_back(static_cast<const char*>(data), size);
  }
}

void CsvCohortBuilder::OnRowEnd(int end, void* self) {
  static_cast<CsvCohortBuilder*>(self)->EndRow(end);
}

void CsvCohortBuilder::EndRow(int end) {
  // With CSV_REPALL_NL the LF of a CRLF ends an empty record of its own.
  if (end == '\n' && last_end_was_cr_ && cells_.empty()) {
    last_end_was_cr_ = false;
    return;
  }
  last_end_was_cr_ = end == '\r';
  ++row_;
  if (unclosed_quote_ && !cells_.empty()) {
    AddProblem(Location(cells_.size() - 1),
               "quote never closed; the rest of the file went into this cell");
    cells_.back().clear();
  }
  if (!header_read_) {
    ReadHeader();
  } else if (header_ok_) {
    ReadParticipant();
  }
  cells_.clear();
}

void CsvCohortBuilder::ReadHeader() {
  header_read_ = true;
  header_ = internal::MapCsvHeader(cells_);
  if (header_.columns.empty()) {
    AddProblem(internal::CsvLocation(row_, 0, ""),
               "header row is empty; the first row must name the columns");
    return;
  }
  header_ok_ = true;
  for (const internal::CsvHeaderProblem& problem : header_.problems) {
    AddProblem(problem.column > 0
                   ? Location(static_cast<std::size_t>(problem.column - 1))
                   : internal::CsvLocation(row_, 0, ""),
               problem.description);
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

void CsvCohortBuilder::ReadParticipant() {
  bool blank = true;
  for (const std::string& cell : cells_) {
    blank = blank && internal::IsBlankCell(cell);
  }
  if (blank) return;

  out_.source.AddParticipant(out_.cohort.participants_size(), row_);
  Participant& participant = *out_.cohort.add_participants();
  Coordinates coordinates;
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    const std::string_view cell = cells_[i];
    if (internal::IsBlankCell(cell)) continue;
    if (i >= header_.columns.size() || !header_.columns[i].named) {
      AddProblem(Location(i),
                 "value in a column without a header; add a header or delete "
                 "the value");
      continue;
    }
    const CsvColumn& column = header_.columns[i];
    if (column.field == CsvField::kNone) continue;
    if (column.field == CsvField::kLat) coordinates.lat_given = true;
    if (column.field == CsvField::kLon) coordinates.lon_given = true;
    if (!internal::IsValidUtf8(cell)) {
      AddProblem(Location(i), kNotUtf8);
      continue;
    }
    ReadCell(column, cell, Location(i), participant, coordinates);
  }
  EndCoordinates(coordinates, participant);
}

void CsvCohortBuilder::ReadCell(const CsvColumn& column, std::string_view cell,
                                const std::string& location,
                                Participant& participant,
                                Coordinates& coordinates) {
  // Reads a number, or reports why not and returns nullopt.
  const auto number = [&]() -> std::optional<double> {
    absl::StatusOr<double> value = internal::ParseCsvNumber(cell);
    if (value.ok()) return *value;
    AddProblem(location, Message(value.status()));
    return std::nullopt;
  };
  switch (column.field) {
    case CsvField::kNone:
      break;
    case CsvField::kId:
      participant.set_id(std::string(cell));
      break;
    case CsvField::kDisplayName:
      participant.set_display_name(std::string(cell));
      break;
    case CsvField::kRoles: {
      absl::StatusOr<std::vector<sopu::v1::Role>> roles =
          internal::ParseCsvRoles(cell);
      if (!roles.ok()) {
        AddProblem(location, Message(roles.status()));
        break;
      }
      for (const sopu::v1::Role role : *roles) participant.add_roles(role);
      break;
    }
    case CsvField::kCapacity: {
      absl::StatusOr<std::int32_t> capacity =
          internal::ParseCsvWholeNumber(cell);
      if (!capacity.ok()) {
        AddProblem(location, Message(capacity.status()));
        break;
      }
      participant.set_capacity(*capacity);
      break;
    }
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
      (*participant.mutable_attributes())[column.name] = std::string(cell);
      break;
    case CsvField::kTags: {
      std::vector<std::string> values = internal::SplitCsvList(cell);
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
      participant.mutable_location()->set_municipality(std::string(cell));
      break;
    case CsvField::kRegion:
      participant.mutable_location()->set_region(std::string(cell));
      break;
    case CsvField::kAvailability:
      for (std::string& slot : internal::SplitCsvList(cell)) {
        participant.add_availability(std::move(slot));
      }
      break;
    case CsvField::kAvoid:
      for (std::string& id : internal::SplitCsvList(cell)) {
        participant.add_avoid(std::move(id));
      }
      break;
    case CsvField::kWishes:
      for (std::string& id : internal::SplitCsvList(cell)) {
        participant.add_wishes(std::move(id));
      }
      break;
  }
}

void CsvCohortBuilder::EndCoordinates(const Coordinates& coordinates,
                                      Participant& participant) {
  if (!lat_index_ || !lon_index_) return;
  if (coordinates.lat_given && !coordinates.lon_given) {
    AddProblem(Location(*lon_index_),
               "lon missing; give both lat and lon or neither");
  } else if (coordinates.lon_given && !coordinates.lat_given) {
    AddProblem(Location(*lat_index_),
               "lat missing; give both lat and lon or neither");
  } else if (coordinates.lat && coordinates.lon) {
    sopu::v1::Location& location = *participant.mutable_location();
    location.set_lat(*coordinates.lat);
    location.set_lon(*coordinates.lon);
    location.set_has_coordinates(true);
  }
}

std::string CsvCohortBuilder::Location(std::size_t index) const {
  const std::string_view header = index < header_.columns.size()
                                      ? header_.columns[index].header
                                      : std::string_view();
  return internal::CsvLocation(row_, static_cast<int>(index) + 1, header);
}

void CsvCohortBuilder::AddProblem(std::string field,
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

CsvCohort ReadCsvCohort(std::string_view bytes, const CsvReadOptions& options) {
  CsvCohort result;
  result.cohort.set_program(options.program);
  CsvCohortBuilder(options, result).Read(bytes);
  return result;
}

}  // namespace sopu::io
