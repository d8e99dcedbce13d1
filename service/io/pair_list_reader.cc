#include "service/io/pair_list_reader.h"

#include <csv.h>

#include <string>

#include "service/io/csv_cells.h"

namespace sopu::io {
namespace {

// Table collects libcsv's records as rows of cells.
struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> cells;

  static void OnField(void* data, std::size_t size, void* self) {
    auto& table = *static_cast<Table*>(self);
    table.cells.emplace_back(data == nullptr ? "" : static_cast<char*>(data),
                             data == nullptr ? 0 : size);
  }
  static void OnRowEnd(int /*end*/, void* self) {
    auto& table = *static_cast<Table*>(self);
    table.rows.push_back(std::move(table.cells));
    table.cells.clear();
  }
};

void AddProblem(PairList& out, std::string field, std::string description) {
  auto& v = out.problems.emplace_back();
  v.set_field(std::move(field));
  v.set_description(std::move(description));
}

}  // namespace

PairList ReadPairList(std::string_view bytes, std::string_view name) {
  PairList out;
  const std::string file(name);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    AddProblem(out, file, "file is UTF-16; save it as CSV UTF-8");
    return out;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  csv_parser parser{};
  if (csv_init(&parser, 0) != 0) {
    AddProblem(out, file, "file could not be read; out of memory");
    return out;
  }
  csv_set_delim(&parser, internal::DetectDelimiter(bytes));
  Table table;
  csv_parse(&parser, bytes.data(), bytes.size(), Table::OnField,
            Table::OnRowEnd, &table);
  csv_fini(&parser, Table::OnField, Table::OnRowEnd, &table);
  csv_free(&parser);

  if (table.rows.empty()) {
    AddProblem(out, file + " row 1",
               "no header row; name the columns mentee_id and mentor_id");
    return out;
  }
  int mentee = -1;
  int mentor = -1;
  const auto& header = table.rows.front();
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string key =
        internal::AsciiLower(internal::TrimAscii(header[i]));
    if (key == "mentee_id" || key == "mentee") mentee = static_cast<int>(i);
    if (key == "mentor_id" || key == "mentor") mentor = static_cast<int>(i);
  }
  if (mentee < 0 || mentor < 0) {
    AddProblem(out, file + " row 1",
               "the header needs the columns mentee_id and mentor_id");
    return out;
  }
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    auto cell = [&](int i) {
      return static_cast<std::size_t>(i) < row.size()
                 ? std::string(
                       internal::TrimAscii(row[static_cast<std::size_t>(i)]))
                 : std::string();
    };
    const std::string mentee_id = cell(mentee);
    const std::string mentor_id = cell(mentor);
    if (mentee_id.empty() && mentor_id.empty()) continue;
    const std::string where = file + " row " + std::to_string(r + 1);
    if (!internal::IsValidUtf8(mentee_id) ||
        !internal::IsValidUtf8(mentor_id)) {
      AddProblem(out, where, "not valid UTF-8; save the file as CSV UTF-8");
      continue;
    }
    if (mentee_id.empty()) {
      AddProblem(out, where, "the mentee_id cell is empty");
      continue;
    }
    if (mentor_id.empty()) continue;  // an unmatched mentee of a result file
    out.rows.push_back(static_cast<int>(r) + 1);
    auto& pair = out.pairs.emplace_back();
    pair.set_mentee_id(mentee_id);
    pair.set_mentor_id(mentor_id);
  }
  return out;
}

}  // namespace sopu::io
