// SourceMap translates a field path of a request built from CSV files back to
// the place staff see in their spreadsheet, so that every validation problem
// can be reported as "row 14, column F (goal.leadership)" (a cohort's cell)
// or "lock.csv row 3, mentor_id" (an entry of a pair list read from a file,
// e.g. `sopu match --lock`).
//
// Rows are record numbers as a spreadsheet shows them: the header is row 1,
// the first participant (or pair) row 2 (a quoted field spanning lines still
// counts as one row). Columns are 1-based and also shown as spreadsheet
// letters.
#ifndef SOPU_SERVICE_IO_SOURCE_MAP_H_
#define SOPU_SERVICE_IO_SOURCE_MAP_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopu::io {

// PairColumn: the CSV column one field of a pair list's entries came from.
struct PairColumn {
  std::string field;   // the entry's field, e.g. "mentor_id"
  int number = 0;      // 1-based
  std::string header;  // as written in the file, e.g. "Mentor"
};

// PairLocation: where one entry of a pair list (or one of its fields) came
// from.
struct PairLocation {
  std::string list;    // the request's list, e.g. "locked"
  std::string file;    // the file as named in messages, e.g. "lock.csv"
  int row = 0;         // the entry's row (header = row 1)
  std::string field;   // e.g. "mentor_id"; "" when the path names the entry
  int column = 0;      // the field's column (1-based); 0 when not known
  std::string header;  // that column's header; "" when not known
};

class SourceMap {
 public:
  // Set-up: participant `index` (cohort.participants[index]) came from `row`.
  // A later call for the same index replaces the row; negative indices are
  // ignored.
  void AddParticipant(int index, int row);
  // Set-up: the field key (a participant field path without the participant
  // prefix, e.g. "goals.leadership", "tags.languages", "capacity") came from
  // column `number` (1-based) headed `header`.
  // A later call for the same key replaces the column.
  void AddColumn(const std::string& field_key, int number,
                 const std::string& header);

  // Set-up: taxonomy theme `index` came from the header of column `number`.
  void AddTheme(int index, int number, const std::string& header);

  // Set-up: the request's pair list `list` (e.g. "locked", "forbidden",
  // "previous", "together") was read from the CSV file named `file` in
  // messages; its entry k came from rows[k], and an entry's fields from
  // `columns`. A later call for the same list replaces it. A list name must
  // not be "cohort", "participants" or "taxonomy".
  void AddPairList(const std::string& list, const std::string& file,
                   std::vector<int> rows, std::vector<PairColumn> columns);

  // LocatePair finds the entry a pair list's path names, structurally:
  // "<list>[k]" or "<list>[k].<field>" (e.g. "forbidden[0].mentor_id") for a
  // list given to AddPairList and k below its size; nullopt otherwise. The
  // field is the rest after the '.', its column the one of that exact field.
  // O(log L + F + P) for L lists, F columns of the list and a path of P
  // characters.
  [[nodiscard]] std::optional<PairLocation> LocatePair(
      std::string_view path) const;

  // AddOption names the command-line option a request field came from, so
  // that "key_attribute" is shown as "--key town" (exact paths only).
  void AddOption(const std::string& field, const std::string& option);

  // Locate turns a field path into the place staff see:
  // - a path given to AddOption into that option;
  // - a pair list's path (LocatePair) into "<file> row R" or
  //   "<file> row R, <field>", e.g. "locked[2].mentor_id" into
  //   "lock.csv row 4, mentor_id";
  // - a cohort's path such as "cohort.participants[3].goals.leadership" or
  //   "participants[3].avoid[1]" into "row 5, column F (goal.leadership)"; a
  //   path of a participant without a matching column gives "row 5";
  //   "cohort.taxonomy.themes[2].id" gives the header cell the theme came
  //   from, e.g. "row 1, column E (goal.x y)";
  // - anything else into nullopt: a path naming no pair, participant or theme
  //   of this map (also "program", or a location string a reader already
  //   wrote).
  //
  // For a cohort's path, a leading "cohort." is dropped, then
  // "participants[i]"; in the rest, array indices ("[1]") and a TagSet's
  // ".values[k]" are dropped. The column is the one whose key equals the
  // rest, else the one with the longest key that is a prefix of it ending at
  // a '.' ("location.lat.x" finds "location.lat"; "goals.lead" does not find
  // "goals.leadership"). The header is shown as written in the file.
  // O(d * (L + log C)) for a path of L characters with d dots and a map of C
  // columns.
  [[nodiscard]] std::optional<std::string> Locate(std::string_view path) const;

  // ColumnLetters returns the spreadsheet name of a 1-based column: 1 -> "A",
  // 26 -> "Z", 27 -> "AA", 703 -> "AAA"; "" for number <= 0.
  [[nodiscard]] static std::string ColumnLetters(int number);

 private:
  struct Column {
    int number = 0;
    std::string header;
  };
  std::vector<int> rows_;  // by participant index; 0 = unknown
  std::map<std::string, Column, std::less<>> columns_;
  std::vector<Column> themes_;  // by theme index; number 0 = unknown
  struct PairList {
    std::string file;
    std::vector<int> rows;  // by entry index
    std::vector<PairColumn> columns;
  };
  std::map<std::string, PairList, std::less<>> pair_lists_;  // by list name
  std::map<std::string, std::string, std::less<>> options_;  // field -> option

  [[nodiscard]] std::optional<std::string> LocateCohort(
      std::string_view path) const;
};

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_SOURCE_MAP_H_
