// `sopu gen`: writes synthetic cohorts (CSV or JSON), or past cohorts with
// historical pairs and outcomes (--history; with --groups also historical
// groups), seeded and reproducible.
#include <charconv>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/gen/cohort_csv_writer.h"
#include "service/gen/cohort_generator.h"
#include "service/gen/deterministic_json.h"
#include "service/gen/gen_random.h"
#include "service/gen/history_generator.h"
#include "service/io/json_files.h"
#include "service/render/violations_render.h"
#include "service/status/bad_request.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool ParseInt(std::string_view text, int& out) {
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// ParseGroupSize reads "MIN-MAX" or "N" into 2 <= min <= max <= 50.
bool ParseGroupSize(const std::string& text, int& min, int& max) {
  const std::size_t dash = text.find('-');
  const bool ok =
      dash == std::string::npos
          ? ParseInt(text, min) && ParseInt(text, max)
          : ParseInt(std::string_view(text).substr(0, dash), min) &&
                ParseInt(std::string_view(text).substr(dash + 1), max);
  return ok && min >= 2 && min <= max && max <= 50;
}

}  // namespace

int RunGen(const GenOptions& options) {
  GenOptions o = options;
  if (o.peers > 0) {
    o.mentors = std::max(o.mentors, 0);
    o.mentees = std::max(o.mentees, 0);
  } else {
    if (o.mentors < 0) o.mentors = 15;
    if (o.mentees < 0) o.mentees = 40;
  }
  if (o.mentors + o.mentees + o.peers == 0) {
    std::cerr << "sopu: nothing to generate; give --mentors, --mentees or "
                 "--peers\n";
    return kExitUsage;
  }
  if (o.groups && !o.history) {
    std::cerr << "sopu: --groups needs --history\n";
    return kExitUsage;
  }
  int group_min = 0;
  int group_max = 0;
  if (o.groups && !ParseGroupSize(o.group_size, group_min, group_max)) {
    std::cerr << "sopu: --group-size must be MIN-MAX or N with 2 <= MIN <= "
                 "MAX <= 50\n";
    return kExitUsage;
  }
  if (o.history && !o.groups && (o.mentors == 0 || o.mentees == 0)) {
    std::cerr << "sopu: --history needs mentors and mentees\n";
    return kExitUsage;
  }
  if (o.history && o.groups && o.peers == 0 && o.mentees == 0) {
    std::cerr << "sopu: --groups needs peers or mentees\n";
    return kExitUsage;
  }
  if (o.history && o.format == "csv") {
    std::cerr << "sopu: --history writes past cohorts as JSON; drop --format "
                 "csv\n";
    return kExitUsage;
  }
  if (!o.history && (!o.policy_path.empty() || !o.truth_path.empty())) {
    std::cerr << "sopu: --policy and --truth need --history\n";
    return kExitUsage;
  }
  if (o.count > 1 && o.out_dir.empty()) {
    std::cerr << "sopu: --count needs --out DIR\n";
    return kExitUsage;
  }
  if (!o.out_dir.empty() && !o.output_path.empty()) {
    std::cerr << "sopu: give either -o FILE or --out DIR\n";
    return kExitUsage;
  }
  std::string format = o.format;
  if (o.history) {
    format = "json";
  } else if (format.empty()) {
    format = EndsWith(o.output_path, ".json") ? "json" : "csv";
  }

  // The staff policy and the hidden truth of --history.
  sopu::v1::Policy staff = gen::GeneratorPolicy();
  sopu::v1::Policy truth = gen::GeneratorTruth();
  if (!o.policy_path.empty()) {
    absl::StatusOr<sopu::v1::Policy> policy = io::ReadPolicyFile(o.policy_path);
    if (!policy.ok()) {
      std::cerr << "sopu: " << policy.status().message() << '\n';
      return ExitCodeOf(policy.status());
    }
    staff = *policy;
    truth = staff;  // a custom policy's own soft weights are the truth
    truth.set_name("true weights (the policy's soft weights)");
    for (auto& c : *truth.mutable_criteria()) {
      if (c.hard()) c.set_weight(0.0);
    }
  }
  if (!o.truth_path.empty()) {
    if (const int code =
            WriteOutput(o.truth_path, gen::DeterministicJson(truth));
        code != kExitOk) {
      return code;
    }
  }
  if (!o.out_dir.empty()) {
    std::error_code error;
    std::filesystem::create_directories(o.out_dir, error);
    if (error) {
      std::cerr << "sopu: " << o.out_dir << ": cannot create the folder\n";
      return kExitIo;
    }
  }
  const int width =
      std::max(3, static_cast<int>(std::to_string(o.count).size()));
  for (int k = 0; k < o.count; ++k) {
    gen::CohortGenOptions cohort_options;
    cohort_options.mentors = o.mentors;
    cohort_options.mentees = o.mentees;
    cohort_options.peers = o.peers;
    cohort_options.avoid_rate = o.avoid_rate;
    cohort_options.seed = gen::MixSeed(o.seed, static_cast<std::uint64_t>(k));
    cohort_options.program = absl::StrFormat(
        "Synteettinen kohortti (siemen %d, nro %d)", o.seed, k + 1);
    const sopu::v1::Cohort cohort = gen::GenerateCohort(cohort_options);
    std::string text;
    std::string name;
    if (o.history) {
      name = absl::StrFormat("past-%0*d", width, k + 1);
      gen::HistoryGenOptions history;
      history.noise = o.noise;
      history.seed = gen::MixSeed(cohort_options.seed, 1);
      history.groups = o.groups;
      history.group_min = group_min;
      history.group_max = group_max;
      absl::StatusOr<sopu::v1::PastCohort> past =
          gen::GeneratePastCohort(name, cohort, staff, truth, history);
      if (!past.ok()) {
        const auto problems = service::ViolationsOf(past.status());
        std::cerr << "sopu: " << past.status().message() << '\n';
        if (!problems.empty()) {
          service::PrintViolations(problems, false, nullptr, std::cerr);
        }
        return ExitCodeOf(past.status());
      }
      text = gen::DeterministicJson(*past);
    } else {
      name = absl::StrFormat("cohort-%0*d", width, k + 1);
      text = format == "json" ? gen::DeterministicJson(cohort)
                              : gen::WriteCohortCsv(cohort);
    }
    const std::string path =
        o.out_dir.empty()
            ? o.output_path
            : (std::filesystem::path(o.out_dir) /
               absl::StrCat(name, format == "json" ? ".json" : ".csv"))
                  .string();
    if (const int code = WriteOutput(path, text); code != kExitOk) return code;
  }
  spdlog::info("generated {} cohorts of {} mentors, {} mentees, {} peers",
               o.count, o.mentors, o.mentees, o.peers);
  return kExitOk;
}

}  // namespace sopu::cli
