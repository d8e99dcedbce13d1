#include "service/cli/csv_style.h"

namespace sopu::cli {

const std::vector<std::string>& CsvStyles() {
  static const auto* const kStyles =
      new std::vector<std::string>{"auto", "comma", "semicolon", "tab"};
  return *kStyles;
}

void AddCsvStyleOption(CLI::App& command, std::string& style) {
  command
      .add_option("--csv-style", style,
                  "CSV output style: auto (as the cohort file: its delimiter "
                  "and decimal separator; a ';' file gets decimal commas), "
                  "comma (',' and 0.25), semicolon "
                  "(';' and 0,25, as Excel in Finland and Sweden), tab")
      ->check(CLI::IsMember(CsvStyles()))
      ->capture_default_str();
}

service::CsvDialect CsvDialectFor(const io::LoadedCohort& cohort,
                                  const std::string& style) {
  if (style == "comma") return {.delimiter = ',', .decimal_comma = false};
  if (style == "semicolon") return {.delimiter = ';', .decimal_comma = true};
  if (style == "tab") return {.delimiter = '\t', .decimal_comma = false};
  if (cohort.format != io::CohortFormat::kCsv) return {};
  // Excel writes ';' exactly where the comma is the decimal separator
  // (Finnish and Swedish locales), also for a file with no decimals in it.
  return {.delimiter = cohort.delimiter,
          .decimal_comma = cohort.decimal_comma || cohort.delimiter == ';'};
}

}  // namespace sopu::cli
