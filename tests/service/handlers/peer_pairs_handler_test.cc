#include "service/handlers/peer_pairs_handler.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/status/bad_request.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::sopu::testing::ToPairs;
using ::testing::ElementsAre;
using ::testing::Pair;

// Peers p1, p3 are strong in lead and want craft; p2, p4 the other way
// round; p5 speaks only sv. Both directions of (lead, craft) pairs score
// 5*5 / (5*5) = 1.0; two alike peers score 0.
sopu::v1::PeerPairsRequest Request() {
  sopu::v1::PeerPairsRequest request;
  auto* cohort = request.mutable_cohort();
  cohort->mutable_taxonomy()->add_themes()->set_id("lead");
  cohort->mutable_taxonomy()->add_themes()->set_id("craft");
  auto add = [&](const std::string& id, const std::string& strong,
                 const std::string& wants, const std::string& language) {
    auto* p = cohort->add_participants();
    p->set_id(id);
    p->add_roles(sopu::v1::ROLE_PEER);
    (*p->mutable_competences())[strong] = 5;
    (*p->mutable_goals())[wants] = 5;
    (*p->mutable_tags())["languages"].add_values(language);
  };
  add("p1", "lead", "craft", "fi");
  add("p2", "craft", "lead", "fi");
  add("p3", "lead", "craft", "fi");
  add("p4", "craft", "lead", "fi");
  add("p5", "craft", "lead", "sv");
  return request;
}

TEST(PeerPairsHandler, PairsComplementaryPeersAndExplainsTheRest) {
  auto response = HandlePeerPairs(Request());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status(), sopu::v1::SOLVER_STATUS_OPTIMAL);
  ASSERT_EQ(response->pairs_size(), 2);
  for (const auto& pair : response->pairs()) {
    // Every pair joins a lead peer (p1, p3) with a craft peer (p2, p4).
    const bool first_lead = pair.first_id() == "p1" || pair.first_id() == "p3";
    const bool second_lead =
        pair.second_id() == "p1" || pair.second_id() == "p3";
    EXPECT_NE(first_lead, second_lead) << pair.first_id() << pair.second_id();
    EXPECT_NEAR(pair.score(), (1.0 + 1.0) / 2, 1e-6);
    ASSERT_EQ(pair.reasons_size(), 1);
    EXPECT_EQ(pair.reasons(0).criterion(), "complement");
  }
  EXPECT_NEAR(response->summary().total(), 2.0, 1e-6);
  EXPECT_EQ(response->summary().peers(), 5);
  EXPECT_EQ(response->summary().paired(), 4);
  ASSERT_EQ(response->unpaired_size(), 1);
  EXPECT_EQ(response->unpaired(0).id(), "p5");
  EXPECT_EQ(response->unpaired(0).reason(),
            "no allowed peer; rule shared-language excludes 4 of 4");
}

TEST(PeerPairsHandler, MinScoreLimitsThePartners) {
  auto request = Request();
  (*request.mutable_cohort()
        ->mutable_participants(4)
        ->mutable_tags())["languages"]
      .add_values("fi");
  // p5 now speaks fi, but with a minimum of 0.5 only cross pairs qualify,
  // and there are three craft peers for two lead peers.
  request.set_min_score(0.5);
  auto response = HandlePeerPairs(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->pairs_size(), 2);
  ASSERT_EQ(response->unpaired_size(), 1);
  EXPECT_EQ(response->unpaired(0).reason(),
            "all 2 peers it could be paired with are paired with others");
}

TEST(PeerPairsHandler, NeedsTwoPeers) {
  sopu::v1::PeerPairsRequest request;
  *request.mutable_cohort() = sopu::testing::ValidCohort();
  request.set_min_score(2);
  auto response = HandlePeerPairs(request);
  ASSERT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(response.status())),
              ElementsAre(Pair("min_score", "must be in 0..1"),
                          Pair("cohort.participants",
                               "peer pairs need at least two participants "
                               "with the role peer")));
}

}  // namespace
}  // namespace sopu::service
