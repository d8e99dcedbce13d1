// PolicyRows lists the policy a result was computed with, one row per
// criterion and one per pair rule, for the staff outputs (the workbook's
// Policy sheet and the report's summary page).
#ifndef SOPU_SERVICE_RENDER_POLICY_ROWS_H_
#define SOPU_SERVICE_RENDER_POLICY_ROWS_H_

#include <string>
#include <vector>

#include "service/render/staff_words.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::service {

// PolicyRow: a criterion (kind "complement", "similar", ...; its weight and
// whether it must hold) or a rule (kind "rule", weight 0).
struct PolicyRow {
  std::string name;
  std::string kind;
  double weight = 0.0;
  // A criterion's share of the score: weight / sum of weights (0 for rules).
  double share = 0.0;
  bool hard = false;
  // The settings in words, e.g. "attribute language".
  std::string details;
};

// PolicyRows: the criteria in policy order, then "same organisation" and
// "avoid lists" (hard when the policy applies them), in `words`.
[[nodiscard]] std::vector<PolicyRow> PolicyRows(const sopu::v1::Policy& policy,
                                                const StaffWords& words);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_POLICY_ROWS_H_
