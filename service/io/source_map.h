// SourceMap translates a field path of a cohort built from a CSV file back to
// the row and column staff see in their spreadsheet, so that every validation
// problem can be reported as "row 14, column F (goal.leadership)".
//
// Rows are record numbers as a spreadsheet shows them: the header is row 1,
// the first participant row 2 (a quoted field spanning lines still counts as
// one row). Columns are 1-based and also shown as spreadsheet letters.
#ifndef SOPU_SERVICE_IO_SOURCE_MAP_H_
#define SOPU_SERVICE_IO_SOURCE_MAP_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopu::io {

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

  // Locate turns a field path such as
  // "cohort.participants[3].goals.leadership" or "participants[3].avoid[1]"
  // into "row 5, column F (goal.leadership)"; a path of a participant without
  // a matching column gives "row 5"; "cohort.taxonomy.themes[2].id" gives
  // the header cell the theme came from, e.g. "row 1, column E (goal.x y)";
  // nullopt when the path names no participant or theme of this map (also
  // "program", or a location string the CSV reader already wrote).
  //
  // A leading "cohort." is dropped, then "participants[i]"; in the rest,
  // array indices ("[1]") and a TagSet's ".values[k]" are dropped. The column
  // is the one whose key equals the rest, else the one with the longest key
  // that is a prefix of it ending at a '.' ("location.lat.x" finds
  // "location.lat"; "goals.lead" does not find "goals.leadership"). The
  // header is shown as written in the file. O(d * (L + log C)) for a path of
  // L characters with d dots and a map of C columns.
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
};

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_SOURCE_MAP_H_
