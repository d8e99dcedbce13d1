#include "service/validation/violation_list.h"

#include <utility>

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

}  // namespace sopu::service
