#include "service/handlers/match_handler.h"

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

// ValidCohort scores (complement only, default policy):
//   a1-m1 = 4*5/(5*4) = 1.0   a1-m2 = 0
//   a2-m1 = 3*1/(5*3) = 0.2   a2-m2 = 3*4/(5*3) = 0.8
sopu::v1::MatchRequest Request() {
  sopu::v1::MatchRequest request;
  *request.mutable_cohort() = ValidCohort();
  return request;
}

void AddPair(google::protobuf::RepeatedPtrField<sopu::v1::PairRef>* list,
             const std::string& mentee, const std::string& mentor) {
  auto* p = list->Add();
  p->set_mentee_id(mentee);
  p->set_mentor_id(mentor);
}

std::vector<std::pair<std::string, std::string>> Pairs(
    const sopu::v1::MatchResponse& response) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : response.pairs()) {
    out.emplace_back(p.mentee_id(), p.mentor_id());
  }
  return out;
}

TEST(MatchHandler, OptimalAssignmentWithReasons) {
  auto response = HandleMatch(Request());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status(), sopu::v1::SOLVER_STATUS_OPTIMAL);
  EXPECT_THAT(Pairs(*response),
              ElementsAre(Pair("a1", "m1"), Pair("a2", "m2")));
  EXPECT_NEAR(response->summary().total(), 1.0 + 0.8, 1e-9);
  EXPECT_NEAR(response->summary().worst(), 0.8, 1e-9);
  EXPECT_EQ(response->summary().matched(), 2);
  EXPECT_DOUBLE_EQ(response->summary().top3_percent(), 100.0);
  EXPECT_EQ(response->pairs(0).rank_for_mentee(), 1);
  ASSERT_EQ(response->pairs(0).reasons_size(), 1);
  EXPECT_EQ(response->pairs(0).reasons(0).criterion(), "complement");
  EXPECT_TRUE(response->unmatched().empty());
}

TEST(MatchHandler, Issue12MentorsWhoAllHaveCapacityZeroAreAnError) {
  auto request = Request();
  request.mutable_cohort()->mutable_participants(0)->set_capacity(0);
  request.mutable_cohort()->mutable_participants(1)->set_capacity(0);
  const auto response = HandleMatch(request);
  ASSERT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      ToPairs(ViolationsOf(response.status())),
      ElementsAre(Pair("cohort.participants[0].capacity",
                       "every mentor has capacity 0, so no mentee can be "
                       "matched; give each mentor the number of mentees they "
                       "can take")));
}

TEST(MatchHandler, Issue12AShortageOfPlacesIsTheFirstReasonGiven) {
  // m1 and m2 have 1 place each for 3 mentees: the cohort is short of
  // places before any mentor is.
  auto request = Request();
  auto* cohort = request.mutable_cohort();
  cohort->mutable_participants(0)->set_capacity(1);
  auto* a3 = cohort->add_participants();
  a3->set_id("a3");
  a3->add_roles(sopu::v1::ROLE_MENTEE);
  (*a3->mutable_goals())["lead"] = 1;
  (*a3->mutable_tags())["languages"].add_values("fi");
  const auto response = HandleMatch(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->unmatched_size(), 1);
  EXPECT_EQ(response->unmatched(0).reason(),
            "the cohort has 2 mentor places for 3 mentees, so 1 must stay "
            "unmatched; all 2 allowed mentors are full (capacity 2 in all; 3 "
            "mentees can only be matched with these mentors)");
}

TEST(MatchHandler, ACancelledCallIsAnsweredCancelled) {
  CancellationToken cancel;
  cancel.Cancel();
  auto response = HandleMatch(Request(), {.cancel = &cancel});
  EXPECT_EQ(response.status().code(), absl::StatusCode::kCancelled);
}

