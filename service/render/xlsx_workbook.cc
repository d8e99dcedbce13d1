#include "service/render/xlsx_workbook.h"

#include <algorithm>
#include <cctype>

#include "absl/strings/str_cat.h"
#include "service/render/text_table.h"
#include "xlsxwriter.h"

namespace sopu::service {
namespace {

// Column widths, in characters: content plus padding, within these bounds
// (a long reason wraps nothing; it is cut off on screen and read in the
// cell).
constexpr std::size_t kMinWidth = 6;
constexpr std::size_t kMaxWidth = 60;
constexpr std::size_t kNumberWidth = 8;

// CutToCodePoints: the first `limit` UTF-8 code points of `text`.
std::string CutToCodePoints(std::string_view text, std::size_t limit) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0U) != 0x80U) {
      if (points == limit) return std::string(text.substr(0, i));
      ++points;
    }
  }
  return std::string(text);
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower;
}

bool Taken(const std::set<std::string>& used, const std::string& name) {
  return used.contains(AsciiLower(name));
}

}  // namespace

std::string SheetName(std::string_view wanted, std::set<std::string>& used) {
  std::string name;
  for (char c : wanted) {
    name.push_back(
        std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c
                                                                       : '_');
  }
  while (!name.empty() && name.front() == '\'') name.erase(name.begin());
  name = CutToCodePoints(name, kMaxSheetNameLength);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  // Excel keeps "History" for itself.
  if (name.empty()) name = "Sheet";
  if (AsciiLower(name) == "history") name += "_";
  std::string unique = name;
  for (int k = 2; Taken(used, unique); ++k) {
    const std::string suffix = absl::StrCat(" (", k, ")");
    unique = CutToCodePoints(name, kMaxSheetNameLength - suffix.size());
    unique += suffix;
  }
  used.insert(AsciiLower(unique));
  return unique;
}

XlsxTable::XlsxTable(XlsxWorkbook& book, lxw_worksheet* sheet, std::string name,
                     const std::vector<std::string>& headers)
    : book_(&book), sheet_(sheet), name_(std::move(name)) {
  widths_.reserve(headers.size());
  if (sheet_ == nullptr) {
    book_->Fail(name_, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return;
  }
  for (std::size_t c = 0; c < headers.size(); ++c) {
    worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c),
                           headers[c].c_str(), book_->bold_);
    widths_.push_back(DisplayWidth(headers[c]) + 2);
  }
  // The header stays in view while scrolling.
  worksheet_freeze_panes(sheet_, 1, 0);
}

void XlsxTable::AddRow(const std::vector<XlsxCell>& cells) {
  if (sheet_ == nullptr) return;
  ++rows_;
  const auto row = static_cast<lxw_row_t>(rows_);
  const std::size_t columns = std::min(cells.size(), widths_.size());
  for (std::size_t c = 0; c < columns; ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    std::size_t width = 0;
    lxw_error error = LXW_NO_ERROR;
    if (const auto* text = std::get_if<std::string>(&cells[c])) {
      if (text->empty()) continue;
      error = worksheet_write_string(sheet_, row, col, text->c_str(), nullptr);
      width = DisplayWidth(*text) + 2;
    } else if (const auto* count = std::get_if<std::int64_t>(&cells[c])) {
      error = worksheet_write_number(
          sheet_, row, col, static_cast<double>(*count), book_->integer_);
      width = kNumberWidth;
    } else if (const auto* score = std::get_if<XlsxScore>(&cells[c])) {
      error =
          worksheet_write_number(sheet_, row, col, score->value, book_->score_);
      width = kNumberWidth;
    }
    if (error != LXW_NO_ERROR) book_->Fail(name_, error);
    widths_[c] = std::max(widths_[c], width);
  }
}

void XlsxTable::Finish() {
  if (sheet_ == nullptr) return;
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    const auto width =
        static_cast<double>(std::clamp(widths_[c], kMinWidth, kMaxWidth));
    worksheet_set_column(sheet_, col, col, width, nullptr);
  }
  if (!widths_.empty()) {
    worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(rows_),
                         static_cast<lxw_col_t>(widths_.size() - 1));
  }
}

XlsxWorkbook::XlsxWorkbook(const std::string& path)
    : book_(workbook_new(path.c_str())) {
  if (book_ == nullptr) {
    status_ = absl::FailedPreconditionError("cannot create the workbook");
    return;
  }
  bold_ = workbook_add_format(book_);
  format_set_bold(bold_);
  score_ = workbook_add_format(book_);
  format_set_num_format(score_, "0.000");
  integer_ = workbook_add_format(book_);
  format_set_num_format(integer_, "0");
}

XlsxWorkbook::~XlsxWorkbook() {
  // workbook_close also frees the workbook; an error here has no one left
  // to report to (Close() reports it to callers that ask).
  if (book_ != nullptr) (void)Close();
}

XlsxTable& XlsxWorkbook::AddTable(std::string_view wanted,
                                  const std::vector<std::string>& headers) {
  std::string name = SheetName(wanted, names_);
  // A workbook that could not be opened gets tables without sheets, which
  // write nothing; Close() reports why.
  lxw_worksheet* sheet =
      book_ == nullptr ? nullptr : workbook_add_worksheet(book_, name.c_str());
  if (sheet == nullptr && book_ != nullptr) {
    // SheetName makes names libxlsxwriter accepts; fall back to a plain
    // numbered one rather than lose the table if it ever disagrees.
    name = SheetName(absl::StrCat("Sheet ", tables_.size() + 1), names_);
    sheet = workbook_add_worksheet(book_, name.c_str());
  }
  tables_.push_back(std::unique_ptr<XlsxTable>(
      new XlsxTable(*this, sheet, std::move(name), headers)));
  return *tables_.back();
}

absl::Status XlsxWorkbook::Close() {
  if (book_ == nullptr) return status_;
  for (const auto& table : tables_) table->Finish();
  const lxw_error error = workbook_close(book_);
  book_ = nullptr;
  if (error != LXW_NO_ERROR) Fail("the file", error);
  return status_;
}

void XlsxWorkbook::Fail(std::string_view what, int error) {
  if (!status_.ok()) return;
  status_ = absl::InternalError(absl::StrCat(
      std::string(what), ": ", lxw_strerror(static_cast<lxw_error>(error))));
}

}  // namespace sopu::service
