// The options several commands share, worded once: the COHORT argument with
// --sheet, --format and -o/--output.
#ifndef SOPU_SERVICE_CLI_COMMON_OPTIONS_H_
#define SOPU_SERVICE_CLI_COMMON_OPTIONS_H_

#include <string>
#include <vector>

#include "CLI/CLI.hpp"

namespace sopu::cli {

// AddCohortArgument: the required COHORT positional (.csv, .xlsx, .ods or
// .json) and --sheet, the spreadsheet's sheet to read.
void AddCohortArgument(CLI::App& command, std::string& path,
                       std::string& sheet);

// AddFormatOption: --format, one of `formats`, its default shown in --help.
// When `formats` offer "xlsx", the option's string must start empty and
// stays so when not given: ResolveFormat (command_support.h) then picks the
// format from the -o file's extension, else table.
void AddFormatOption(CLI::App& command, std::string& format,
                     const std::vector<std::string>& formats);

// AddOutputOption: -o/--output, the file written instead of standard output.
void AddOutputOption(CLI::App& command, std::string& path);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_COMMON_OPTIONS_H_