TEST(MatchHandler, MatchesAsManyMenteesAsPossibleBeforeScore) {
  auto request = Request();
  // a2 speaks only sv; only m1 (capacity 1) also speaks sv.
  auto* cohort = request.mutable_cohort();
  cohort->mutable_participants(0)->set_capacity(1);
  (*cohort->mutable_participants(0)->mutable_tags())["languages"].add_values(
      "sv");
  auto& a2_languages =
      (*cohort->mutable_participants(3)->mutable_tags())["languages"];
  a2_languages.clear_values();
  a2_languages.add_values("sv");
  auto response = HandleMatch(request);
  ASSERT_TRUE(response.ok()) << response.status();
  // Score alone would give a1-m1 (1.0); two pairs (0 + 0.2) beat one.
  EXPECT_THAT(Pairs(*response),
              ElementsAre(Pair("a1", "m2"), Pair("a2", "m1")));
  EXPECT_NEAR(response->summary().total(), 0.0 + 0.2, 1e-9);

  request.set_objective(sopu::v1::OBJECTIVE_MAX_SCORE);
  auto max_score = HandleMatch(request);
  ASSERT_TRUE(max_score.ok()) << max_score.status();
  // Maximising the total alone: a1-m1 (1.0); a2 has no other mentor.
  EXPECT_THAT(Pairs(*max_score), ElementsAre(Pair("a1", "m1")));
  ASSERT_EQ(max_score->unmatched_size(), 1);
  EXPECT_EQ(max_score->unmatched(0).reason(),
            "the only allowed mentor, m1, is full (capacity 1; 1 mentee can "
            "only be matched with this mentor)");
}

TEST(MatchHandler, UnmatchedBecauseEveryMentorIsExcluded) {
  auto request = Request();
  auto& languages = (*request.mutable_cohort()
                          ->mutable_participants(3)
                          ->mutable_tags())["languages"];
  languages.clear_values();
  languages.add_values("en");
  auto response = HandleMatch(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->unmatched_size(), 1);
  EXPECT_EQ(response->unmatched(0).mentee_id(), "a2");
  EXPECT_EQ(response->unmatched(0).reason(),
            "rule shared-language excludes all 2 mentors");
}

TEST(MatchHandler, MinScoreLeavesLowPairsOut) {
  auto request = Request();
  request.set_objective(sopu::v1::OBJECTIVE_MAX_SCORE);
  request.set_min_score(0.9);
  auto response = HandleMatch(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Pairs(*response), ElementsAre(Pair("a1", "m1")));
  ASSERT_EQ(response->unmatched_size(), 1);
  EXPECT_EQ(response->unmatched(0).reason(),
            "no allowed mentor scores at least the minimum 0.9");
}

TEST(MatchHandler, LockedAndForbiddenPairsAreHonoured) {
  auto request = Request();
  AddPair(request.mutable_locked(), "a2", "m1");
  auto response = HandleMatch(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Pairs(*response),
              ElementsAre(Pair("a1", "m1"), Pair("a2", "m1")));  // cap 2
  EXPECT_TRUE(response->pairs(1).locked());
  EXPECT_FALSE(response->pairs(0).locked());

  auto forbid = Request();
  AddPair(forbid.mutable_forbidden(), "a1", "m1");
  auto forbidden = HandleMatch(forbid);
  ASSERT_TRUE(forbidden.ok()) << forbidden.status();
  EXPECT_THAT(Pairs(*forbidden),
              ElementsAre(Pair("a1", "m2"), Pair("a2", "m1")));
}

TEST(MatchHandler, PreviousPairsKeptUnlessChangingIsWorthMore) {
  auto request = Request();
  AddPair(request.mutable_previous(), "a1", "m2");
  AddPair(request.mutable_previous(), "a2", "m1");
  // Keeping: 0 + 0.2 + 2 * 0.1 = 0.4 < changing: 1.0 + 0.8.
  auto changed = HandleMatch(request);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_THAT(Pairs(*changed), ElementsAre(Pair("a1", "m1"), Pair("a2", "m2")));
  EXPECT_EQ(changed->summary().changed(), 2);
  EXPECT_EQ(changed->summary().kept(), 0);
  ASSERT_EQ(changed->changes_size(), 2);
  EXPECT_EQ(changed->changes(0).kind(), sopu::v1::PairChange::KIND_CHANGED);
  EXPECT_EQ(changed->changes(0).previous_mentor_id(), "m2");

  // With m1 taking one mentee: keeping 0 + 0.2 + 2 * 1.0 = 2.2 beats
  // changing, 1.0 + 0.8 = 1.8.
  request.mutable_cohort()->mutable_participants(0)->set_capacity(1);
  request.set_continuity_bonus(1.0);
  auto kept = HandleMatch(request);
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_THAT(Pairs(*kept), ElementsAre(Pair("a1", "m2"), Pair("a2", "m1")));
  EXPECT_EQ(kept->summary().kept(), 2);
  // Reported scores are the policy's, without the bonus.
  EXPECT_NEAR(kept->summary().total(), 0.0 + 0.2, 1e-9);
}

