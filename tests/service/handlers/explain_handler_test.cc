#include "service/handlers/explain_handler.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/handlers/groups_handler.h"
#include "service/handlers/match_handler.h"
#include "service/handlers/peer_pairs_handler.h"
#include "service/handlers/score_handler.h"
#include "service/status/bad_request.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::sopu::testing::ToPairs;
using ::sopu::testing::ValidCohort;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

// Mentors m1..m3 and mentees a1..a4 over three themes, with sectors and
// languages that vary, so that every criterion of Policy() takes several
// values. a4 speaks only sv (no mentor does); a3 avoids m2.
sopu::v1::Cohort MentoringCohort() {
  sopu::v1::Cohort cohort;
  cohort.set_program("test");
  for (const char* theme : {"lead", "craft", "comms"}) {
    cohort.mutable_taxonomy()->add_themes()->set_id(theme);
  }
  auto add = [&](const std::string& id, sopu::v1::Role role, int k) {
    sopu::v1::Participant* p = cohort.add_participants();
    p->set_id(id);
    p->add_roles(role);
    (*p->mutable_attributes())["sector"] = k % 2 == 0 ? "music" : "dance";
    auto& languages = (*p->mutable_tags())["languages"];
    languages.add_values("fi");
    if (k % 3 == 0) languages.add_values("en");
    return p;
  };
  for (int k = 0; k < 3; ++k) {
    auto* m = add(absl::StrCat("m", k + 1), sopu::v1::ROLE_MENTOR, k);
    (*m->mutable_competences())["lead"] = 1.0 + k;
    (*m->mutable_competences())["craft"] = 5.0 - k;
    (*m->mutable_competences())["comms"] = 2.0 + (k % 2);
    m->set_capacity(2);
  }
  for (int k = 0; k < 4; ++k) {
    auto* a = add(absl::StrCat("a", k + 1), sopu::v1::ROLE_MENTEE, k + 1);
    (*a->mutable_goals())["lead"] = 2.0 * k + 1.0 - (k == 3 ? 5.0 : 0.0);
    (*a->mutable_goals())["craft"] = 4.0 - k;
    (*a->mutable_goals())["comms"] = 1.0 + (k % 3);
  }
  auto& a4_languages =
      (*cohort.mutable_participants(6)->mutable_tags())["languages"];
  a4_languages.clear_values();
  a4_languages.add_values("sv");
  cohort.mutable_participants(5)->add_avoid("m2");
  return cohort;
}

// Policy: complement (weight 2), similar sector (1), a soft language
// overlap (0.5), a hard shared language (weight 0); avoid-lists honoured.
sopu::v1::Policy Policy() {
  sopu::v1::Policy policy;
  policy.set_name("explain test");
  auto* complement = policy.add_criteria();
  complement->set_name("complement");
  complement->set_weight(2);
  complement->mutable_complement();
  auto* sector = policy.add_criteria();
  sector->set_name("same-sector");
  sector->set_weight(1);
  sector->mutable_similar()->set_attribute("sector");
  auto* languages = policy.add_criteria();
  languages->set_name("languages");
  languages->set_weight(0.5);
  languages->mutable_overlap()->set_tags("languages");
  languages->mutable_overlap()->set_saturation(2);
  auto* shared = policy.add_criteria();
  shared->set_name("shared-language");
  shared->set_hard(true);
  shared->mutable_overlap()->set_tags("languages");
  policy.set_honour_avoid_lists(true);
  return policy;
}

sopu::v1::ExplainPairRequest PairRequest(const std::string& mentee,
                                         const std::string& mentor) {
  sopu::v1::ExplainPairRequest request;
  *request.mutable_cohort() = MentoringCohort();
  *request.mutable_policy() = Policy();
  request.set_mentee_id(mentee);
  request.set_mentor_id(mentor);
  return request;
}

double SumOfContributions(
    const google::protobuf::RepeatedPtrField<sopu::v1::CriterionContribution>&
        contributions) {
  double sum = 0.0;
  for (const auto& c : contributions) sum += c.contribution();
  return sum;
}

