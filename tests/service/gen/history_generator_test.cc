#include "service/gen/history_generator.h"

#include <map>
#include <set>

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

// MakeGroups: a generated past cohort with groups, `peers` peers only or
// (peers 0) 20 mentors and 45 mentees.
sopu::v1::PastCohort MakeGroups(std::uint64_t seed, int peers) {
  CohortGenOptions o;
  o.mentors = peers > 0 ? 0 : 20;
  o.mentees = peers > 0 ? 0 : 45;
  o.peers = peers;
  o.seed = seed;
  HistoryGenOptions h;
  h.seed = seed + 1;
  h.groups = true;
  absl::StatusOr<sopu::v1::PastCohort> past = GeneratePastCohort(
      "r", GenerateCohort(o), GeneratorPolicy(), GeneratorTruth(), h);
  EXPECT_TRUE(past.ok()) << past.status();
  return *past;
}

TEST(GeneratePastCohort, GroupsSameSeedSameBytes) {
  for (const int peers : {0, 37}) {
    EXPECT_EQ(DeterministicJson(MakeGroups(3, peers)),
              DeterministicJson(MakeGroups(3, peers)));
    EXPECT_NE(DeterministicJson(MakeGroups(3, peers)),
              DeterministicJson(MakeGroups(4, peers)));
  }
}

TEST(GeneratePastCohort, GroupsDoNotChangeThePairs) {
  const sopu::v1::PastCohort with = MakeGroups(8, 0);
  sopu::v1::PastCohort without = Make(8);
  EXPECT_GT(with.groups_size(), 0);
  sopu::v1::PastCohort stripped = with;
  stripped.clear_groups();
  EXPECT_EQ(DeterministicJson(stripped), DeterministicJson(without));
}

TEST(GeneratePastCohort, GroupsObeySizesAndHoldEachMemberOnce) {
  for (const auto& [seed, peers] : std::vector<std::pair<std::uint64_t, int>>{
           {5, 0}, {6, 37}, {7, 60}, {8, 9}, {9, 3}}) {
    const sopu::v1::PastCohort past = MakeGroups(seed, peers);
    service::ViolationList violations;
    service::ValidatePastCohort(past, violations);
    for (const auto& v : violations.violations()) {
      ADD_FAILURE() << v.field() << ": " << v.description();
    }
    const sopu::v1::Role role =
        peers > 0 ? sopu::v1::ROLE_PEER : sopu::v1::ROLE_MENTEE;
    std::set<std::string> pool;
    for (const auto& p : past.cohort().participants()) {
      for (const int r : p.roles()) {
        if (r == role) pool.insert(p.id());
      }
    }
    if (peers > 0) {
      EXPECT_EQ(past.pairs_size(), 0);
    }
    std::set<std::string> seen;
    for (const auto& group : past.groups()) {
      EXPECT_GE(group.member_ids_size(), 4);
      EXPECT_LE(group.member_ids_size(), 6);
      for (const std::string& id : group.member_ids()) {
        EXPECT_TRUE(seen.insert(id).second) << "a member in two groups";
        EXPECT_EQ(pool.count(id), 1U) << "a member outside the pool";
      }
      if (group.has_rating()) {
        EXPECT_GE(group.rating(), 1.0);
        EXPECT_LE(group.rating(), 5.0);
      }
    }
    // Everyone is grouped unless fewer than 4 are left over.
    const auto n = static_cast<int>(pool.size());
    EXPECT_GE(static_cast<int>(seen.size()), n < 4 ? 0 : n - 3) << seed;
    if (n < 4) {
      EXPECT_EQ(past.groups_size(), 0);
    }
  }
}

TEST(GeneratePastCohort, RejectsBadGroupSizes) {
  CohortGenOptions o;
  HistoryGenOptions h;
  h.groups = true;
  h.group_min = 5;
  h.group_max = 4;
  EXPECT_EQ(GeneratePastCohort("r", GenerateCohort(o), GeneratorPolicy(),
                               GeneratorTruth(), h)
                .status()
                .message(),
            "group sizes must satisfy 2 <= min <= max <= 50");
}

}  // namespace
}  // namespace sopu::gen
