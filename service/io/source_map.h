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
  void AddParticipant(int index, int row);
  // Set-up: the field key (a participant field path without the participant
  // prefix, e.g. "goals.leadership", "tags.languages", "capacity") came from
  // column `number` (1-based) headed `header`.
  void AddColumn(const std::string& field_key, int number,
                 const std::string& header);

  // Locate turns a field path such as
  // "cohort.participants[3].goals.leadership" or "participants[3].avoid[1]"
  // into "row 5, column F (goal.leadership)"; a path of a participant without
  // a matching column gives "row 5"; nullopt when the path names no
  // participant of this map.
  [[nodiscard]] std::optional<std::string> Locate(std::string_view path) const;

  // ColumnLetters returns the spreadsheet name of a 1-based column: 1 -> "A",
  // 27 -> "AA".
  [[nodiscard]] static std::string ColumnLetters(int number);

 private:
  struct Column {
    int number = 0;
    std::string header;
  };
  std::vector<int> rows_;  // by participant index; 0 = unknown
  std::map<std::string, Column, std::less<>> columns_;
};

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_SOURCE_MAP_H_
