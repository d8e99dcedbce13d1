// `sopu calibrate`: learns criterion weights from the outcomes of past
// cohorts (non-negative least squares, cross-validated by round) and writes
// a proposed policy for a person to review; the given policy is never
// changed.
#include <filesystem>
#include <iostream>
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

}  // namespace

int RunCalibrate(const CalibrateOptions& options) {
  if (!options.output_path.empty() &&
      SameFile(options.output_path, options.policy_path)) {
    std::cerr << "sopu: -o names the policy file itself; calibrate never "
                 "overwrites a policy, choose another file\n";
    return kExitUsage;
  }
  absl::StatusOr<sopu::v1::Policy> policy =
      io::ReadPolicyFile(options.policy_path);
  if (!policy.ok()) {
    std::cerr << "sopu: " << policy.status().message() << '\n';
    return ExitCodeOf(policy.status());
  }
  std::optional<sopu::v1::Policy> truth;
  if (!options.truth_path.empty()) {
    absl::StatusOr<sopu::v1::Policy> t = io::ReadPolicyFile(options.truth_path);
    if (!t.ok()) {
      std::cerr << "sopu: " << t.status().message() << '\n';
      return ExitCodeOf(t.status());
    }
    truth = *std::move(t);
  }
  std::vector<sopu::v1::PastCohort> rounds;
  if (auto code = LoadPastCohorts(options.dir, 1, rounds)) return *code;

  absl::StatusOr<service::CalibrationInput> input =
      service::BuildCalibrationInput(rounds, *policy);
  if (!input.ok()) {
    std::cerr << "sopu: " << input.status().message() << '\n';
    return kExitInvalidInput;
  }
  for (const std::string& skipped : input->skipped) {
    std::cerr << "sopu: skipped round " << skipped << '\n';
  }
  CalibrationOptions calibration;
  calibration.folds = options.folds;
  absl::StatusOr<CalibrationResult> result =
      CalibrateWeights(input->data, calibration);
  if (!result.ok()) {
    std::cerr << "sopu: cannot calibrate: " << result.status().message()
              << '\n';
    return kExitInvalidInput;
  }
  spdlog::info(
      "calibrated on {} rated pairs and {} rated groups from {} rounds",
      input->pair_observations, input->group_observations, input->rounds_used);

  // Weights in the policy's units: shares times the sum of its soft weights.
  double soft_sum = 0.0;
  for (const int k : input->criteria) soft_sum += policy->criteria(k).weight();
  const double scale = soft_sum > 0.0 ? soft_sum : 1.0;
  std::unordered_map<std::string, double> true_share;
  if (truth.has_value()) {
    double sum = 0.0;
    for (const auto& c : truth->criteria()) {
      if (!c.hard()) sum += c.weight();
    }
    for (const auto& c : truth->criteria()) {
      if (!c.hard() && sum > 0.0) {
        true_share[service::CriterionName(c)] = c.weight() / sum;
      }
    }
  }
  const Eigen::VectorXd current = service::SoftWeightShares(*policy, *input);
  std::cout << absl::StrFormat(
      "Calibrated on %d observations from %d rounds: %d rated pairs (%d "
      "pairs without a rating) and %d rated groups (%d groups without a "
      "rating or a fit), %d folds by round.\nWeights of the soft criteria, "
      "normalised to the policy's sum (%.4g); hard criteria only forbid.\n\n",
      static_cast<int>(input->data.outcome.size()), input->rounds_used,
      input->pair_observations, input->unrated_pairs, input->group_observations,
      input->unrated_groups, result->folds, scale);
  std::cout << service::PadRight("criterion", 24)
            << absl::StrFormat("%9s %9s %9s", "current", "learned", "± std");
  if (truth.has_value()) std::cout << absl::StrFormat(" %9s", "true");
  std::cout << '\n';
  for (std::size_t j = 0; j < input->names.size(); ++j) {
    const auto i = static_cast<Eigen::Index>(j);
    std::cout << service::PadRight(input->names[j], 24)
              << absl::StrFormat("%9.4f %9.4f %9.4f", current(i) * scale,
                                 result->shares(i) * scale,
                                 result->share_std(i) * scale);
    if (truth.has_value()) {
      auto it = true_share.find(input->names[j]);
      std::cout << (it == true_share.end()
                        ? absl::StrFormat(" %9s", "–")
                        : absl::StrFormat(" %9.4f", it->second * scale));
    }
    std::cout << '\n';
  }
  std::cout << absl::StrFormat(
      "\nSpearman rho of fit vs rating (pairs and groups pooled), out of "
      "sample: current weights %s, "
      "learned weights %s",
      Rho(result->rho_before), Rho(result->rho_after));
  if (result->rho_before.has_value() && result->rho_after.has_value()) {
    std::cout << absl::StrFormat(" (%+.3f)",
                                 *result->rho_after - *result->rho_before);
  }
  std::cout << '\n';
  if (!(result->shares.sum() > 0.0)) {
    std::cerr << "sopu: the outcomes do not support any criterion; no "
                 "policy proposed\n";
    return kExitInvalidInput;
  }
  if (options.output_path.empty()) {
    std::cout << "Give -o FILE to write the proposed policy.\n";
    return kExitOk;
  }
  const sopu::v1::Policy proposed =
      service::ProposedPolicy(*policy, *input, result->shares);
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

}  // namespace sopu::cli
