// DefaultPolicyNote: the line `sopu` prints to standard error when no
// --policy is given, saying which criteria of the default policy apply to
// this cohort and which were left out for lack of data, e.g.
//   note: no --policy given; scoring by complement (weight 1) and
//   shared-language (hard rule); left out: none
#ifndef SOPU_SERVICE_CLI_DEFAULT_POLICY_NOTE_H_
#define SOPU_SERVICE_CLI_DEFAULT_POLICY_NOTE_H_

#include <string>

#include "sopu/v1/cohort.pb.h"

namespace sopu::cli {

[[nodiscard]] std::string DefaultPolicyNote(const sopu::v1::Cohort& cohort);

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_DEFAULT_POLICY_NOTE_H_
