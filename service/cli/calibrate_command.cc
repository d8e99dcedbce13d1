// `sopu calibrate`: learns criterion weights from the outcomes of past
// cohorts (non-negative least squares, cross-validated by round) and writes
// a proposed policy for a person to review; the given policy is never
// changed.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_format.h"
#include "engine/calibration/weight_calibration.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/past_cohort_loading.h"
#include "service/convert/policy_convert.h"
#include "service/history/calibration_data.h"
#include "service/io/json_files.h"
#include "service/render/text_table.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

struct CalibrateOptions {
  std::string dir;
  std::string policy_path;
  int folds = 5;
  std::string output_path;  // proposed policy; empty: report only
  std::string truth_path;   // optional: true weights to compare with
};

// Policies: the policy calibrated, and the known true weights to compare
// with (--truth).
struct Policies {
  sopu::v1::Policy policy;
  std::optional<sopu::v1::Policy> truth;
};

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code error;
  if (std::filesystem::exists(a, error) && std::filesystem::exists(b, error)) {
    return std::filesystem::equivalent(a, b, error);
  }
  return std::filesystem::weakly_canonical(a, error) ==
         std::filesystem::weakly_canonical(b, error);
}

std::string Rho(const std::optional<double>& rho) {
  return rho.has_value() ? absl::StrFormat("%.3f", *rho) : "undefined";
}

std::optional<int> LoadPolicies(const CalibrateOptions& options,
                                Policies& policies) {
  absl::StatusOr<sopu::v1::Policy> policy =
      io::ReadPolicyFile(options.policy_path);
  if (!policy.ok()) return PrintFailure(policy.status());
  policies.policy = *std::move(policy);
  if (!options.truth_path.empty()) {
    absl::StatusOr<sopu::v1::Policy> t = io::ReadPolicyFile(options.truth_path);
    if (!t.ok()) return PrintFailure(t.status());
    policies.truth = *std::move(t);
  }
  return std::nullopt;
}

// TrueShares: each soft criterion's share of the truth's soft weights, by
// criterion name.
std::unordered_map<std::string, double> TrueShares(
    const sopu::v1::Policy& truth) {
  double sum = 0.0;
  for (const auto& c : truth.criteria()) {
    if (!c.hard()) sum += c.weight();
  }
  std::unordered_map<std::string, double> shares;
  for (const auto& c : truth.criteria()) {
    if (!c.hard() && sum > 0.0) {
      shares[service::CriterionName(c)] = c.weight() / sum;
    }
  }
  return shares;
}

// PrintWeights prints the data used and one line per soft criterion: its
// current, learned (± std) and true weight, in the policy's units (shares
// times the sum of its soft weights).
void PrintWeights(const Policies& policies,
                  const service::CalibrationInput& input,
                  const CalibrationResult& result) {
  double soft_sum = 0.0;
  for (const int k : input.criteria) {
    soft_sum += policies.policy.criteria(k).weight();
  }
  const double scale = soft_sum > 0.0 ? soft_sum : 1.0;
  const Eigen::VectorXd current =
      service::SoftWeightShares(policies.policy, input);
  const bool with_truth = policies.truth.has_value();
  const auto true_share = with_truth
                              ? TrueShares(*policies.truth)
                              : std::unordered_map<std::string, double>();
  std::cout << absl::StrFormat(
      "Calibrated on %d observations from %d rounds: %d rated pairs (%d "
      "pairs without a rating) and %d rated groups (%d groups without a "
      "rating or a fit), %d folds by round.\nWeights of the soft criteria, "
      "normalised to the policy's sum (%.4g); hard criteria only forbid.\n\n",
      static_cast<int>(input.data.outcome.size()), input.rounds_used,
      input.pair_observations, input.unrated_pairs, input.group_observations,
      input.unrated_groups, result.folds, scale);
  std::cout << service::PadRight("criterion", 24)
            << absl::StrFormat("%9s %9s %9s", "current", "learned", "± std");
  if (with_truth) std::cout << absl::StrFormat(" %9s", "true");
  std::cout << '\n';
  for (std::size_t j = 0; j < input.names.size(); ++j) {
    const auto i = static_cast<Eigen::Index>(j);
    std::cout << service::PadRight(input.names[j], 24)
              << absl::StrFormat("%9.4f %9.4f %9.4f", current(i) * scale,
                                 result.shares(i) * scale,
                                 result.share_std(i) * scale);
    if (with_truth) {
      auto it = true_share.find(input.names[j]);
      std::cout << (it == true_share.end()
                        ? absl::StrFormat(" %9s", "–")
                        : absl::StrFormat(" %9.4f", it->second * scale));
    }
    std::cout << '\n';
  }
}

