#include "service/handlers/score_handler.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/status/bad_request.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::sopu::testing::ToPairs;
using ::sopu::testing::ValidCohort;
using ::testing::ElementsAre;
using ::testing::Pair;

sopu::v1::ScoreRequest Request() {
  sopu::v1::ScoreRequest request;
  *request.mutable_cohort() = ValidCohort();
  return request;
}

TEST(ScoreHandler, RanksMentorsWithReasonsUnderTheDefaultPolicy) {
  auto response = HandleScore(Request());
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->mentees_size(), 2);

  // a1 wants lead (4): m1 has lead 5, m2 has none.
  const auto& a1 = response->mentees(0);
  EXPECT_EQ(a1.mentee_id(), "a1");
  EXPECT_EQ(a1.allowed_mentors(), 2);
  ASSERT_EQ(a1.mentors_size(), 2);
  EXPECT_EQ(a1.mentors(0).mentor_id(), "m1");
  EXPECT_EQ(a1.mentors(0).rank(), 1);
  EXPECT_NEAR(a1.mentors(0).score(), (4.0 * 5) / (5.0 * 4), 1e-9);
  ASSERT_EQ(a1.mentors(0).top_reasons_size(), 1);
  EXPECT_EQ(a1.mentors(0).top_reasons(0).criterion(), "complement");
  EXPECT_EQ(a1.mentors(1).mentor_id(), "m2");
  EXPECT_NEAR(a1.mentors(1).score(), 0.0, 1e-9);
  EXPECT_EQ(a1.mentors(1).top_reasons_size(), 0);  // nothing contributes

  // a2 wants craft (3): m2 has craft 4, m1 craft 1.
  const auto& a2 = response->mentees(1);
  ASSERT_EQ(a2.mentors_size(), 2);
  EXPECT_EQ(a2.mentors(0).mentor_id(), "m2");
  EXPECT_NEAR(a2.mentors(0).score(), (3.0 * 4) / (5.0 * 3), 1e-9);
  EXPECT_NEAR(a2.mentors(1).score(), (3.0 * 1) / (5.0 * 3), 1e-9);

  const auto& s = response->summary();
  EXPECT_EQ(s.mentees(), 2);
  EXPECT_EQ(s.mentors(), 2);
  EXPECT_EQ(s.allowed_pairs(), 4);
  EXPECT_EQ(s.forbidden_pairs(), 0);
  EXPECT_NEAR(s.mean_best_score(), (1.0 + 0.8) / 2, 1e-9);
  EXPECT_EQ(response->policy().name(), "default");
  EXPECT_FALSE(response->engine_version().empty());
}

TEST(ScoreHandler, ACancelledCallScoresNothingAndSaysSo) {
  CancellationToken cancel;
  cancel.Cancel();
  auto response = HandleScore(Request(), {.cancel = &cancel});
  EXPECT_EQ(response.status().code(), absl::StatusCode::kCancelled);
  // The same request without the token is answered.
  CancellationToken idle;
  EXPECT_TRUE(HandleScore(Request(), {.cancel = &idle}).ok());
}

TEST(ScoreHandler, TopKLimitsTheList) {
  auto request = Request();
  request.set_top_k(1);
  auto response = HandleScore(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->mentees(0).mentors_size(), 1);
  EXPECT_EQ(response->mentees(0).allowed_mentors(), 2);
}

TEST(ScoreHandler, NamesTheRuleThatExcludesEveryMentor) {
  auto request = Request();
  auto& tags =
      *request.mutable_cohort()->mutable_participants(3)->mutable_tags();
  tags["languages"].clear_values();
  tags["languages"].add_values("sv");
  auto response = HandleScore(request);
  ASSERT_TRUE(response.ok()) << response.status();
  const auto& a2 = response->mentees(1);
  EXPECT_EQ(a2.mentors_size(), 0);
  EXPECT_EQ(a2.allowed_mentors(), 0);
  EXPECT_EQ(a2.exclusion(), "rule shared-language excludes all 2 mentors");
  ASSERT_EQ(a2.excluded_by_size(), 1);
  EXPECT_EQ(a2.excluded_by(0).rule(), "shared-language");
  EXPECT_EQ(a2.excluded_by(0).mentors_excluded(), 2);
  EXPECT_EQ(response->summary().mentees_without_mentor(), 1);
  EXPECT_EQ(response->summary().forbidden_pairs(), 2);
}

