// ReadXlsxGrid: one sheet of an Excel workbook (.xlsx, Office Open XML) as a
// CellGrid, read with libzip and pugixml.
//
// Reads shared strings (rich-text runs joined, phonetic runs left out),
// inline strings, numbers (shortest form, "3" not "3.0"), booleans (TRUE,
// FALSE), dates (a number in a date format: an ISO date, the day number kept
// for numeric columns; the 1904 date system too) and formula results; cell
// references (r="C4") place cells, skipping empty ones. A merged range keeps
// its value in its first cell, as Excel stores it. Damage (a missing part, a
// shared string out of range, bad XML) is a problem, never a crash.
// Complexity: O(unpacked size).
#ifndef SOPU_SERVICE_IO_XLSX_GRID_H_
#define SOPU_SERVICE_IO_XLSX_GRID_H_

#include <string>

#include "absl/status/statusor.h"
#include "service/io/cell_grid.h"
#include "service/io/zip_archive.h"

namespace sopu::io::internal {

// ReadXlsxGrid reads sheet `sheet` (the first when empty). Errors: NotFound
// for an unknown sheet (listing those there are), InvalidArgument for a
// file too damaged to list its sheets. Damage within the sheet is in the
// grid's problems.
[[nodiscard]] absl::StatusOr<CellGrid> ReadXlsxGrid(ZipArchive& archive,
                                                    const std::string& sheet);

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_XLSX_GRID_H_
