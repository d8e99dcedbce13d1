// --csv-style: which CSV dialect a command's CSV output uses. "auto" follows
// the cohort file the command read, so a `;`-separated cohort with decimal
// commas gives a `;`-separated result with decimal commas.
#ifndef SOPU_SERVICE_CLI_CSV_STYLE_H_
#define SOPU_SERVICE_CLI_CSV_STYLE_H_

#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "service/io/cohort_file.h"
#include "service/render/csv_dialect.h"

namespace sopu::cli {

// CsvStyles: the values of --csv-style, "auto" first (the default).
[[nodiscard]] const std::vector<std::string>& CsvStyles();

// AddCsvStyleOption: --csv-style, one of CsvStyles().
void AddCsvStyleOption(CLI::App& command, std::string& style);

// CsvDialectFor: the dialect of `style` ("comma": ',' and '.';
// "semicolon": ';' and decimal commas; "tab": tab and '.'); for "auto" the
// style the cohort was read in (',' and '.' for a JSON cohort).
[[nodiscard]] service::CsvDialect CsvDialectFor(const io::LoadedCohort& cohort,
                                                const std::string& style);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_CSV_STYLE_H_
