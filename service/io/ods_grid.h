// ReadOdsGrid: one sheet of an OpenDocument spreadsheet (.ods, LibreOffice
// Calc) as a CellGrid, read with libzip and pugixml.
//
// Reads text cells (paragraphs joined by line breaks, <text:s/> spaces,
// spans), floats, percentages and currencies (shortest form, "3" not
// "3.0"), booleans (TRUE, FALSE) and dates (office:date-value as an ISO
// date, its day number kept for numeric columns). Repeated columns and rows
// (table:number-columns-repeated, table:number-rows-repeated) cost nothing
// while empty and are bounded by the sheet's cell limit when not; covered
// cells of a merged range are empty, the value is in the first cell.
// Complexity: O(unpacked size + cells stored).
#ifndef SOPU_SERVICE_IO_ODS_GRID_H_
#define SOPU_SERVICE_IO_ODS_GRID_H_

#include <string>

#include "absl/status/statusor.h"
#include "service/io/cell_grid.h"
#include "service/io/zip_archive.h"

namespace sopu::io::internal {

// ReadOdsGrid reads sheet `sheet` (the first when empty). Errors: NotFound
// for an unknown sheet (listing those there are), InvalidArgument for a
// file too damaged to list its sheets.
[[nodiscard]] absl::StatusOr<CellGrid> ReadOdsGrid(ZipArchive& archive,
                                                   const std::string& sheet);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_ODS_GRID_H_
