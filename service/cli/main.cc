// sopu: the command line. Runs the engine embedded (no server needed), or
// on a sopud server with --server.
#include <iostream>
#include <memory>
#include <string>

#include "CLI/CLI.hpp"
#include "engine/version.h"
#include "service/cli/commands.h"
#include "service/cli/solve_command.h"
#include "service/cli/solve_groups_command.h"
#include "service/client/client_channel.h"
#include "service/client/embedded_client.h"
#include "service/client/remote_client.h"
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
      "4 internal error, 5 the server could not be reached or refused the\n"
      "call (with --server).",
      "sopu"};
  app.set_version_flag("--version", std::string(sopu::kVersion));
  app.require_subcommand(1);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose,
               "Log counts and timings to standard error (never names or "
               "profile values)");
  sopu::client::ClientOptions server;
  app.add_option("--server", server.targets,
                 "Run on sopud at this address (host:port, unix:PATH) instead "
                 "of the embedded engine; same output. For `bench`, a comma "
                 "list spreads the rounds over several servers (gRPC "
                 "round-robin). Applies to validate, score, match, pairs, "
                 "groups, explain and bench")
      ->envname("SOPU_SERVER");
  app.add_option(
         "--token-file", server.token_file,
         "With --server: token file (sopud's format); its first token is sent")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-ca", server.tls_ca_file,
                 "With --server: PEM CA of the server's certificate (TLS)")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-cert", server.tls_cert_file,
                 "With --server and --tls-ca: PEM client certificate (mutual "
                 "TLS)")
      ->check(CLI::ExistingFile);
  app.add_option("--tls-key", server.tls_key_file,
                 "With --tls-cert: PEM client private key")
      ->check(CLI::ExistingFile);
  app.add_option("--deadline", server.deadline_seconds,
                 "With --server: seconds a call may take (groups: on top of "
                 "the time limit)")
      ->check(CLI::Range(1.0, 86400.0))
      ->capture_default_str();

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

  sopu::cli::MatchOptions match;
  CLI::App* match_cmd = app.add_subcommand(
      "match",
      "Assign mentees to mentors as a whole: exact optimum (as many mentees "
      "as possible, then the best total), fair, or stable; every pair "
      "explained, every unmatched mentee given a reason");
  match_cmd
      ->add_option("COHORT", match.cohort_path, "Cohort file: .csv or .json")
      ->required();
  match_cmd->add_option("--policy", match.policy_path,
                        "Policy file (JSON). Default: see `sopu score`");
  match_cmd
      ->add_option("--objective", match.objective,
                   "optimal: most mentees matched, then the best total; "
                   "max-score: best total only; fair: most mentees, then the "
                   "best worst pair, then the total; stable: no mentee and "
                   "mentor who would both rather be together")
      ->check(CLI::IsMember({"optimal", "max-score", "fair", "stable"}))
      ->capture_default_str();
  match_cmd->add_option("--lock", match.lock_path,
                        "CSV of pairs that must be in the result (columns "
                        "mentee_id, mentor_id)");
  match_cmd->add_option("--forbid", match.forbid_path,
                        "CSV of pairs that must not be made");
  match_cmd->add_option("--previous", match.previous_path,
                        "CSV of an earlier assignment (e.g. a previous "
                        "`sopu match --format csv`): its pairs are kept "
                        "unless changing them is worth more than the bonus");
  match_cmd
      ->add_option("--continuity-bonus", match.continuity_bonus,
                   "Score added to previous pairs while solving, 0..1 "
                   "(default 0.1)")
      ->check(CLI::Range(0.0, 1.0));
  match_cmd
      ->add_option("--min-score", match.min_score,
                   "With --objective max-score: leave out pairs scoring below "
                   "this, 0..1")
      ->check(CLI::Range(0.0, 1.0));
  match_cmd->add_flag("--use-wishes", match.use_wishes,
                      "With --objective stable: mentees rank mentors by their "
                      "wish-lists (mentees without one rank by score)");
  match_cmd->add_option("--format", match.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  match_cmd->add_option("-o,--output", match.output_path,
                        "Write to this file instead of standard output");

  sopu::cli::PairsOptions pairs;
  CLI::App* pairs_cmd = app.add_subcommand(
      "pairs",
      "Pair up the participants with the role peer (peer mentoring within one "
      "pool): as many pairs as possible, then the best total; a pair scores "
      "the mean of its two directions");
  pairs_cmd
      ->add_option("COHORT", pairs.cohort_path, "Cohort file: .csv or .json")
      ->required();
  pairs_cmd->add_option("--policy", pairs.policy_path,
                        "Policy file (JSON). Default: see `sopu score`");
  pairs_cmd->add_flag("--max-score-only", pairs.max_score_only,
                      "Maximise the total only (some peers may stay unpaired "
                      "when that scores more)");
  pairs_cmd
      ->add_option("--min-score", pairs.min_score,
                   "Leave out pairs scoring below this, 0..1")
      ->check(CLI::Range(0.0, 1.0));
  pairs_cmd->add_option("--format", pairs.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  pairs_cmd->add_option("-o,--output", pairs.output_path,
                        "Write to this file instead of standard output");

  sopu::cli::ExplainOptions explain;
  CLI::App* explain_cmd = app.add_subcommand(
      "explain",
      "Explain one mentor-mentee pair (every criterion's value and "
      "contribution, the rules that forbid it) or one group (its score, "
      "criteria and every member pair)");
  explain_cmd
      ->add_option("COHORT", explain.cohort_path, "Cohort file: .csv or .json")
      ->required();
  explain_cmd->add_option("--policy", explain.policy_path,
                          "Policy file (JSON). Default: see `sopu score`");
  CLI::Option* pair_opt = explain_cmd->add_option(
      "--pair", explain.pair, "MENTOR_ID,MENTEE_ID: explain this pair");
  CLI::Option* group_opt =
      explain_cmd
          ->add_option("--group", explain.group,
                       "ID,ID,...: explain these participants as one group")
          ->delimiter(',');
  pair_opt->excludes(group_opt);
  explain_cmd
      ->add_option("--role", explain.role,
                   "With --group: the members' role (whose pool "
                   "scores them, as in `sopu groups`)")
      ->check(CLI::IsMember({"mentor", "mentee", "facilitator", "peer"}))
      ->capture_default_str();
  explain_cmd->add_option("--format", explain.format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  explain_cmd->add_option("-o,--output", explain.output_path,
                          "Write to this file instead of standard output");
  explain_cmd->callback([&] {
    if (explain.pair.empty() && explain.group.empty()) {
      throw CLI::ValidationError("explain", "give --pair or --group");
    }
  });

  sopu::cli::GroupsOptions groups;
  CLI::App* groups_cmd = app.add_subcommand(
      "groups",
      "Split the members (participants with --role) into groups within the "
      "size bounds: hard rules always hold, then the largest total affinity "
      "(the mean of each pair's two scores); every group explained");
  groups_cmd
      ->add_option("COHORT", groups.cohort_path, "Cohort file: .csv or .json")
      ->required();
  groups_cmd->add_option("--policy", groups.policy_path,
                         "Policy file (JSON). Default: see `sopu score`");
  groups_cmd->add_option("--size", groups.size,
                         "Group size bounds MIN-MAX (e.g. 4-6), or N");
  groups_cmd
      ->add_option("--groups", groups.groups,
                   "Number of groups (default: the fewest that fit --size; "
                   "without --size, sizes as even as possible)")
      ->check(CLI::Range(0, 100000));
  groups_cmd->add_option("--role", groups.role, "Who is grouped")
      ->check(CLI::IsMember({"peer", "mentee", "mentor", "facilitator"}))
      ->capture_default_str();
  groups_cmd->add_option(
      "--key", groups.key,
      "Attribute every member of a group shares, e.g. town (municipality and "
      "region read the location); each value forms its own groups");
  groups_cmd
      ->add_option("--facilitators", groups.facilitators,
                   "Role of the facilitators: one per group by fit, each "
                   "leading at most their capacity of groups")
      ->check(CLI::IsMember({"facilitator", "mentor", "mentee", "peer"}));
  groups_cmd
      ->add_option("--max-per-organisation", groups.max_per_organisation,
                   "At most this many members of one organisation (the "
                   "policy's organisation_attribute) per group")
      ->check(CLI::Range(0, 100000));
  groups_cmd->add_option("--spread", groups.spread,
                         "Spread this attribute's values evenly over the "
                         "groups (repeatable)");
  groups_cmd->add_option(
      "--no-isolated", groups.no_isolated,
      "ATTRIBUTE=VALUE: a group holds none or at least two members with "
      "this value (repeatable)");
  groups_cmd->add_option("--together", groups.together_path,
                         "CSV of pairs who must share a group (columns "
                         "first_id, second_id)");
  groups_cmd->add_option("--time-limit", groups.time_limit, "Search seconds")
      ->check(CLI::Range(0.01, 3600.0))
      ->capture_default_str();
  groups_cmd
      ->add_option("--seed", groups.seed,
                   "Seed: the same seed and --rounds give the same groups")
      ->capture_default_str();
  groups_cmd
      ->add_option("--rounds", groups.rounds,
                   "Stop after this many search rounds (0: time limit only)")
      ->check(CLI::NonNegativeNumber);
  groups_cmd->add_option("--format", groups.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  groups_cmd->add_option("-o,--output", groups.output_path,
                         "Write to this file instead of standard output");

  sopu::cli::GenOptions gen;
  CLI::App* gen_cmd = app.add_subcommand(
      "gen",
      "Generate realistic synthetic cohorts (invented people in real Finnish "
      "municipalities, arts sectors, the five coaching themes, fi/sv/en): "
      "staff CSV or JSON; with --history, past cohorts (historical pairs and "
      "outcomes from a hidden true model) for `sopu bench` and `sopu "
      "calibrate`. The same seed gives the same bytes");
  gen_cmd->add_option("--mentors", gen.mentors, "Mentors (default 15)")
      ->check(CLI::Range(0, 100000));
  gen_cmd->add_option("--mentees", gen.mentees, "Mentees (default 40)")
      ->check(CLI::Range(0, 100000));
  gen_cmd
      ->add_option("--peers", gen.peers,
                   "Peers (peer pairs and groups); without --mentors and "
                   "--mentees, peers only")
      ->check(CLI::Range(0, 100000));
  gen_cmd->add_option("--seed", gen.seed, "Seed")->capture_default_str();
  gen_cmd
      ->add_option("--avoid-rate", gen.avoid_rate,
                   "Share of participants with an avoid-list entry, 0..1")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  gen_cmd
      ->add_option("--format", gen.format,
                   "csv (staff format: ;-separated, BOM, decimal commas) or "
                   "json (default: by -o's extension, else csv)")
      ->check(CLI::IsMember({"csv", "json"}));
  gen_cmd->add_option("-o,--output", gen.output_path,
                      "Write to this file instead of standard output");
  gen_cmd->add_flag("--history", gen.history,
                    "Write past cohorts (protobuf JSON of "
                    "sopu.v1.PastCohort): staff-made pairs (same region "
                    "first) with ratings and completion");
  gen_cmd->add_option("--policy", gen.policy_path,
                      "With --history: the staff policy recorded and obeyed "
                      "(default: the built-in one of examples/policy.json); "
                      "its soft weights are then the true weights");
  gen_cmd->add_option("--truth", gen.truth_path,
                      "With --history: write the hidden true weights (a "
                      "policy JSON) to this file");
  gen_cmd
      ->add_option("--noise", gen.noise,
                   "With --history: standard deviation of the rating noise")
      ->check(CLI::Range(0.0, 5.0))
      ->capture_default_str();
  gen_cmd->add_flag("--groups", gen.groups,
                    "With --history: also write staff-made groups of the "
                    "peers (without peers: of the mentees), region first, "
                    "with ratings and completion from the same truth; a "
                    "peers-only cohort gets groups and no pairs");
  gen_cmd
      ->add_option("--group-size", gen.group_size,
                   "With --groups: group sizes MIN-MAX or N, 2..50")
      ->capture_default_str();
  gen_cmd->add_option("--count", gen.count, "Cohorts to write (with --out)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  gen_cmd->add_option("--out", gen.out_dir,
                      "Folder for the cohorts: past-001.json … (--history), "
                      "cohort-001.csv …");

  sopu::cli::BenchOptions bench;
  CLI::App* bench_cmd = app.add_subcommand(
      "bench",
      "Replay every past cohort of a folder under each policy and report per "
      "round and overall: matched %, fit (total, mean, worst, spread), goal "
      "coverage, blocking pairs, agreement with the historical pairs, rank "
      "correlation of fit and rating, run time (docs/past-cohorts.md)");
  bench_cmd
      ->add_option("DIR", bench.dir,
                   "Folder of past-cohort files (*.json, sopu.v1.PastCohort)")
      ->required();
  bench_cmd
      ->add_option("--policy", bench.policy_paths,
                   "Policy file (JSON); repeat to compare policies")
      ->required();
  bench_cmd
      ->add_option("--objective", bench.objective,
                   "optimal, fair or stable (see `sopu match`)")
      ->check(CLI::IsMember({"optimal", "fair", "stable"}))
      ->capture_default_str();
  bench_cmd->add_option("--jobs", bench.jobs, "Rounds run in parallel")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  bench_cmd->add_option("--format", bench.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  bench_cmd->add_option("-o,--output", bench.output_path,
                        "Write to this file instead of standard output");
  bench_cmd->add_option("--report", bench.report_path,
                        "Also write a self-contained HTML report with plots "
                        "(open it in a browser)");

  sopu::cli::CalibrateOptions calibrate;
  CLI::App* calibrate_cmd = app.add_subcommand(
      "calibrate",
      "Learn the policy's soft criterion weights from the ratings of past "
      "cohorts (non-negative least squares, cross-validated by round); "
      "report them with their uncertainty and the out-of-sample rank "
      "correlation before and after, and write a proposed policy to review");
  calibrate_cmd
      ->add_option("DIR", calibrate.dir,
                   "Folder of past-cohort files (*.json, sopu.v1.PastCohort)")
      ->required();
  calibrate_cmd
      ->add_option("--policy", calibrate.policy_path,
                   "The policy whose weights are calibrated (never changed)")
      ->required();
  calibrate_cmd
      ->add_option("--folds", calibrate.folds,
                   "Cross-validation folds (rounds are split among them)")
      ->check(CLI::Range(2, 100))
      ->capture_default_str();
  calibrate_cmd->add_option("-o,--output", calibrate.output_path,
                            "Write the proposed policy (JSON) to this file; "
                            "refused when it is the policy file");
  calibrate_cmd->add_option("--truth", calibrate.truth_path,
                            "A policy with known true weights (e.g. from "
                            "`sopu gen --truth`) to show beside the learned");

  sopu::cli::SolveAssignmentOptions solve_assignment;
  CLI::App* solve_cmd = app.add_subcommand(
      "solve", "Run a solver on a bare instance file (benchmark interface)");
  solve_cmd->require_subcommand(1);
  CLI::App* solve_assignment_cmd = solve_cmd->add_subcommand(
      "assignment",
      "Solve a capacitated assignment instance in the peers' text format "
      "(docs/assignment.md) and print one JSON line");
  solve_assignment_cmd
      ->add_option("--matrix", solve_assignment.matrix_path,
                   "Instance file: rows cols, capacities, scores (x or -inf "
                   "forbidden)")
      ->required();
  solve_assignment_cmd
      ->add_option("--objective", solve_assignment.objective,
                   "lexicographic: most mentees matched, then the largest "
                   "total; max-score: the largest total")
      ->check(CLI::IsMember({"lexicographic", "max-score"}))
      ->capture_default_str();
  solve_assignment_cmd->add_option(
      "--min-score", solve_assignment.min_score,
      "With max-score: pairs scoring below this are not used");
  solve_assignment_cmd->add_option(
      "--assign-out", solve_assignment.assign_out_path,
      "Write the pairs as 'mentee mentor' lines (0-based) to this file");

  sopu::cli::SolveGroupsOptions solve_groups;
  CLI::App* solve_groups_cmd = solve_cmd->add_subcommand(
      "groups",
      "Solve a grouping instance in the MDGPLIB format (docs/groups.md) and "
      "print one JSON line");
  solve_groups_cmd
      ->add_option("--mdgp", solve_groups.mdgp_path,
                   "Instance file: n m ss|ds bounds, then 'i j d' lines")
      ->required();
  solve_groups_cmd
      ->add_option("--time-limit", solve_groups.time_limit_seconds,
                   "Wall-clock seconds; 0 needs --rounds")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  solve_groups_cmd
      ->add_option("--rounds", solve_groups.rounds,
                   "Stop after this many rounds of the population search "
                   "(0: no limit); with no time limit reached, the result "
                   "is the same for any --threads")
      ->check(CLI::NonNegativeNumber);
  solve_groups_cmd
      ->add_option("--seed", solve_groups.seed, "Seed of the random streams")
      ->capture_default_str();
  solve_groups_cmd
      ->add_option("--threads", solve_groups.threads,
                   "Worker threads (0: every core)")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  solve_groups_cmd->add_option(
      "--groups-out", solve_groups.groups_out_path,
      "Write each element's group (0-based), one per line, to this file");

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

  const bool local_only = app.got_subcommand(gen_cmd) ||
                          app.got_subcommand(calibrate_cmd) ||
                          app.got_subcommand(solve_cmd);
  if (!server.targets.empty() && local_only) {
    std::cerr << "sopu: --server applies to validate, score, match, pairs, "
                 "groups, explain and bench; this command runs locally\n";
    return kExitUsage;
  }
  std::unique_ptr<sopu::client::EngineClient> engine;
  if (server.targets.empty()) {
    engine = std::make_unique<sopu::client::EmbeddedClient>();
  } else {
    absl::StatusOr<std::unique_ptr<sopu::client::RemoteClient>> remote =
        sopu::client::RemoteClient::Connect(server);
    if (!remote.ok()) {
      std::cerr << "sopu: " << remote.status().message() << '\n';
      return kExitUsage;
    }
    engine = *std::move(remote);
    spdlog::info("engine: sopud at {}", server.targets);
  }

  try {
    if (app.got_subcommand(validate_cmd)) return RunValidate(validate, *engine);
    if (app.got_subcommand(score_cmd)) return RunScore(score, *engine);
    if (app.got_subcommand(match_cmd)) return RunMatch(match, *engine);
    if (app.got_subcommand(pairs_cmd)) return RunPairs(pairs, *engine);
    if (app.got_subcommand(groups_cmd)) return RunGroups(groups, *engine);
    if (app.got_subcommand(explain_cmd)) return RunExplain(explain, *engine);
    if (app.got_subcommand(gen_cmd)) return RunGen(gen);
    if (app.got_subcommand(bench_cmd)) return RunBench(bench, *engine);
    if (app.got_subcommand(calibrate_cmd)) return RunCalibrate(calibrate);
    if (solve_cmd->got_subcommand(solve_assignment_cmd)) {
      return RunSolveAssignment(solve_assignment);
    }
    if (solve_cmd->got_subcommand(solve_groups_cmd)) {
      return RunSolveGroups(solve_groups);
    }
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
