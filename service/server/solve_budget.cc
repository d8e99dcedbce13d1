#include "service/server/solve_budget.h"

#include <algorithm>

#include "service/server/status_mapping.h"

namespace sopu::server {

double DeadlineMargin(double remaining_seconds) {
  return std::clamp(0.1 * remaining_seconds, 0.02, 1.0);
}

absl::StatusOr<double> SolveBudget(double requested_seconds,
                                   std::optional<double> remaining_seconds) {
  if (!remaining_seconds.has_value()) return requested_seconds;
  const double available =
      *remaining_seconds - DeadlineMargin(*remaining_seconds);
  if (available < kMinUsefulBudgetSeconds) {
    return WithErrorInfo(
        absl::DeadlineExceededError(
            "the call's deadline leaves too little time to search"),
        kReasonDeadlineTooShort);
  }
  return std::min(requested_seconds, available);
}

}  // namespace sopu::server
