#include "service/cli/common_options.h"

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
  command.add_option("--format", format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
}

void AddOutputOption(CLI::App& command, std::string& path) {
  command.add_option("-o,--output", path,
                     "Write to this file instead of standard output");
}

}  // namespace sopu::cli