TEST(ExplainPair, ScoreOfTheValidCohortPairByHand) {
  // a1 wants lead 4, m1 has lead 5: complement = (4 * 5) / (5 * 4) = 1
  // under the default policy (complement, weight 1; shared-language hard,
  // weight 0).
  sopu::v1::ExplainPairRequest request;
  *request.mutable_cohort() = ValidCohort();
  request.set_mentee_id("a1");
  request.set_mentor_id("m1");
  const auto response = HandleExplainPair(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->mentee_id(), "a1");
  EXPECT_EQ(response->mentor_id(), "m1");
  EXPECT_NEAR(response->score(), (4.0 * 5) / (5.0 * 4), 1e-12);
  EXPECT_TRUE(response->allowed());
  EXPECT_THAT(response->excluded_by(), IsEmpty());
  EXPECT_EQ(response->exclusion(), "");
  ASSERT_EQ(response->contributions_size(), 2);
  EXPECT_EQ(response->contributions(0).criterion(), "complement");
  EXPECT_NEAR(response->contributions(0).contribution(), 1.0, 1e-12);
  EXPECT_EQ(response->contributions(1).criterion(), "shared-language");
  EXPECT_NEAR(response->contributions(1).contribution(), 0.0, 1e-12);
  ASSERT_EQ(response->top_reasons_size(), 1);
  EXPECT_EQ(response->top_reasons(0).criterion(), "complement");
  EXPECT_EQ(response->policy().name(), "default");
  EXPECT_FALSE(response->engine_version().empty());
  EXPECT_EQ(response->input_hash(), "");  // set by sopud only
}

TEST(ExplainPair, EveryPairScoresAsScoreAndMatchReportIt) {
  sopu::v1::ScoreRequest score_request;
  *score_request.mutable_cohort() = MentoringCohort();
  *score_request.mutable_policy() = Policy();
  score_request.set_top_k(kMaxTopK);
  const auto scored = HandleScore(score_request);
  ASSERT_TRUE(scored.ok()) << scored.status();
  int compared = 0;
  for (const auto& mentee : scored->mentees()) {
    for (const auto& rec : mentee.mentors()) {
      const auto explained =
          HandleExplainPair(PairRequest(mentee.mentee_id(), rec.mentor_id()));
      ASSERT_TRUE(explained.ok()) << explained.status();
      EXPECT_TRUE(explained->allowed());
      EXPECT_DOUBLE_EQ(explained->score(), rec.score())
          << mentee.mentee_id() << " " << rec.mentor_id();
      ASSERT_EQ(explained->top_reasons_size(), rec.top_reasons_size());
      for (int k = 0; k < rec.top_reasons_size(); ++k) {
        EXPECT_EQ(explained->top_reasons(k).criterion(),
                  rec.top_reasons(k).criterion());
        EXPECT_DOUBLE_EQ(explained->top_reasons(k).contribution(),
                         rec.top_reasons(k).contribution());
      }
      ++compared;
    }
  }
  // 4 mentees x 3 mentors, less a4's 3 (no shared language) and a3-m2.
  EXPECT_EQ(compared, 4 * 3 - 3 - 1);

  sopu::v1::MatchRequest match_request;
  *match_request.mutable_cohort() = MentoringCohort();
  *match_request.mutable_policy() = Policy();
  const auto matched = HandleMatch(match_request);
  ASSERT_TRUE(matched.ok()) << matched.status();
  ASSERT_EQ(matched->pairs_size(), 3);
  for (const auto& pair : matched->pairs()) {
    const auto explained =
        HandleExplainPair(PairRequest(pair.mentee_id(), pair.mentor_id()));
    ASSERT_TRUE(explained.ok()) << explained.status();
    EXPECT_DOUBLE_EQ(explained->score(), pair.score());
  }
}

