// SolveBudget: how many seconds a time-limited solver may search for one
// call — the smaller of the request's own time limit and the call's
// remaining deadline less a margin for scoring, the report and the reply
// (the plan's §1.5: budget = min(time_limit, deadline − now − margin)).
// A budget below kMinUsefulBudgetSeconds is not worth starting: the call
// fails fast with DEADLINE_EXCEEDED (ErrorInfo reason DEADLINE_TOO_SHORT).
#ifndef SOPU_SERVICE_SERVER_SOLVE_BUDGET_H_
#define SOPU_SERVICE_SERVER_SOLVE_BUDGET_H_

#include <optional>

#include "absl/status/statusor.h"

namespace sopu::server {

// kMinUsefulBudgetSeconds: the shortest search worth starting.
inline constexpr double kMinUsefulBudgetSeconds = 0.01;

// DeadlineMargin: 10% of the remaining time, within [20 ms, 1 s].
[[nodiscard]] double DeadlineMargin(double remaining_seconds);

// SolveBudget: `requested_seconds` (> 0) when there is no deadline
// (`remaining_seconds` nullopt), else min(requested, remaining − margin).
[[nodiscard]] absl::StatusOr<double> SolveBudget(
    double requested_seconds, std::optional<double> remaining_seconds);

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_SOLVE_BUDGET_H_
