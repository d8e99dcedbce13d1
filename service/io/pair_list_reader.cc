#include "service/io/pair_list_reader.h"

#include <csv.h>

#include <string>
#include <utility>
#include <vector>

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

// IdColumns names the two id columns of a pair-list file.
struct IdColumns {
  const char* first;         // e.g. "mentee_id"; "mentee" is accepted too
  const char* second;        // e.g. "mentor_id"
  bool second_may_be_empty;  // rows with only the first id are skipped
};

// IdPairs: the rows of a pair-list file, or its problems.
struct IdPairs {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<int> rows;
  std::vector<PairColumn> columns;
  std::vector<google::rpc::BadRequest::FieldViolation> problems;
};

void AddProblem(IdPairs& out, std::string field, std::string description) {
  auto& v = out.problems.emplace_back();
  v.set_field(std::move(field));
  v.set_description(std::move(description));
}

bool IsColumn(const std::string& key, const char* name) {
  const std::string full(name);
  // "mentee_id" also answers to "mentee".
  return key == full ||
         (full.ends_with("_id") && key == full.substr(0, full.size() - 3));
}

// ParseTable splits the file into rows of cells; false (with the problem in
// `out`) when it is UTF-16 or cannot be parsed.
bool ParseTable(std::string_view bytes, const std::string& file, Table& table,
                IdPairs& out) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    AddProblem(out, file, "file is UTF-16; save it as CSV UTF-8");
    return false;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  csv_parser parser{};
  if (csv_init(&parser, 0) != 0) {
    AddProblem(out, file, "file could not be read; out of memory");
    return false;
  }
  csv_set_delim(&parser, internal::DetectDelimiter(bytes));
  csv_parse(&parser, bytes.data(), bytes.size(), Table::OnField,
            Table::OnRowEnd, &table);
  csv_fini(&parser, Table::OnField, Table::OnRowEnd, &table);
  csv_free(&parser);
  return true;
}

// FindColumns finds the two id columns in the header (row 1) and records
// them in `out.columns`; false (with the problem in `out`) when one is
// missing.
bool FindColumns(const Table& table, const std::string& file,
                 const IdColumns& columns, IdPairs& out) {
  if (table.rows.empty()) {
    AddProblem(out, file + " row 1",
               std::string("no header row; name the columns ") + columns.first +
                   " and " + columns.second);
    return false;
  }
  int first = -1;
  int second = -1;
  const auto& header = table.rows.front();
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string key =
        internal::AsciiLower(internal::TrimAscii(header[i]));
    if (IsColumn(key, columns.first)) first = static_cast<int>(i);
    if (IsColumn(key, columns.second)) second = static_cast<int>(i);
  }
  if (first < 0 || second < 0) {
    AddProblem(out, file + " row 1",
               std::string("the header needs the columns ") + columns.first +
                   " and " + columns.second);
    return false;
  }
  for (const auto& [field, i] :
       {std::pair{columns.first, first}, std::pair{columns.second, second}}) {
    out.columns.push_back({field, i + 1,
                           std::string(internal::TrimAscii(
                               header[static_cast<std::size_t>(i)]))});
  }
  return true;
}

// ReadRow reads the ids of file row `number` into `out`: a pair, a problem,
// or nothing (an empty row, or an unmatched mentee where that is allowed).
void ReadRow(const std::vector<std::string>& row, int number,
             const std::string& file, const IdColumns& columns, IdPairs& out) {
  auto cell = [&](const PairColumn& column) {
    const auto i = static_cast<std::size_t>(column.number - 1);
    return i < row.size() ? std::string(internal::TrimAscii(row[i]))
                          : std::string();
  };
  std::string a = cell(out.columns[0]);
  std::string b = cell(out.columns[1]);
  if (a.empty() && b.empty()) return;
  const std::string where = file + " row " + std::to_string(number);
  if (!internal::IsValidUtf8(a) || !internal::IsValidUtf8(b)) {
    AddProblem(out, where, "not valid UTF-8; save the file as CSV UTF-8");
  } else if (a.empty()) {
    AddProblem(out, where,
               std::string("the ") + columns.first + " cell is empty");
  } else if (b.empty()) {
    // An unmatched mentee of a result file, where that is allowed.
    if (!columns.second_may_be_empty) {
      AddProblem(out, where,
                 std::string("the ") + columns.second + " cell is empty");
    }
  } else {
    out.rows.push_back(number);
    out.pairs.emplace_back(std::move(a), std::move(b));
  }
}

IdPairs ReadIdPairs(std::string_view bytes, std::string_view name,
                    const IdColumns& columns) {
  IdPairs out;
  const std::string file(name);
  Table table;
  if (!ParseTable(bytes, file, table, out) ||
      !FindColumns(table, file, columns, out)) {
    return out;
  }
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    ReadRow(table.rows[r], static_cast<int>(r) + 1, file, columns, out);
  }
  return out;
}

}  // namespace

PairList ReadPairList(std::string_view bytes, std::string_view name) {
  IdPairs read = ReadIdPairs(bytes, name, {"mentee_id", "mentor_id", true});
  PairList out;
  out.rows = std::move(read.rows);
  out.columns = std::move(read.columns);
  out.problems = std::move(read.problems);
  for (auto& [mentee, mentor] : read.pairs) {
    auto& pair = out.pairs.emplace_back();
    pair.set_mentee_id(std::move(mentee));
    pair.set_mentor_id(std::move(mentor));
  }
  return out;
}

MemberPairList ReadMemberPairList(std::string_view bytes,
                                  std::string_view name) {
  IdPairs read = ReadIdPairs(bytes, name, {"first_id", "second_id", false});
  MemberPairList out;
  out.rows = std::move(read.rows);
  out.columns = std::move(read.columns);
  out.problems = std::move(read.problems);
  for (auto& [first, second] : read.pairs) {
    auto& pair = out.pairs.emplace_back();
    pair.set_first_id(std::move(first));
    pair.set_second_id(std::move(second));
  }
  return out;
}

}  // namespace sopu::io