TEST(ExplainPair, ContributionsOfEveryCriterionSumToTheScore) {
  for (const char* mentee : {"a1", "a2", "a3", "a4"}) {
    for (const char* mentor : {"m1", "m2", "m3"}) {
      const auto r = HandleExplainPair(PairRequest(mentee, mentor));
      ASSERT_TRUE(r.ok()) << r.status();
      ASSERT_EQ(r->contributions_size(), 4);  // all criteria, policy order
      EXPECT_EQ(r->contributions(0).criterion(), "complement");
      EXPECT_EQ(r->contributions(1).criterion(), "same-sector");
      EXPECT_EQ(r->contributions(2).criterion(), "languages");
      EXPECT_EQ(r->contributions(3).criterion(), "shared-language");
      EXPECT_NEAR(SumOfContributions(r->contributions()), r->score(), 1e-12)
          << mentee << " " << mentor;
      // weight * value / (2 + 1 + 0.5 + 0), criterion by criterion.
      const std::array<double, 4> weights = {2.0, 1.0, 0.5, 0.0};
      for (int k = 0; k < 4; ++k) {
        EXPECT_NEAR(r->contributions(k).contribution(),
                    weights[static_cast<std::size_t>(k)] *
                        r->contributions(k).value() / 3.5,
                    1e-12);
      }
    }
  }
}

TEST(ExplainPair, NoSharedLanguageIsNotAllowedWithTheRuleScoreNames) {
  const auto r = HandleExplainPair(PairRequest("a4", "m1"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->allowed());
  EXPECT_THAT(r->excluded_by(), ElementsAre("shared-language"));
  EXPECT_EQ(r->exclusion(), "rule shared-language excludes this pair");
  EXPECT_NEAR(SumOfContributions(r->contributions()), r->score(), 1e-12);

  // Score names the same rule for a4, who has no allowed mentor.
  sopu::v1::ScoreRequest score_request;
  *score_request.mutable_cohort() = MentoringCohort();
  *score_request.mutable_policy() = Policy();
  const auto scored = HandleScore(score_request);
  ASSERT_TRUE(scored.ok()) << scored.status();
  const auto& a4 = scored->mentees(3);
  ASSERT_EQ(a4.excluded_by_size(), 1);
  EXPECT_EQ(a4.excluded_by(0).rule(), r->excluded_by(0));
}

TEST(ExplainPair, AvoidListAndEveryOtherFailingRuleAreNamed) {
  const auto avoided = HandleExplainPair(PairRequest("a3", "m2"));
  ASSERT_TRUE(avoided.ok()) << avoided.status();
  EXPECT_FALSE(avoided->allowed());
  EXPECT_THAT(avoided->excluded_by(), ElementsAre("avoid-list"));
  EXPECT_EQ(avoided->exclusion(), "rule avoid-list excludes this pair");

  // a4 also avoiding m1: both rules, the deciding one (avoid-list) first.
  auto request = PairRequest("a4", "m1");
  request.mutable_cohort()->mutable_participants(6)->add_avoid("m1");
  const auto both = HandleExplainPair(request);
  ASSERT_TRUE(both.ok()) << both.status();
  EXPECT_FALSE(both->allowed());
  EXPECT_THAT(both->excluded_by(),
              ElementsAre("avoid-list", "shared-language"));
  EXPECT_EQ(both->exclusion(),
            "rules avoid-list, shared-language exclude this pair");

  // Not honoured: the avoid-list no longer counts.
  request = PairRequest("a3", "m2");
  request.mutable_policy()->set_honour_avoid_lists(false);
  const auto ignored = HandleExplainPair(request);
  ASSERT_TRUE(ignored.ok()) << ignored.status();
  EXPECT_TRUE(ignored->allowed());
  EXPECT_THAT(ignored->excluded_by(), IsEmpty());
}

TEST(ExplainPair, SameOrganisationAndSelfPairAreNamed) {
  auto request = PairRequest("a1", "m2");
  request.mutable_policy()->set_forbid_same_organisation(true);
  request.mutable_policy()->set_organisation_attribute("sector");
  const auto same = HandleExplainPair(request);  // both "dance"
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_THAT(same->excluded_by(), ElementsAre("same-organisation"));

  request = PairRequest("m1", "m1");
  auto* m1 = request.mutable_cohort()->mutable_participants(0);
  m1->add_roles(sopu::v1::ROLE_MENTEE);
  (*m1->mutable_goals())["comms"] = 3;
  const auto self = HandleExplainPair(request);
  ASSERT_TRUE(self.ok()) << self.status();
  EXPECT_FALSE(self->allowed());
  ASSERT_GE(self->excluded_by_size(), 1);
  EXPECT_EQ(self->excluded_by(0), "self-pair");
}

TEST(ExplainPair, ValidationNamesEveryPathAndNoValue) {
  // One problem at a time, then all at once.
  auto request = PairRequest("a1", "nobody-xyz");
  auto r = HandleExplainPair(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(r.status())),
              ElementsAre(Pair("mentor_id", "no participant has this id")));

  request = PairRequest("m2", "m1");
  r = HandleExplainPair(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(r.status())),
              ElementsAre(Pair("mentee_id",
                               "this participant does not have the role "
                               "mentee")));

  request = PairRequest("", "a2");
  (*request.mutable_cohort()
        ->mutable_participants(3)
        ->mutable_goals())["lead"] = 9;
  r = HandleExplainPair(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "the request has 3 problems");
  EXPECT_THAT(
      ToPairs(ViolationsOf(r.status())),
      ElementsAre(
          Pair("mentor_id", "this participant does not have the role mentor"),
          Pair("mentee_id", "is required: the id of a participant"),
          Pair("cohort.participants[3].goals.lead",
               "importance must be in 0..5")));
  for (const auto& v : ViolationsOf(r.status())) {
    EXPECT_EQ(v.description().find("a2"), std::string::npos);
  }
}

