#include "service/validation/violation_list.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace sopu::service {

void ViolationList::Add(std::string field, std::string description) {
  if (violations_.size() >= max_) {
    truncated_ = true;
    return;
  }
  FieldViolation& v = violations_.emplace_back();
  v.set_field(std::move(field));
  v.set_description(std::move(description));
}

absl::Status ViolationList::ToStatus() const {
  const std::size_t n = violations_.size();
  return InvalidArgumentWithViolations(
      absl::StrCat("the request has ", n, truncated_ ? "+" : "",
                   n == 1 ? " problem" : " problems"),
      violations_);
}

}  // namespace sopu::service
