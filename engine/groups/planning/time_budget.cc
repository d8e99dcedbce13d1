#include "engine/groups/planning/time_budget.h"

#include <algorithm>
#include <cmath>

namespace sopu {

std::vector<double> ShareTimeBudget(const std::vector<int>& part_sizes,
                                    double time_limit_seconds) {
  double weight_total = 0.0;
  for (const int n : part_sizes) {
    weight_total += std::pow(static_cast<double>(n), 2.0);
  }
  std::vector<double> out;
  out.reserve(part_sizes.size());
  for (const int n : part_sizes) {
    out.push_back(
        std::max(kMinPartSeconds, time_limit_seconds *
                                      std::pow(static_cast<double>(n), 2.0) /
                                      std::max(weight_total, 1.0)));
  }
  return out;
}

}  // namespace sopu