// PrintRho prints the out-of-sample rank correlation before and after.
void PrintRho(const CalibrationResult& result) {
  std::cout << absl::StrFormat(
      "\nSpearman rho of fit vs rating (pairs and groups pooled), out of "
      "sample: current weights %s, "
      "learned weights %s",
      Rho(result.rho_before), Rho(result.rho_after));
  if (result.rho_before.has_value() && result.rho_after.has_value()) {
    std::cout << absl::StrFormat(" (%+.3f)",
                                 *result.rho_after - *result.rho_before);
  }
  std::cout << '\n';
}

// Propose writes the proposed policy to -o (when given).
int Propose(const CalibrateOptions& options, const sopu::v1::Policy& policy,
            const service::CalibrationInput& input,
            const CalibrationResult& result) {
  if (!(result.shares.sum() > 0.0)) {
    std::cerr << "sopu: the outcomes do not support any criterion; no "
                 "policy proposed\n";
    return kExitInvalidInput;
  }
  if (options.output_path.empty()) {
    std::cout << "Give -o FILE to write the proposed policy.\n";
    return kExitOk;
  }
  const sopu::v1::Policy proposed =
      service::ProposedPolicy(policy, input, result.shares);
  if (const int code =
          WriteOutput(options.output_path, io::MessageToPrettyJson(proposed));
      code != kExitOk) {
    return code;
  }
  std::cout << "Proposed policy written to " << options.output_path
            << "; review it before use (" << options.policy_path
            << " is unchanged).\n";
  return kExitOk;
}

// Calibrate fits the weights on the rounds' outcomes; prints why when it
// cannot.
absl::StatusOr<CalibrationResult> Calibrate(
    const CalibrateOptions& options, const service::CalibrationInput& input) {
  for (const std::string& skipped : input.skipped) {
    std::cerr << "sopu: skipped round " << skipped << '\n';
  }
  CalibrationOptions calibration;
  calibration.folds = options.folds;
  absl::StatusOr<CalibrationResult> result =
      CalibrateWeights(input.data, calibration);
  if (!result.ok()) {
    std::cerr << "sopu: cannot calibrate: " << result.status().message()
              << '\n';
    return result.status();
  }
  spdlog::info(
      "calibrated on {} rated pairs and {} rated groups from {} rounds",
      input.pair_observations, input.group_observations, input.rounds_used);
  return result;
}

int RunCalibrate(const CalibrateOptions& options) {
  if (!options.output_path.empty() &&
      SameFile(options.output_path, options.policy_path)) {
    std::cerr << "sopu: -o names the policy file itself; calibrate never "
                 "overwrites a policy, choose another file\n";
    return kExitUsage;
  }
  Policies policies;
  if (auto code = LoadPolicies(options, policies)) return *code;
  std::vector<sopu::v1::PastCohort> rounds;
  if (auto code = LoadPastCohorts(options.dir, 1, rounds)) return *code;
  absl::StatusOr<service::CalibrationInput> input =
      service::BuildCalibrationInput(rounds, policies.policy);
  if (!input.ok()) {
    std::cerr << "sopu: " << input.status().message() << '\n';
    return kExitInvalidInput;
  }
  const absl::StatusOr<CalibrationResult> result = Calibrate(options, *input);
  if (!result.ok()) return kExitInvalidInput;
  PrintWeights(policies, *input, *result);
  PrintRho(*result);
  return Propose(options, policies.policy, *input, *result);
}

}  // namespace

Command AddCalibrateCommand(CLI::App& app) {
  auto options = std::make_shared<CalibrateOptions>();
  CLI::App* command = app.add_subcommand(
      "calibrate",
      "Learn the policy's soft criterion weights from the ratings of past "
      "cohorts (non-negative least squares, cross-validated by round); "
      "report them with their uncertainty and the out-of-sample rank "
      "correlation before and after, and write a proposed policy to review");
  command
      ->add_option("DIR", options->dir,
                   "Folder of past-cohort files (*.json, sopu.v1.PastCohort)")
      ->required();
  command
      ->add_option("--policy", options->policy_path,
                   "The policy whose weights are calibrated (never changed)")
      ->required();
  command
      ->add_option("--folds", options->folds,
                   "Cross-validation folds (rounds are split among them)")
      ->check(CLI::Range(2, 100))
      ->capture_default_str();
  command->add_option("-o,--output", options->output_path,
                      "Write the proposed policy (JSON) to this file; "
                      "refused when it is the policy file");
  command->add_option("--truth", options->truth_path,
                      "A policy with known true weights (e.g. from "
                      "`sopu gen --truth`) to show beside the learned");
  return {command, LocalRun([options] { return RunCalibrate(*options); })};
}

}  // namespace sopu::cli
