#include "service/gen/history_generator.h"

#include <map>

#include "gtest/gtest.h"
#include "service/gen/cohort_generator.h"
#include "service/gen/deterministic_json.h"
#include "service/history/past_cohort_validator.h"

namespace sopu::gen {
namespace {

sopu::v1::PastCohort Make(std::uint64_t seed) {
  CohortGenOptions o;
  o.mentors = 20;
  o.mentees = 45;
  o.seed = seed;
  HistoryGenOptions h;
  h.seed = seed + 1;
  absl::StatusOr<sopu::v1::PastCohort> past = GeneratePastCohort(
      "r", GenerateCohort(o), GeneratorPolicy(), GeneratorTruth(), h);
  EXPECT_TRUE(past.ok()) << past.status();
  return *past;
}

TEST(GeneratePastCohort, SameSeedSameBytes) {
  EXPECT_EQ(DeterministicJson(Make(3)), DeterministicJson(Make(3)));
  EXPECT_NE(DeterministicJson(Make(3)), DeterministicJson(Make(4)));
}

TEST(GeneratePastCohort, ValidAndWithinCapacity) {
  const sopu::v1::PastCohort past = Make(8);
  service::ViolationList violations;
  service::ValidatePastCohort(past, violations);
  for (const auto& v : violations.violations()) {
    ADD_FAILURE() << v.field() << ": " << v.description();
  }
  std::map<std::string, int> capacity;
  for (const auto& p : past.cohort().participants()) {
    if (p.has_capacity()) capacity[p.id()] = p.capacity();
  }
  std::map<std::string, int> used;
  int rated = 0;
  for (const auto& pair : past.pairs()) {
    EXPECT_LE(++used[pair.mentor_id()], capacity[pair.mentor_id()]);
    if (pair.has_rating()) {
      ++rated;
      EXPECT_EQ(pair.rating(), std::round(pair.rating()));
    }
  }
  EXPECT_GT(past.pairs_size(), 30);
  EXPECT_GT(rated, past.pairs_size() / 2);
}

TEST(GeneratePastCohort, RejectsTruthOfAnotherShape) {
  CohortGenOptions o;
  sopu::v1::Policy truth = GeneratorTruth();
  truth.mutable_criteria()->RemoveLast();
  EXPECT_EQ(
      GeneratePastCohort("r", GenerateCohort(o), GeneratorPolicy(), truth, {})
          .status()
          .message(),
      "the true weights must name the staff policy's criteria");
}

}  // namespace
}  // namespace sopu::gen