// Peers p01..p12 over two themes, sectors s0..s2, organisations o0..o3.
sopu::v1::Cohort PeerCohort(int n) {
  sopu::v1::Cohort cohort;
  cohort.mutable_taxonomy()->add_themes()->set_id("lead");
  cohort.mutable_taxonomy()->add_themes()->set_id("craft");
  for (int k = 0; k < n; ++k) {
    auto* p = cohort.add_participants();
    p->set_id(absl::StrCat("p", k < 9 ? "0" : "", k + 1));
    p->add_roles(sopu::v1::ROLE_PEER);
    (*p->mutable_competences())[k % 2 == 0 ? "lead" : "craft"] = 1.0 + (k % 5);
    (*p->mutable_goals())[k % 2 == 0 ? "craft" : "lead"] = 1.0 + (k * 3) % 5;
    (*p->mutable_tags())["languages"].add_values("fi");
    (*p->mutable_attributes())["sector"] = absl::StrCat("s", k % 3);
    (*p->mutable_attributes())["organisation"] = absl::StrCat("o", k % 4);
  }
  return cohort;
}

sopu::v1::Policy PeerPolicy() {
  sopu::v1::Policy policy = Policy();
  policy.set_forbid_same_organisation(true);
  return policy;
}

sopu::v1::ExplainGroupRequest GroupRequest(
    const std::vector<std::string>& members) {
  sopu::v1::ExplainGroupRequest request;
  *request.mutable_cohort() = PeerCohort(12);
  *request.mutable_policy() = PeerPolicy();
  for (const std::string& id : members) request.add_member_ids(id);
  return request;
}

