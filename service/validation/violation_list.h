// ViolationList collects validation problems up to a cap, in the order found.
// Each problem is a google.rpc.BadRequest.FieldViolation: a field path (e.g.
// "cohort.participants[3].goals.leadership") and a description that never
// repeats a value of the input (values are personal data).
#ifndef SOPU_SERVICE_VALIDATION_VIOLATION_LIST_H_
#define SOPU_SERVICE_VALIDATION_VIOLATION_LIST_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "service/status/bad_request.h"

namespace sopu::service {

// kDefaultMaxViolations is how many problems a response lists at most.
inline constexpr std::size_t kDefaultMaxViolations = 100;

class ViolationList {
 public:
  explicit ViolationList(std::size_t max_violations = kDefaultMaxViolations)
      : max_(max_violations) {}

  // Add records one problem; beyond the cap it only marks the list truncated.
  void Add(std::string field, std::string description);

  [[nodiscard]] bool empty() const { return violations_.empty(); }
  [[nodiscard]] bool truncated() const { return truncated_; }
  [[nodiscard]] const std::vector<FieldViolation>& violations() const {
    return violations_;
  }

  // ToStatus returns INVALID_ARGUMENT "the request has N problems" ("N+"
  // when truncated) carrying every violation as google.rpc.BadRequest.
  [[nodiscard]] absl::Status ToStatus() const;

 private:
  std::size_t max_;
  bool truncated_ = false;
  std::vector<FieldViolation> violations_;
};

}  // namespace sopu::service

#endif  // SOPU_SERVICE_VALIDATION_VIOLATION_LIST_H_
