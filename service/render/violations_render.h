// Rendering of validation problems for people: one line each, located by
// row and column for CSV input (through its SourceMap) and by field path
// otherwise.
#ifndef SOPU_SERVICE_RENDER_VIOLATIONS_RENDER_H_
#define SOPU_SERVICE_RENDER_VIOLATIONS_RENDER_H_

#include <ostream>
#include <string>
#include <vector>

#include "google/rpc/error_details.pb.h"
#include "service/io/source_map.h"

namespace sopu::service {

// FormatViolation returns "where: description"; `source` may be nullptr.
[[nodiscard]] std::string FormatViolation(
    const google::rpc::BadRequest::FieldViolation& violation,
    const io::SourceMap* source);

// PrintViolations writes one line per violation, then a count line such as
// "3 problems" (or "100+ problems" when truncated).
void PrintViolations(
    const std::vector<google::rpc::BadRequest::FieldViolation>& violations,
    bool truncated, const io::SourceMap* source, std::ostream& out);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_VIOLATIONS_RENDER_H_
