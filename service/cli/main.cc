// sopu: the command line. Runs the engine embedded (no server needed).
#include <iostream>
#include <string>

#include "CLI/CLI.hpp"
#include "engine/version.h"
#include "service/cli/commands.h"
#include "spdlog/sinks/stdout_color_sinks.h"
#include "spdlog/spdlog.h"

namespace {

int Run(int argc, char** argv) {
  using sopu::cli::kExitUsage;
  CLI::App app{
      "sopu — score, match and group participants of mentoring programs.\n"
      "Cohorts are CSV (docs/csv-format.md) or JSON (docs/json-format.md);\n"
      "policies are JSON. Exit codes: 0 ok, 1 the input has problems (all\n"
      "are listed), 2 usage error, 3 a file cannot be read or written,\n"
      "4 internal error.",
      "sopu"};
  app.set_version_flag("--version", std::string(sopu::kVersion));
  app.require_subcommand(1);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose,
               "Log counts and timings to standard error (never names or "
               "profile values)");

  sopu::cli::ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate",
      "Check a cohort file (and a policy) and list every problem; exit 1 "
      "when there is one");
  validate_cmd
      ->add_option("COHORT", validate.cohort_path, "Cohort file: .csv or .json")
      ->required();
  validate_cmd->add_option("--policy", validate.policy_path,
                           "Policy file (JSON) to check against the cohort");
  validate_cmd->add_option("--format", validate.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  sopu::cli::ScoreOptions score;
  CLI::App* score_cmd = app.add_subcommand(
      "score",
      "List the best-fitting allowed mentors of every mentee, with the "
      "criteria that contribute most; mentees with no allowed mentor are "
      "listed with the rule that excludes them");
  score_cmd
      ->add_option("COHORT", score.cohort_path, "Cohort file: .csv or .json")
      ->required();
  score_cmd->add_option(
      "--policy", score.policy_path,
      "Policy file (JSON). Default: complement over all themes, a shared "
      "language required, avoid-lists honoured");
  score_cmd->add_option("--top", score.top, "Mentors listed per mentee")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  score_cmd->add_option("--format", score.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  score_cmd->add_option("-o,--output", score.output_path,
                        "Write to this file instead of standard output");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  auto logger = spdlog::stderr_color_mt("sopu");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("sopu: %v");
  spdlog::set_level(verbose ? spdlog::level::info : spdlog::level::warn);

  try {
    if (app.got_subcommand(validate_cmd)) return RunValidate(validate);
    if (app.got_subcommand(score_cmd)) return RunScore(score);
  } catch (const std::exception& e) {
    std::cerr << "sopu: internal error: " << e.what() << '\n';
    return sopu::cli::kExitInternal;
  }
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (...) {
    std::cerr << "sopu: internal error\n";
    return 4;
  }
}
