#include "service/io/csv_location.h"

#include "service/io/source_map.h"

namespace sopu::io::internal {

std::string CsvLocation(int row, int column, std::string_view header) {
  std::string location = "row " + std::to_string(row);
  if (column > 0) {
    location += ", column " + SourceMap::ColumnLetters(column);
    if (!header.empty()) {
      location += " (";
      location += header;
      location += ")";
    }
  }
  return location;
}

}  // namespace sopu::io::internal