TEST(MatchHandler, BadPairListsAreRejectedWithEveryProblem) {
  auto request = Request();
  AddPair(request.mutable_locked(), "a1", "nobody");
  AddPair(request.mutable_locked(), "m1", "m2");
  AddPair(request.mutable_previous(), "a2", "m1");
  AddPair(request.mutable_previous(), "a2", "m2");
  request.set_continuity_bonus(2);
  auto response = HandleMatch(request);
  ASSERT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      ToPairs(ViolationsOf(response.status())),
      ElementsAre(
          Pair("continuity_bonus", "must be in 0..1"),
          Pair("locked[0].mentor_id", "names no participant of the cohort"),
          Pair("locked[1].mentee_id", "the participant is not a mentee"),
          Pair("previous[1].mentee_id",
               "the mentee is already in previous[0]")));
}

TEST(MatchHandler, LockingAForbiddenPairNamesTheRule) {
  auto request = Request();
  auto& languages = (*request.mutable_cohort()
                          ->mutable_participants(3)
                          ->mutable_tags())["languages"];
  languages.clear_values();
  languages.add_values("en");
  AddPair(request.mutable_locked(), "a2", "m2");
  auto response = HandleMatch(request);
  ASSERT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(response.status())),
              ElementsAre(Pair("locked[0]",
                               "the pair is forbidden by rule "
                               "shared-language")));
}

// TradeOffCohort: a1 wants lead, a2 wants craft (importance 5 each); m1 and
// m2 take one mentee each. Scores: a1-m1 = 5/5 = 1.0, a1-m2 = 2.5/5 = 0.5,
// a2-m1 = 2.5/5 = 0.5, a2-m2 = 0.5/5 = 0.1.
sopu::v1::MatchRequest TradeOffRequest() {
  sopu::v1::MatchRequest request;
  auto* cohort = request.mutable_cohort();
  *cohort = ValidCohort();
  auto* m1 = cohort->mutable_participants(0);
  (*m1->mutable_competences())["lead"] = 5;
  (*m1->mutable_competences())["craft"] = 2.5;
  m1->set_capacity(1);
  auto* m2 = cohort->mutable_participants(1);
  (*m2->mutable_competences())["lead"] = 2.5;
  (*m2->mutable_competences())["craft"] = 0.5;
  (*cohort->mutable_participants(2)->mutable_goals())["lead"] = 5;
  (*cohort->mutable_participants(3)->mutable_goals())["craft"] = 5;
  return request;
}

TEST(MatchHandler, FairObjectiveRaisesTheWorstPairAndReportsItsCost) {
  auto request = TradeOffRequest();
  auto optimal = HandleMatch(request);
  ASSERT_TRUE(optimal.ok()) << optimal.status();
  EXPECT_THAT(Pairs(*optimal), ElementsAre(Pair("a1", "m1"), Pair("a2", "m2")));
  EXPECT_NEAR(optimal->summary().total(), 1.0 + 0.1, 1e-6);

  request.set_objective(sopu::v1::OBJECTIVE_FAIR);
  auto fair = HandleMatch(request);
  ASSERT_TRUE(fair.ok()) << fair.status();
  EXPECT_EQ(fair->status(), sopu::v1::SOLVER_STATUS_OPTIMAL);
  EXPECT_THAT(Pairs(*fair), ElementsAre(Pair("a1", "m2"), Pair("a2", "m1")));
  EXPECT_NEAR(fair->summary().worst(), 0.5, 1e-6);
  EXPECT_NEAR(fair->summary().total(), 0.5 + 0.5, 1e-6);
  EXPECT_NEAR(fair->summary().fairness_cost(), (1.0 + 0.1) - (0.5 + 0.5), 1e-6);
}

