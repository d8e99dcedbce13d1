#include "service/io/spreadsheet_file.h"

#include <utility>

#include "absl/status/status.h"
#include "service/io/ods_grid.h"
#include "service/io/xlsx_grid.h"
#include "service/io/zip_archive.h"

namespace sopu::io {

absl::StatusOr<Spreadsheet> ReadSpreadsheetGrid(std::string_view bytes,
                                                const std::string& sheet) {
  absl::StatusOr<internal::ZipArchive> archive =
      internal::ZipArchive::Open(bytes);
  if (!archive.ok()) return archive.status();
  Spreadsheet result;
  absl::StatusOr<CellGrid> grid;
  if (archive->Has("xl/workbook.xml")) {
    result.kind = SpreadsheetKind::kXlsx;
    grid = internal::ReadXlsxGrid(*archive, sheet);
  } else if (archive->Has("content.xml")) {
    result.kind = SpreadsheetKind::kOds;
    grid = internal::ReadOdsGrid(*archive, sheet);
  } else {
    return absl::InvalidArgumentError(
        "the file is a ZIP archive but not an .xlsx or .ods spreadsheet");
  }
  if (!grid.ok()) return grid.status();
  result.grid = *std::move(grid);
  return result;
}

}  // namespace sopu::io