TEST(ExplainGroup, EqualsWhatFormGroupsReportsForItsGroups) {
  sopu::v1::GroupsRequest groups_request;
  *groups_request.mutable_cohort() = PeerCohort(12);
  *groups_request.mutable_policy() = PeerPolicy();
  groups_request.set_min_size(3);
  groups_request.set_max_size(4);
  groups_request.set_max_rounds(3);
  groups_request.set_time_limit_seconds(30.0);
  const auto formed = HandleGroups(groups_request);
  ASSERT_TRUE(formed.ok()) << formed.status();
  ASSERT_EQ(formed->status(), sopu::v1::GROUPS_STATUS_FEASIBLE);
  ASSERT_GE(formed->groups_size(), 3);
  for (const auto& group : formed->groups()) {
    sopu::v1::ExplainGroupRequest request;
    *request.mutable_cohort() = groups_request.cohort();
    *request.mutable_policy() = groups_request.policy();
    *request.mutable_member_ids() = group.member_ids();
    const auto r = HandleExplainGroup(request);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_THAT(r->member_ids(),
                ::testing::ElementsAreArray(group.member_ids().begin(),
                                            group.member_ids().end()));
    EXPECT_DOUBLE_EQ(r->score(), group.score());
    EXPECT_DOUBLE_EQ(r->mean_pair_score(), group.mean_pair_score());
    ASSERT_EQ(r->breakdown_size(), group.breakdown_size());
    for (int k = 0; k < group.breakdown_size(); ++k) {
      EXPECT_EQ(r->breakdown(k).criterion(), group.breakdown(k).criterion());
      EXPECT_DOUBLE_EQ(r->breakdown(k).value(), group.breakdown(k).value());
      EXPECT_DOUBLE_EQ(r->breakdown(k).contribution(),
                       group.breakdown(k).contribution());
    }
    // Every pair once; the group score is their sum; no conflicts.
    const int m = group.member_ids_size();
    ASSERT_EQ(r->pairs_size(), m * (m - 1) / 2);
    double sum = 0.0;
    for (const auto& pair : r->pairs()) {
      sum += pair.score();
      EXPECT_TRUE(pair.allowed());
      EXPECT_NEAR(SumOfContributions(pair.contributions()), pair.score(),
                  1e-12);
    }
    EXPECT_NEAR(r->score(), sum, 1e-12);
    EXPECT_THAT(r->conflicts(), IsEmpty());
    ASSERT_EQ(r->rules_size(), 1);
    EXPECT_EQ(r->rules(0).rule(), "policy rules (hard criteria, avoid-lists)");
    EXPECT_TRUE(r->rules(0).holds());
  }
}

TEST(ExplainGroup, PairScoresEqualPeerPairsScores) {
  sopu::v1::PeerPairsRequest peer_request;
  *peer_request.mutable_cohort() = PeerCohort(12);
  *peer_request.mutable_policy() = PeerPolicy();
  const auto paired = HandlePeerPairs(peer_request);
  ASSERT_TRUE(paired.ok()) << paired.status();
  ASSERT_GT(paired->pairs_size(), 0);
  for (const auto& pair : paired->pairs()) {
    const auto r =
        HandleExplainGroup(GroupRequest({pair.first_id(), pair.second_id()}));
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_EQ(r->pairs_size(), 1);
    EXPECT_DOUBLE_EQ(r->pairs(0).score(), pair.score());
    EXPECT_DOUBLE_EQ(r->score(), pair.score());
    EXPECT_DOUBLE_EQ(r->mean_pair_score(), pair.score());
  }
}

TEST(ExplainGroup, ListsThePairsThePolicyForbids) {
  // p01 and p05 share organisation o0; p02 avoids p03.
  auto request = GroupRequest({"p01", "p02", "p03", "p05"});
  request.mutable_cohort()->mutable_participants(1)->add_avoid("p03");
  const auto r = HandleExplainGroup(request);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->pairs_size(), 6);
  std::vector<std::pair<std::string, std::string>> conflicts;
  for (const auto& c : r->conflicts()) {
    conflicts.emplace_back(c.first_id(), c.second_id());
  }
  EXPECT_THAT(conflicts, ElementsAre(Pair("p01", "p05"), Pair("p02", "p03")));
  // Pairs in request order: (p01,p02) (p01,p03) (p01,p05) (p02,p03) ...
  EXPECT_EQ(r->pairs(2).first_id(), "p01");
  EXPECT_EQ(r->pairs(2).second_id(), "p05");
  EXPECT_FALSE(r->pairs(2).allowed());
  EXPECT_THAT(r->pairs(2).excluded_by(), ElementsAre("same-organisation"));
  EXPECT_FALSE(r->pairs(3).allowed());
  EXPECT_THAT(r->pairs(3).excluded_by(), ElementsAre("avoid-list"));
  EXPECT_TRUE(r->pairs(0).allowed());
  EXPECT_THAT(r->pairs(0).excluded_by(), IsEmpty());
  ASSERT_EQ(r->rules_size(), 1);
  EXPECT_EQ(r->rules(0).rule(), "policy rules (hard criteria, avoid-lists)");
  EXPECT_FALSE(r->rules(0).holds());
  EXPECT_EQ(r->rules(0).violations(), 2);
  // Forbidden pairs still count in the score, as FormGroups would count them.
  double sum = 0.0;
  for (const auto& pair : r->pairs()) sum += pair.score();
  EXPECT_NEAR(r->score(), sum, 1e-12);
  EXPECT_NEAR(r->mean_pair_score(), sum / 6, 1e-12);
}

