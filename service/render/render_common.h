// Pieces every response renderer shares: display names looked up from the
// cohort the user supplied (responses carry ids only), and criterion reasons
// as text or as CSV cells.
#ifndef SOPU_SERVICE_RENDER_RENDER_COMMON_H_
#define SOPU_SERVICE_RENDER_RENDER_COMMON_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>

#include "google/protobuf/repeated_ptr_field.h"
#include "service/render/csv_dialect.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

using Reasons =
    google::protobuf::RepeatedPtrField<sopu::v1::CriterionContribution>;

// kCsvReasonColumns is how many reason / contribution column pairs a CSV
// export has (the explanations list at most this many).
inline constexpr int kCsvReasonColumns = 3;

// kIdWidth / kNameWidth: the table columns of a participant's id and name.
inline constexpr std::size_t kIdWidth = 8;
inline constexpr std::size_t kNameWidth = 24;

// DisplayNames maps participant ids to display names ("" when unknown).
class DisplayNames {
 public:
  explicit DisplayNames(const sopu::v1::Cohort& cohort);
  [[nodiscard]] std::string_view Of(const std::string& id) const;

 private:
  std::unordered_map<std::string, std::string> names_;
};

// PolicyName: the policy's name, or "(unnamed)".
[[nodiscard]] std::string PolicyName(const sopu::v1::Policy& policy);

// MatchObjectiveText: "optimal", "max-score", "fair" or "stable" (as the
// --objective option names them).
[[nodiscard]] std::string MatchObjectiveText(sopu::v1::Objective objective);

// MatchStatusText: the solver status in words, e.g. "optimal (proven)".
[[nodiscard]] std::string MatchStatusText(sopu::v1::SolverStatus status);

// GroupsStatusText: the grouping status in words, e.g. "every rule holds".
[[nodiscard]] const char* GroupsStatusText(sopu::v1::GroupsStatus status);

// ReasonsText: "complement 0.44 · travel 0.12".
[[nodiscard]] std::string ReasonsText(const Reasons& reasons);

// WriteCsvReasons writes kCsvReasonColumns pairs of ",criterion,contribution"
// cells in `dialect` (empty where there are fewer reasons).
void WriteCsvReasons(const Reasons& reasons, const CsvDialect& dialect,
                     std::ostream& out);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_RENDER_COMMON_H_