TEST(MatchHandler, StableObjectiveFromScoresAndFromWishes) {
  auto request = TradeOffRequest();
  request.set_objective(sopu::v1::OBJECTIVE_STABLE);
  auto stable = HandleMatch(request);
  ASSERT_TRUE(stable.ok()) << stable.status();
  EXPECT_EQ(stable->status(), sopu::v1::SOLVER_STATUS_STABLE);
  // Both prefer m1, m1 prefers a1 (1.0 > 0.5): a2 gets m2.
  EXPECT_THAT(Pairs(*stable), ElementsAre(Pair("a1", "m1"), Pair("a2", "m2")));
  EXPECT_EQ(stable->summary().blocking_pairs(), 0);
  EXPECT_NEAR(stable->summary().gap_to_optimal(), 0.0, 1e-6);

  // a1 wishes only for m2: a2 then gets m1.
  request.mutable_cohort()->mutable_participants(2)->add_wishes("m2");
  request.set_use_wishes(true);
  auto wished = HandleMatch(request);
  ASSERT_TRUE(wished.ok()) << wished.status();
  EXPECT_THAT(Pairs(*wished), ElementsAre(Pair("a1", "m2"), Pair("a2", "m1")));
  EXPECT_NEAR(wished->summary().gap_to_optimal(), (1.0 + 0.1) - (0.5 + 0.5),
              1e-6);
}

TEST(MatchHandler, ObjectiveOptionsAreCheckedAgainstTheObjective) {
  auto request = Request();
  request.set_min_score(0.5);
  request.set_use_wishes(true);
  auto response = HandleMatch(request);
  ASSERT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      ToPairs(ViolationsOf(response.status())),
      ElementsAre(Pair("min_score", "only applies to OBJECTIVE_MAX_SCORE"),
                  Pair("use_wishes", "only applies to OBJECTIVE_STABLE")));
}

TEST(MatchHandler, ZeroContinuityBonusIsHonoured) {
  // Review finding: a bonus of 0 was replaced by the default 0.1.
  auto request = TradeOffRequest();
  AddPair(request.mutable_previous(), "a1", "m2");
  AddPair(request.mutable_previous(), "a2", "m1");
  // Keeping scores 0.5 + 0.5 (+ 2 x bonus) against 1.0 + 0.1 for changing.
  auto kept = HandleMatch(request);  // bonus unset: 0.1, 1.2 > 1.1
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_EQ(kept->summary().kept(), 2);
  request.set_continuity_bonus(0.0);  // 1.0 < 1.1
  auto changed = HandleMatch(request);
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_EQ(changed->summary().changed(), 2);
}

TEST(MatchHandler, PreviousPairsOfDepartedParticipantsAreDropped) {
  auto request = Request();
  AddPair(request.mutable_previous(), "gone", "m1");  // mentee left
  AddPair(request.mutable_previous(), "a1", "x9");    // mentor left
  auto response = HandleMatch(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->changes_size(), 3);
  EXPECT_EQ(response->changes(0).mentee_id(), "a1");
  EXPECT_EQ(response->changes(0).kind(), sopu::v1::PairChange::KIND_CHANGED);
  EXPECT_EQ(response->changes(0).previous_mentor_id(), "x9");
  EXPECT_EQ(response->changes(1).kind(), sopu::v1::PairChange::KIND_NEW);
  EXPECT_EQ(response->changes(2).mentee_id(), "gone");
  EXPECT_EQ(response->changes(2).kind(), sopu::v1::PairChange::KIND_DROPPED);
  EXPECT_EQ(response->summary().dropped(), 1);
}

TEST(MatchHandler, TopThreeShareCountsEveryMentee) {
  auto request = Request();
  auto& languages = (*request.mutable_cohort()
                          ->mutable_participants(3)
                          ->mutable_tags())["languages"];
  languages.clear_values();
  languages.add_values("en");
  auto response = HandleMatch(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->summary().matched(), 1);
  EXPECT_DOUBLE_EQ(response->summary().top3_percent(), 100.0 * 1 / 2);
}

TEST(MatchHandler, MinScoreReasonNamesTheFullMentor) {
  auto request = Request();
  request.mutable_cohort()->mutable_participants(0)->set_capacity(1);
  (*request.mutable_cohort()
        ->mutable_participants(3)
        ->mutable_goals())["lead"] = 3;
  // a1-m1 = 1.0; a2-m1 = (3*5 + 3*1) / (5*6) = 0.6; a2-m2 = 3*4/30 = 0.4.
  request.set_objective(sopu::v1::OBJECTIVE_MAX_SCORE);
  request.set_min_score(0.5);
  auto response = HandleMatch(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Pairs(*response), ElementsAre(Pair("a1", "m1")));
  ASSERT_EQ(response->unmatched_size(), 1);
  EXPECT_EQ(response->unmatched(0).reason(),
            "the only allowed mentor scoring at least 0.5, m1, is full "
            "(capacity 1; 2 mentees can only be matched with this mentor)");
}

}  // namespace
}  // namespace sopu::service
