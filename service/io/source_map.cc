#include "service/io/source_map.h"

#include <cstddef>
#include <utility>

#include "absl/strings/ascii.h"
#include "service/io/csv_location.h"

namespace sopu::io {
namespace {

// ConsumePrefix removes `prefix` from the front of `text` if it is there.
bool ConsumePrefix(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  return true;
}

// ConsumeIndex removes a leading "[<digits>]" from `path`; false (and `path`
// unchanged) when there is none.
bool ConsumeIndex(std::string_view& path, std::size_t* index) {
  if (path.size() < 3 || path.front() != '[') return false;
  std::size_t value = 0;
  std::size_t i = 1;
  for (; i < path.size() && absl::ascii_isdigit(path[i]); ++i) {
    if (value > 100'000'000) return false;  // far beyond any cohort
    value = value * 10 + static_cast<std::size_t>(path[i] - '0');
  }
  if (i == 1 || i >= path.size() || path[i] != ']') return false;
  path.remove_prefix(i + 1);
  *index = value;
  return true;
}

// FieldKey turns the part of a path after "participants[i]." into a column
// key: array indices and the ".values[k]" of a TagSet are dropped, so
// "tags.languages.values[0]" and "avoid[1]" give "tags.languages", "avoid".
std::string FieldKey(std::string_view rest) {
  std::string key;
  key.reserve(rest.size());
  std::size_t ignored = 0;
  while (!rest.empty()) {
    if (ConsumeIndex(rest, &ignored)) continue;
    std::string_view after_values = rest;
    if (ConsumePrefix(after_values, ".values") &&
        ConsumeIndex(after_values, &ignored)) {
      rest = after_values;
      continue;
    }
    key.push_back(rest.front());
    rest.remove_prefix(1);
  }
  return key;
}

}  // namespace

void SourceMap::AddParticipant(int index, int row) {
  if (index < 0) return;
  const auto slot = static_cast<std::size_t>(index);
  if (rows_.size() <= slot) rows_.resize(slot + 1, 0);
  rows_[slot] = row;
}

void SourceMap::AddColumn(const std::string& field_key, int number,
                          const std::string& header) {
  columns_.insert_or_assign(field_key, Column{number, header});
}

void SourceMap::AddTheme(int index, int number, const std::string& header) {
  if (index < 0) return;
  const auto slot = static_cast<std::size_t>(index);
  if (themes_.size() <= slot) themes_.resize(slot + 1);
  themes_[slot] = Column{number, header};
}

void SourceMap::AddPairList(const std::string& list, const std::string& file,
                            std::vector<int> rows,
                            std::vector<PairColumn> columns) {
  pair_lists_.insert_or_assign(
      list, PairList{file, std::move(rows), std::move(columns)});
}

std::optional<PairLocation> SourceMap::LocatePair(std::string_view path) const {
  const std::size_t open = path.find('[');
  if (open == std::string_view::npos) return std::nullopt;
  const auto list = pair_lists_.find(path.substr(0, open));
  if (list == pair_lists_.end()) return std::nullopt;
  path.remove_prefix(open);
  std::size_t index = 0;
  if (!ConsumeIndex(path, &index) || index >= list->second.rows.size()) {
    return std::nullopt;
  }
  if (!path.empty() && !ConsumePrefix(path, ".")) return std::nullopt;
  PairLocation location;
  location.list = list->first;
  location.file = list->second.file;
  location.row = list->second.rows[index];
  location.field = std::string(path);
  for (const PairColumn& column : list->second.columns) {
    if (column.field == path) {
      location.column = column.number;
      location.header = column.header;
    }
  }
  return location;
}

void SourceMap::AddOption(const std::string& field, const std::string& option) {
  options_[field] = option;
}

std::optional<std::string> SourceMap::Locate(std::string_view path) const {
  if (const auto option = options_.find(path); option != options_.end()) {
    return option->second;
  }
  if (std::optional<PairLocation> pair = LocatePair(path)) {
    std::string where = pair->file + " row " + std::to_string(pair->row);
    if (!pair->field.empty()) where += ", " + pair->field;
    return where;
  }
  return LocateCohort(path);
}

std::optional<std::string> SourceMap::LocateCohort(
    std::string_view path) const {
  ConsumePrefix(path, "cohort.");
  if (ConsumePrefix(path, "taxonomy.themes")) {
    std::size_t theme = 0;
    if (!ConsumeIndex(path, &theme) || theme >= themes_.size() ||
        themes_[theme].number <= 0) {
      return std::nullopt;
    }
    return internal::CsvLocation(1, themes_[theme].number,
                                 themes_[theme].header);
  }
  if (!ConsumePrefix(path, "participants")) return std::nullopt;
  std::size_t index = 0;
  if (!ConsumeIndex(path, &index)) return std::nullopt;
  if (index >= rows_.size() || rows_[index] <= 0) return std::nullopt;
  const int row = rows_[index];
  if (!ConsumePrefix(path, ".")) {
    return internal::CsvLocation(row, 0, "");
  }
  // The exact key, else the longest key that is a whole-segment prefix.
  std::string key = FieldKey(path);
  while (!key.empty()) {
    if (auto it = columns_.find(key); it != columns_.end()) {
      return internal::CsvLocation(row, it->second.number, it->second.header);
    }
    const std::size_t dot = key.rfind('.');
    if (dot == std::string::npos) break;
    key.resize(dot);
  }
  return internal::CsvLocation(row, 0, "");
}

std::string SourceMap::ColumnLetters(int number) {
  std::string letters;
  while (number > 0) {
    --number;
    letters.insert(letters.begin(), static_cast<char>('A' + number % 26));
    number /= 26;
  }
  return letters;
}

}  // namespace sopu::io
