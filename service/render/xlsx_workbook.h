// XlsxWorkbook: a small RAII wrapper over libxlsxwriter that writes the
// tables staff open in Excel or LibreOffice. Each sheet is one table: a bold
// header row that stays in view (frozen) with an autofilter, columns as wide
// as their content (capped), numbers stored as numbers with a number format.
// Sheet names are made valid and unique (SheetName). The workbook is written
// when Close() is called; the destructor closes an unclosed workbook too.
#ifndef SOPU_SERVICE_RENDER_XLSX_WORKBOOK_H_
#define SOPU_SERVICE_RENDER_XLSX_WORKBOOK_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/status.h"

// libxlsxwriter's opaque types (xlsxwriter.h stays out of our headers).
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace sopu::service {

// kMaxSheetNameLength: Excel's limit, in characters.
inline constexpr std::size_t kMaxSheetNameLength = 31;

// XlsxScore: a score cell, written as a number shown with 3 decimals.
struct XlsxScore {
  double value = 0.0;
};

// XlsxCell: empty, text, a whole number, or a score.
using XlsxCell =
    std::variant<std::monostate, std::string, std::int64_t, XlsxScore>;

// SheetName turns `wanted` into a valid sheet name not in `used` (compared
// without ASCII case, as Excel does) and adds it to `used`: the characters
// []:*?/\ become '_', leading and trailing apostrophes go, the name is cut to
// kMaxSheetNameLength characters (whole UTF-8 code points), and a clash gets
// " (2)", " (3)", ... within the limit. Empty becomes "Sheet".
[[nodiscard]] std::string SheetName(std::string_view wanted,
                                    std::set<std::string>& used);

class XlsxWorkbook;

// XlsxTable is one sheet; rows are written as they are added.
class XlsxTable {
 public:
  // AddRow writes the next row; cells beyond the header's columns are
  // ignored, missing ones stay empty.
  void AddRow(const std::vector<XlsxCell>& cells);
  [[nodiscard]] const std::string& name() const { return name_; }
  // rows: the data rows written so far (the header not counted).
  [[nodiscard]] std::size_t rows() const { return rows_; }

 private:
  friend class XlsxWorkbook;
  XlsxTable(XlsxWorkbook& book, lxw_worksheet* sheet, std::string name,
            const std::vector<std::string>& headers);
  // Finish sets the column widths and the autofilter over the rows.
  void Finish();

  XlsxWorkbook* book_;
  lxw_worksheet* sheet_;
  std::string name_;
  std::vector<std::size_t> widths_;  // per column, in characters
  std::size_t rows_ = 0;
};

class XlsxWorkbook {
 public:
  // Opens `path` for writing; status() says whether that worked.
  explicit XlsxWorkbook(const std::string& path);
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;
  XlsxWorkbook(XlsxWorkbook&&) = delete;
  XlsxWorkbook& operator=(XlsxWorkbook&&) = delete;
  ~XlsxWorkbook();

  // AddTable adds a sheet named SheetName(wanted) with `headers`. The table
  // lives as long as the workbook. When the workbook could not be opened,
  // the table writes nothing.
  XlsxTable& AddTable(std::string_view wanted,
                      const std::vector<std::string>& headers);

  // Close writes the file; the first failure (opening, a sheet, writing).
  [[nodiscard]] absl::Status Close();
  [[nodiscard]] const absl::Status& status() const { return status_; }

 private:
  friend class XlsxTable;
  void Fail(std::string_view what, int error);

  lxw_workbook* book_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* score_ = nullptr;
  lxw_format* integer_ = nullptr;
  std::set<std::string> names_;
  std::vector<std::unique_ptr<XlsxTable>> tables_;
  absl::Status status_;
};

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_XLSX_WORKBOOK_H_
