// LoadPastCohorts reads every past-cohort file of a folder for `sopu bench`
// and `sopu calibrate`; ReadPolicyFiles reads their policies.
#ifndef SOPU_SERVICE_CLI_PAST_COHORT_LOADING_H_
#define SOPU_SERVICE_CLI_PAST_COHORT_LOADING_H_

#include <optional>
#include <string>
#include <vector>

#include "sopu/v1/history.pb.h"

namespace sopu::cli {

// LoadPastCohorts reads and validates every `*.json` file of `dir` (file-name
// order) on `jobs` threads. On any problem it prints every problem of every
// file (located by file and field path) and returns the exit code; nothing is
// run then.
[[nodiscard]] std::optional<int> LoadPastCohorts(
    const std::string& dir, int jobs,
    std::vector<sopu::v1::PastCohort>& rounds);

// PolicyLabel: the file name without extension.
[[nodiscard]] std::string PolicyLabel(const std::string& path);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_PAST_COHORT_LOADING_H_
