#include "service/io/cohort_file.h"

#include <filesystem>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "service/io/csv_cohort_reader.h"
#include "service/io/json_files.h"
#include "service/io/spreadsheet_file.h"

namespace sopu::io {
namespace {

CohortFormat DetectFormat(const std::string& path, std::string_view bytes) {
  // Content first for archives: an .xlsx saved as "cohort.csv" is still one.
  if (IsZipArchive(bytes)) return CohortFormat::kXlsx;  // kind told later
  const std::string ext =
      absl::AsciiStrToLower(std::filesystem::path(path).extension().string());
  if (ext == ".json") return CohortFormat::kJson;
  if (ext == ".xlsx" || ext == ".xlsm") return CohortFormat::kXlsx;
  if (ext == ".ods") return CohortFormat::kOds;
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt")
    return CohortFormat::kCsv;
  for (char c : StripUtf8Bom(bytes)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' ? CohortFormat::kJson : CohortFormat::kCsv;
  }
  return CohortFormat::kCsv;
}

void AddFileProblem(LoadedCohort& loaded, std::string_view description) {
  auto& problem = loaded.problems.emplace_back();
  problem.set_field("file");
  problem.set_description(std::string(description));
}

// ReadSpreadsheet fills `loaded` from an .xlsx or .ods file.
absl::Status ReadSpreadsheet(const std::string& path, std::string_view bytes,
                             const CohortFileOptions& options,
                             LoadedCohort& loaded) {
  const std::string file = std::filesystem::path(path).filename().string();
  if (!IsZipArchive(bytes)) {
    AddFileProblem(loaded,
                   "not a spreadsheet: an .xlsx or .ods file is a ZIP "
                   "archive, this file is not; save it again from the "
                   "spreadsheet program, or as CSV UTF-8 named .csv");
    return absl::OkStatus();
  }
  absl::StatusOr<Spreadsheet> sheet = ReadSpreadsheetGrid(bytes, options.sheet);
  if (!sheet.ok()) {
    if (absl::IsNotFound(sheet.status())) {
      return absl::NotFoundError(
          absl::StrCat(path, ": ", sheet.status().message()));
    }
    AddFileProblem(loaded, std::string(sheet.status().message()));
    return absl::OkStatus();
  }
  loaded.format = sheet->kind == SpreadsheetKind::kOds ? CohortFormat::kOds
                                                       : CohortFormat::kXlsx;
  const std::string ext =
      absl::AsciiStrToLower(std::filesystem::path(path).extension().string());
  const bool named_right =
      (loaded.format == CohortFormat::kOds && ext == ".ods") ||
      (loaded.format == CohortFormat::kXlsx &&
       (ext == ".xlsx" || ext == ".xlsm"));
  GridCohort read = ReadGridCohort(sheet->grid);
  if (!named_right) {
    // Say what its name suggested it was, when it suggested anything.
    std::string named_as;
    if (ext == ".json") named_as = ", not JSON";
    if (ext == ".csv" || ext == ".tsv" || ext == ".txt") named_as = ", not CSV";
    read.notices.insert(
        read.notices.begin(),
        absl::StrCat(file,
                     loaded.format == CohortFormat::kOds
                         ? " is an OpenDocument (.ods) spreadsheet"
                         : " is an Excel (.xlsx) workbook",
                     named_as, "; it was read as one"));
  }
  loaded.cohort = std::move(read.cohort);
  loaded.source = std::move(read.source);
  loaded.problems = std::move(read.problems);
  loaded.truncated = read.truncated;
  loaded.notices = std::move(read.notices);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<LoadedCohort> ReadCohortFile(const std::string& path,
                                            const CohortFileOptions& options) {
  absl::StatusOr<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  LoadedCohort loaded;
  loaded.format = DetectFormat(path, *bytes);
  const bool spreadsheet = loaded.format == CohortFormat::kXlsx ||
                           loaded.format == CohortFormat::kOds;
  if (!spreadsheet && !options.sheet.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": --sheet is for .xlsx and .ods files; this is a ",
        loaded.format == CohortFormat::kJson ? "JSON" : "CSV", " file"));
  }
  if (spreadsheet) {
    if (absl::Status read = ReadSpreadsheet(path, *bytes, options, loaded);
        !read.ok()) {
      return read;
    }
    return loaded;
  }
  if (loaded.format == CohortFormat::kJson) {
    if (absl::Status parsed = ParseJson(*bytes, loaded.cohort); !parsed.ok()) {
      auto& problem = loaded.problems.emplace_back();
      problem.set_field(std::filesystem::path(path).filename().string());
      problem.set_description(absl::StrCat(
          "not a valid cohort file (protobuf JSON of sopu.v1.Cohort): ",
          parsed.message()));
    }
    return loaded;
  }
  CsvCohort csv = ReadCsvCohort(*bytes);
  loaded.cohort = std::move(csv.cohort);
  loaded.source = std::move(csv.source);
  loaded.problems = std::move(csv.problems);
  loaded.truncated = csv.truncated;
  loaded.notices = std::move(csv.notices);
  loaded.delimiter = csv.delimiter;
  loaded.decimal_comma = csv.decimal_comma;
  return loaded;
}

}  // namespace sopu::io