TEST(ScoreHandler, AvoidListsCountOnlyWhenThePolicyHonoursThem) {
  auto request = Request();
  auto* a2 = request.mutable_cohort()->mutable_participants(3);
  a2->add_avoid("m1");
  a2->add_avoid("m2");
  auto& tags = *a2->mutable_tags();
  tags["languages"].clear_values();
  tags["languages"].add_values("en");
  auto* policy = request.mutable_policy();
  auto* complement = policy->add_criteria();
  complement->set_weight(1);
  complement->mutable_complement();
  auto* language = policy->add_criteria();
  language->set_name("shared-language");
  language->set_hard(true);
  language->mutable_overlap()->set_tags("languages");
  policy->set_honour_avoid_lists(false);
  auto response = HandleScore(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->mentees(1).exclusion(),
            "rule shared-language excludes all 2 mentors");
  ASSERT_EQ(response->mentees(1).excluded_by_size(), 1);
}

TEST(ScoreHandler, MixedRulesAreCounted) {
  auto request = Request();
  auto* a1 = request.mutable_cohort()->mutable_participants(2);
  a1->add_avoid("m1");
  auto& tags = *a1->mutable_tags();
  tags["languages"].clear_values();
  tags["languages"].add_values("en");
  (*request.mutable_cohort()
        ->mutable_participants(0)
        ->mutable_tags())["languages"]
      .add_values("en");
  auto response = HandleScore(request);
  ASSERT_TRUE(response.ok()) << response.status();
  const auto& out = response->mentees(0);
  EXPECT_EQ(out.mentors_size(), 0);
  EXPECT_EQ(out.exclusion(),
            "each of the 2 mentors is excluded by one of: avoid-list (1), "
            "shared-language (1)");
}

TEST(ScoreHandler, InvalidInputIsRejectedWithEveryProblem) {
  auto request = Request();
  request.set_top_k(5000);
  (*request.mutable_cohort()
        ->mutable_participants(2)
        ->mutable_goals())["lead"] = 9;
  request.mutable_cohort()->mutable_participants(3)->set_id("a1");
  auto response = HandleScore(request);
  ASSERT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(response.status().message(), "the request has 3 problems");
  EXPECT_THAT(ToPairs(ViolationsOf(response.status())),
              ElementsAre(Pair("top_k", "must be in 1..1000 (0 means 5)"),
                          Pair("cohort.participants[2].goals.lead",
                               "importance must be in 0..5"),
                          Pair("cohort.participants[3].id",
                               "duplicates the id of participants[2]")));
}

TEST(ScoreHandler, NeedsMentorsAndMentees) {
  auto request = Request();
  for (int i = 0; i < 2; ++i) {
    auto* p = request.mutable_cohort()->mutable_participants(i);
    p->clear_roles();
    p->add_roles(sopu::v1::ROLE_FACILITATOR);
  }
  auto response = HandleScore(request);
  ASSERT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(response.status())),
              ElementsAre(Pair("cohort.participants",
                               "no participant has the role mentor; scoring "
                               "needs at least one mentee and one mentor")));
}

TEST(ScoreHandler, ExplicitPolicyIsAppliedAndEchoed) {
  auto request = Request();
  auto* policy = request.mutable_policy();
  policy->set_name("craft only");
  auto* c = policy->add_criteria();
  c->set_weight(2);
  c->mutable_complement()->add_themes("craft");
  auto response = HandleScore(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->policy().name(), "craft only");
  // a1 has no craft goal: every complement value is 0 under this policy.
  EXPECT_NEAR(response->mentees(0).mentors(0).score(), 0.0, 1e-9);
  EXPECT_EQ(response->mentees(1).mentors(0).mentor_id(), "m2");
}

}  // namespace
}  // namespace sopu::service
