#include "service/server/input_hash.h"

#include "gtest/gtest.h"
#include "sopu/v1/sopu.pb.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::server {
namespace {

TEST(InputHash, KnownSha256) {
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(InputHash, EqualRequestsHashEqualDifferentOnesDiffer) {
  sopu::v1::MatchRequest a;
  *a.mutable_cohort() = testing::ValidCohort();
  sopu::v1::MatchRequest b = a;
  EXPECT_EQ(InputHash(a), InputHash(b));
  EXPECT_EQ(InputHash(a).size(), 64U);
  b.set_objective(sopu::v1::OBJECTIVE_FAIR);
  EXPECT_NE(InputHash(a), InputHash(b));
}

TEST(InputHash, MapOrderDoesNotMatter) {
  sopu::v1::Participant a;
  (*a.mutable_goals())["lead"] = 1;
  (*a.mutable_goals())["craft"] = 2;
  sopu::v1::Participant b;
  (*b.mutable_goals())["craft"] = 2;
  (*b.mutable_goals())["lead"] = 1;
  EXPECT_EQ(InputHash(a), InputHash(b));
}

}  // namespace
}  // namespace sopu::server
