// Test helpers: a small valid v1 cohort to break one field at a time, and a
// matcher for the field violations of a status or list.
#ifndef SOPU_TESTS_SERVICE_TESTING_COHORT_BUILDER_H_
#define SOPU_TESTS_SERVICE_TESTING_COHORT_BUILDER_H_

#include <string>
#include <utility>
#include <vector>

#include "google/rpc/error_details.pb.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::testing {

// ValidCohort: themes {lead, craft}; mentors m1 (cap 2), m2; mentees a1, a2.
// Everyone speaks fi; a2 also sv.
inline sopu::v1::Cohort ValidCohort() {
  sopu::v1::Cohort cohort;
  cohort.set_program("test");
  cohort.mutable_taxonomy()->add_themes()->set_id("lead");
  cohort.mutable_taxonomy()->add_themes()->set_id("craft");
  auto add = [&](const std::string& id, sopu::v1::Role role) {
    sopu::v1::Participant* p = cohort.add_participants();
    p->set_id(id);
    p->add_roles(role);
    (*p->mutable_tags())["languages"].add_values("fi");
    return p;
  };
  auto* m1 = add("m1", sopu::v1::ROLE_MENTOR);
  (*m1->mutable_competences())["lead"] = 5;
  (*m1->mutable_competences())["craft"] = 1;
  m1->set_capacity(2);
  auto* m2 = add("m2", sopu::v1::ROLE_MENTOR);
  (*m2->mutable_competences())["craft"] = 4;
  auto* a1 = add("a1", sopu::v1::ROLE_MENTEE);
  (*a1->mutable_goals())["lead"] = 4;
  auto* a2 = add("a2", sopu::v1::ROLE_MENTEE);
  (*a2->mutable_goals())["craft"] = 3;
  (*a2->mutable_tags())["languages"].add_values("sv");
  return cohort;
}

// Violation pairs (field, description) for compact expectations.
using Pairs = std::vector<std::pair<std::string, std::string>>;

template <typename Range>
Pairs ToPairs(const Range& violations) {
  Pairs out;
  for (const google::rpc::BadRequest::FieldViolation& v : violations) {
    out.emplace_back(v.field(), v.description());
  }
  return out;
}

}  // namespace sopu::testing

#endif  // SOPU_TESTS_SERVICE_TESTING_COHORT_BUILDER_H_