TEST(ExplainGroup, AGroupOfOneHasNoPairs) {
  const auto r = HandleExplainGroup(GroupRequest({"p04"}));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->pairs(), IsEmpty());
  EXPECT_EQ(r->score(), 0.0);
  EXPECT_EQ(r->mean_pair_score(), 0.0);
  EXPECT_EQ(r->breakdown_size(), 4);
  EXPECT_TRUE(r->rules(0).holds());
}

TEST(ExplainGroup, MemberRoleChoosesThePool) {
  // Mentees of the mentoring cohort as the members: mentors are not.
  sopu::v1::ExplainGroupRequest request;
  *request.mutable_cohort() = MentoringCohort();
  *request.mutable_policy() = Policy();
  request.set_member_role(sopu::v1::ROLE_MENTEE);
  for (const char* id : {"a1", "a2", "m1"}) request.add_member_ids(id);
  auto r = HandleExplainGroup(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(r.status())),
              ElementsAre(Pair("member_ids[2]",
                               "this participant does not have the role "
                               "mentee")));
  request.mutable_member_ids()->RemoveLast();
  r = HandleExplainGroup(request);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->pairs_size(), 1);
  EXPECT_EQ(r->pairs(0).first_id(), "a1");
  EXPECT_EQ(r->pairs(0).second_id(), "a2");
}

TEST(ExplainGroup, ValidationNamesEveryPathAndNoValue) {
  auto r = HandleExplainGroup(GroupRequest({}));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(r.status())),
              ElementsAre(Pair("member_ids", "list at least one member")));

  r = HandleExplainGroup(GroupRequest({"p01", "p02", "ghost-xyz", "p02", ""}));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(r.status())),
              ElementsAre(Pair("member_ids[2]", "no participant has this id"),
                          Pair("member_ids[3]", "duplicates member_ids[1]"),
                          Pair("member_ids[4]",
                               "is required: the id of a participant")));
  for (const auto& v : ViolationsOf(r.status())) {
    EXPECT_EQ(v.description().find("ghost"), std::string::npos);
    EXPECT_EQ(v.description().find("p02"), std::string::npos);
  }

  std::vector<std::string> many;
  for (int k = 0; k <= kMaxExplainGroupMembers; ++k) {
    many.push_back(absl::StrCat("p", k));
  }
  r = HandleExplainGroup(GroupRequest(many));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      ToPairs(ViolationsOf(r.status())),
      ElementsAre(Pair("member_ids", "at most 200 members can be explained")));

  auto request = GroupRequest({"p01", "p02"});
  request.set_member_role(static_cast<sopu::v1::Role>(99));
  (*request.mutable_cohort()
        ->mutable_participants(4)
        ->mutable_competences())["craft"] = -1;
  r = HandleExplainGroup(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  const auto pairs = ToPairs(ViolationsOf(r.status()));
  ASSERT_EQ(pairs.size(), 2U);
  EXPECT_THAT(pairs[0], Pair("member_role", "is not a known role"));
  EXPECT_EQ(pairs[1].first, "cohort.participants[4].competences.craft");
}

}  // namespace
}  // namespace sopu::service
