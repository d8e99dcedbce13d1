// ReadSpreadsheetGrid: one sheet of a spreadsheet file (.xlsx or .ods,
// whatever the file is named) as a CellGrid. The kind is told by the
// archive's parts (xl/workbook.xml, or content.xml), not by the name, so an
// .xlsx saved as "cohort.csv" reads too.
#ifndef SOPU_SERVICE_IO_SPREADSHEET_FILE_H_
#define SOPU_SERVICE_IO_SPREADSHEET_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "service/io/cell_grid.h"

namespace sopu::io {

enum class SpreadsheetKind { kXlsx, kOds };

struct Spreadsheet {
  SpreadsheetKind kind = SpreadsheetKind::kXlsx;
  CellGrid grid;
};

// ReadSpreadsheetGrid reads sheet `sheet` (the first when empty) of the
// archive `bytes`. Errors: NotFound for an unknown sheet (the message lists
// the sheets there are); InvalidArgument when the file is damaged, too large
// unpacked (internal::kMaxUnpackedBytes) or not a spreadsheet.
[[nodiscard]] absl::StatusOr<Spreadsheet> ReadSpreadsheetGrid(
    std::string_view bytes, const std::string& sheet);

}  // namespace sopu::io

#endif  // SOPU_SERVICE_IO_SPREADSHEET_FILE_H_
