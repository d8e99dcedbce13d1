#include "service/cli/common_options.h"

#include <algorithm>

namespace sopu::cli {

void AddCohortArgument(CLI::App& command, std::string& path,
                       std::string& sheet) {
  command
      .add_option("COHORT", path,
                  "Cohort file: a spreadsheet (.xlsx, .ods), CSV (.csv) or "
                  "JSON (.json)")
      ->required();
  command.add_option("--sheet", sheet,
                     "The sheet of an .xlsx or .ods COHORT to read (default: "
                     "the first)");
}

void AddFormatOption(CLI::App& command, std::string& format,
                     const std::vector<std::string>& formats) {
  const bool files =
      std::find(formats.begin(), formats.end(), "xlsx") != formats.end();
  if (!files) {
    command.add_option("--format", format, "Output format")
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
    return;
  }
  // The format stays empty when not given, so that ResolveFormat can tell
  // "-o plan.xlsx" from "--format table -o plan.xlsx".
  const bool report =
      std::find(formats.begin(), formats.end(), "html") != formats.end();
  command
      .add_option("--format", format,
                  std::string("Output format. Default: from the -o file's "
                              "extension (.xlsx: Excel workbook") +
                      (report ? "; .html: printable report" : "") +
                      "), else table. xlsx needs -o")
      ->check(CLI::IsMember(formats));
}

void AddOutputOption(CLI::App& command, std::string& path) {
  command.add_option("-o,--output", path,
                     "Write to this file instead of standard output");
}

}  // namespace sopu::cli
