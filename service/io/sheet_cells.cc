#include "service/io/sheet_cells.h"

#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/io/sheet_values.h"
#include "service/io/unicode_text.h"

namespace sopu::io::internal {

bool SheetCells::Put(int row, int column, GridCell cell) {
  if (full_) return false;
  if (cell.text.empty()) return true;
  if (grid_.rows.empty() || grid_.rows.back().row != row) {
    grid_.rows.push_back({row, {}});
  }
  std::vector<GridCell>& cells = grid_.rows.back().cells;
  const auto index = static_cast<std::size_t>(column - 1);
  if (index >= cells.size()) {
    stored_ += index + 1 - cells.size();
    if (stored_ > kMaxSheetCells) {
      full_ = true;
      grid_.rows.pop_back();
      grid_.problems.push_back(
          {0, 0,
           absl::StrCat("the sheet holds more than ", kMaxSheetCells,
                        " cells, more than sopu reads; delete the rows and "
                        "columns it does not need")});
      return false;
    }
    cells.resize(index + 1);
  }
  cells[index] = std::move(cell);
  return true;
}

std::string_view LocalName(const char* name) {
  const std::string_view full(name);
  const std::size_t colon = full.find(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == name) {
      return child;
    }
  }
  return {};
}

pugi::xml_attribute Attribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (LocalName(attribute.name()) == name) return attribute;
  }
  return {};
}

absl::Status ParseXml(const std::string& text, const std::string& part,
                      pugi::xml_document& document) {
  const pugi::xml_parse_result parsed = document.load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
      pugi::encoding_utf8);
  if (!parsed) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the file is damaged: its part ", part,
        " is not valid XML; save it again from the spreadsheet program"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::size_t> ChooseSheet(const std::vector<std::string>& names,
                                        const std::string& wanted,
                                        CellGrid& grid) {
  if (names.empty()) {
    return absl::InvalidArgumentError("the file has no sheets");
  }
  std::size_t chosen = names.size();
  if (wanted.empty()) {
    chosen = 0;
  } else {
    for (std::size_t i = 0; i < names.size() && chosen == names.size(); ++i) {
      if (names[i] == wanted) chosen = i;
    }
    const std::string lower = LowerLatin(TrimSpace(wanted));
    for (std::size_t i = 0; i < names.size() && chosen == names.size(); ++i) {
      if (LowerLatin(TrimSpace(names[i])) == lower) chosen = i;
    }
  }
  if (chosen == names.size()) {
    return absl::NotFoundError(
        absl::StrCat("no sheet named \"", wanted,
                     "\"; the sheets are: ", absl::StrJoin(names, ", ")));
  }
  if (names.size() > 1 && wanted.empty()) {
    grid.notices.push_back(absl::StrCat(
        "read the first sheet, \"", names[0], "\", of ", names.size(), " (",
        absl::StrJoin(names, ", "), "); choose another with --sheet"));
  }
  return chosen;
}

}  // namespace sopu::io::internal
