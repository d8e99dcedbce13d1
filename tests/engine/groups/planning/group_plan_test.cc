#include "engine/groups/planning/group_plan.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/common/index.h"
#include "engine/groups/planning/group_explanation.h"
#include "engine/scoring/pool_scores.h"
#include "engine/scoring/scoring_model.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/scoring/test_cohorts.h"

namespace sopu {
namespace {

using ::sopu::testing::CohortOf;
using ::sopu::testing::Make;
using ::sopu::testing::Name;
using ::sopu::testing::Person;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Peers p0, p1, ... with the town of each letter of `towns` ('-' = none),
// organisation o<k % orgs>, sector s<k % 3>, language fi (sv for the
// indices in `swedish`, instead); facilitators f0 (town A) and f1 (town B).
Cohort Peers(const std::string& towns, int orgs = 20,
             const std::set<int>& swedish = {}) {
  std::vector<Participant> people;
  for (int k = 0; k < static_cast<int>(towns.size()); ++k) {
    Participant p = Person(Name("p", k), kRolePeer);
    if (towns[Idx(k)] != '-') {
      p.attributes["town"] = std::string(1, towns[Idx(k)]);
    }
    p.attributes["organisation"] = Name("o", k % orgs);
    p.attributes["sector"] = Name("s", k % 3);
    p.attributes["stage"] = Name("c", (k * 7) % 4);
    p.tags["languages"] = {swedish.count(k) > 0 ? "sv" : "fi"};
    people.push_back(p);
  }
  for (const char* town : {"A", "B"}) {
    Participant f = Person(std::string("f") + (town[0] == 'A' ? "0" : "1"),
                           kRoleFacilitator);
    f.attributes["town"] = town;
    f.attributes["sector"] = "s0";
    f.attributes["stage"] = "c1";
    f.tags["languages"] = {"fi"};
    people.push_back(f);
  }
  return CohortOf(people, 0);
}

// Stage similarity (weight 2), sector difference (weight 1), and a shared
// language required.
Policy GroupPolicy() {
  Policy policy;
  policy.criteria = {Make(CriterionKind::kSimilar, "stage", 2.0),
                     Make(CriterionKind::kDifferent, "sector", 1.0),
                     Make(CriterionKind::kOverlap, "languages", 0.0, true)};
  return policy;
}

GroupPlanOptions Sizes(int min_size, int max_size) {
  GroupPlanOptions o;
  o.min_size = min_size;
  o.max_size = max_size;
  o.search.time_limit_seconds = 600.0;  // the round limit ends the search
  o.search.max_rounds = 2;
  return o;
}

absl::Status Invalid(GroupPlanOptions o) { return ValidateGroupPlanOptions(o); }

TEST(ValidateGroupPlanOptions, NamesTheFieldOutOfRange) {
  EXPECT_TRUE(ValidateGroupPlanOptions(Sizes(4, 6)).ok());
  GroupPlanOptions count;
  count.group_count = 3;  // sizes as even as possible
  EXPECT_TRUE(ValidateGroupPlanOptions(count).ok());

  const auto field_of = [](const absl::Status& s) {
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    return std::string(s.message().substr(0, s.message().find(':')));
  };
  EXPECT_EQ(field_of(Invalid(GroupPlanOptions{})), "max_size");
  EXPECT_EQ(field_of(Invalid(Sizes(0, 6))), "min_size");
  EXPECT_EQ(field_of(Invalid(Sizes(5, 4))), "min_size");
  EXPECT_EQ(field_of(Invalid(Sizes(1, 10001))), "max_size");
  GroupPlanOptions o = Sizes(4, 6);
  o.group_count = 10001;
  EXPECT_EQ(field_of(Invalid(o)), "group_count");
  o = Sizes(4, 6);
  o.group_count = 2;
  o.key_attribute = "town";
  EXPECT_EQ(field_of(Invalid(o)), "group_count");
  o = Sizes(4, 6);
  o.max_per_organisation = -1;
  EXPECT_EQ(field_of(Invalid(o)), "max_per_organisation");
  o = Sizes(4, 6);
  o.balance.push_back({"", true, {}});
  EXPECT_EQ(field_of(Invalid(o)), "balance[0].attribute");
  o = Sizes(4, 6);
  o.together = {{"p1", "p2"}, {"p3", "p3"}};
  EXPECT_EQ(field_of(Invalid(o)), "together[1]");
  o = Sizes(4, 6);
  o.search.time_limit_seconds = 0.0;
  EXPECT_EQ(field_of(Invalid(o)), "search.time_limit_seconds");
  o.search.time_limit_seconds = 3600.5;
  EXPECT_EQ(field_of(Invalid(o)), "search.time_limit_seconds");
  o = Sizes(4, 6);
  o.search.max_rounds = -1;
  EXPECT_EQ(field_of(Invalid(o)), "search.max_rounds");
}

TEST(PlanGroups, RejectsTogetherIdsThatNameNoMember) {
  GroupPlanOptions o = Sizes(2, 3);
  o.together = {{"p0", "f0"}};  // f0 facilitates, is no member
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(Peers("AAAA"), GroupPolicy(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(plan.status().message(), HasSubstr("together[0]"));
}

TEST(PlanGroups, AnEmptyPoolPlansNothing) {
  GroupPlanOptions o = Sizes(2, 3);
  o.member_role = kRoleMentee;  // nobody
  o.key_attribute = "town";
  o.facilitator_role = kRoleFacilitator;
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(Peers("AAAA"), GroupPolicy(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->status, GroupPlanStatus::kFeasible);
  EXPECT_THAT(plan->groups, IsEmpty());
  EXPECT_THAT(plan->unassigned, IsEmpty());
  EXPECT_EQ(plan->summary.members, 0);
  EXPECT_EQ(plan->summary.seed, 1U);
  EXPECT_FALSE(plan->summary.stop_reason.has_value());
  ASSERT_EQ(plan->rules.size(), 3U);  // size, key, policy
  for (const RuleCheckResult& r : plan->rules) EXPECT_EQ(r.violations, 0);
}

TEST(PlanGroups, MembersWithoutAKeyValueAreAnError) {
  // Issue 12: a member without a value of the key could join no group; the
  // plan is refused instead of leaving them out.
  GroupPlanOptions o = Sizes(2, 3);
  o.key_attribute = "town";
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(Peers("AA-A"), GroupPolicy(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(plan.status().message(), HasSubstr("key_attribute"));
}

TEST(PlanGroups, AKeyNoMemberHasIsAnError) {
  GroupPlanOptions o = Sizes(2, 3);
  o.key_attribute = "twon";
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(Peers("AABB"), GroupPolicy(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(plan.status().message(), HasSubstr("key_attribute"));
}

TEST(PlanGroups, InfeasibleRulesAreExplainedAndNothingIsSearched) {
  GroupPlanOptions o = Sizes(4, 6);
  o.key_attribute = "town";
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(Peers("AAAAAAABBBBB"), GroupPolicy(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->status, GroupPlanStatus::kInfeasible);
  ASSERT_EQ(plan->infeasible.size(), 1U);
  EXPECT_EQ(plan->infeasible[0].key_value, "A");
  EXPECT_EQ(plan->infeasible[0].explanation,
            "7 members with town A cannot form groups of 4-6");
  EXPECT_THAT(plan->groups, IsEmpty());
  EXPECT_THAT(plan->rules, IsEmpty());
  EXPECT_THAT(plan->unassigned, IsEmpty());
  EXPECT_EQ(plan->summary.members, 12);
  EXPECT_EQ(plan->summary.rounds, 0);
  EXPECT_FALSE(plan->summary.stop_reason.has_value());
}

// KeyedOptions: towns A (8) and B (6), groups of 3-4 sharing a town, at
// most 1 per organisation, sectors spread, facilitators by town.
GroupPlanOptions KeyedOptions() {
  GroupPlanOptions o = Sizes(3, 4);
  o.key_attribute = "town";
  o.max_per_organisation = 1;
  o.balance.push_back({"sector", true, {}});
  o.facilitator_role = kRoleFacilitator;
  o.together = {{"p0", "p3"}};
  return o;
}

TEST(PlanGroups, AFeasiblePlanProvesItself) {
  const Cohort cohort = Peers("AABABABABABABA", 5);
  const Policy policy = GroupPolicy();
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(cohort, policy, KeyedOptions());
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->status, GroupPlanStatus::kFeasible);
  for (const RuleCheckResult& r : plan->rules) {
    EXPECT_EQ(r.violations, 0) << r.rule;
  }
  // Every member in exactly one group; groups within bounds and one town.
  const Cohort pool = PoolCohort(cohort, kRolePeer);
  const ScoringModel model = *ScoringModel::Build(pool, policy);
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < pool.participants.size(); ++i) {
    index[pool.participants[i].id] = static_cast<int>(i);
  }
  std::multiset<std::string> placed;
  double total = 0.0;
  double worst = 1.0;
  int facilitated = 0;
  for (const PlannedGroup& g : plan->groups) {
    EXPECT_GE(g.member_ids.size(), 3U);
    EXPECT_LE(g.member_ids.size(), 4U);
    std::vector<int> members;
    for (const std::string& id : g.member_ids) {
      placed.insert(id);
      members.push_back(index.at(id));
      EXPECT_EQ(pool.participants[Idx(index.at(id))].attributes.at("town"),
                g.key_value);
    }
    // The explanation is the group's, as ExplainGroup computes it.
    const GroupExplanation why = ExplainGroupMembers(model, members);
    EXPECT_EQ(g.explanation.score, why.score);
    EXPECT_EQ(g.explanation.mean_pair_score, why.mean_pair_score);
    total += why.score;
    worst = std::min(worst, why.mean_pair_score);
    // The facilitator of the group's town, or a note.
    EXPECT_NE(g.facilitator_id.empty(), g.facilitator_note.empty());
    if (!g.facilitator_id.empty()) {
      EXPECT_EQ(g.facilitator_id, g.key_value == "A" ? "f0" : "f1");
      ++facilitated;
    }
  }
  EXPECT_EQ(placed.size(), 14U);
  EXPECT_EQ(std::set<std::string>(placed.begin(), placed.end()).size(), 14U);
  EXPECT_EQ(plan->summary.members, 14);
  EXPECT_EQ(plan->summary.assigned, 14);
  EXPECT_EQ(plan->summary.total, total);  // same sums in the same order
  EXPECT_EQ(plan->summary.worst_mean_pair_score, worst);
  EXPECT_EQ(plan->summary.facilitated_groups, facilitated);
  EXPECT_EQ(facilitated, 2);  // each facilitator leads one group
  EXPECT_EQ(plan->summary.stop_reason, GroupStopReason::kRoundLimit);
  EXPECT_GE(plan->summary.upper_bound, plan->summary.total - 1e-9);
}

// (Improvements reach the caller only from the search's paced reports, a
// matter of timing; their translation is tested in part_progress_test.)
TEST(PlanGroups, ProgressSpansTheWholeTimeLimit) {
  std::vector<Progress> progress;
  const CallContext context{
      .progress = [&](const Progress& p) { progress.push_back(p); }};
  const absl::StatusOr<GroupPlan> plan = PlanGroups(
      Peers("AABABABABABABA", 5), GroupPolicy(), KeyedOptions(), context);
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_GE(progress.size(), 2U);  // at least the end of each part
  // One total for the whole search: the time limit less what scoring and
  // shaping the groups took before it (the limit holds for the whole plan).
  for (const Progress& p : progress) {
    EXPECT_EQ(p.total, progress.front().total);
    EXPECT_LE(p.total, 600 * 1000);
    EXPECT_GT(p.total, 0);
    EXPECT_LE(p.done, p.total);
  }
}

TEST(PlanGroups, RulesTheSearchCannotKeepAreReportedNotMet) {
  // One group of 6: three members speak only fi, three only sv, so 3 x 3
  // pairs share no language. Nothing up front says so.
  GroupPlanOptions o = Sizes(6, 6);
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(Peers("AAAAAA", 20, {1, 3, 5}), GroupPolicy(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->status, GroupPlanStatus::kRulesNotMet);
  ASSERT_EQ(plan->groups.size(), 1U);
  ASSERT_EQ(plan->rules.size(), 2U);
  EXPECT_EQ(plan->rules[0].rule, "size 6-6");
  EXPECT_EQ(plan->rules[0].violations, 0);
  EXPECT_EQ(plan->rules[1].rule, "policy rules (hard criteria, avoid-lists)");
  EXPECT_EQ(plan->rules[1].violations, 3 * 3);
}

TEST(PlanGroups, ACancelledSearchStillGroupsEveryMember) {
  CancellationToken token;
  token.Cancel();
  GroupPlanOptions o = Sizes(3, 4);
  o.search.max_rounds = 0;  // only the time limit, and the token
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(Peers("AAAAAAAAAA"), GroupPolicy(), o, {.cancel = &token});
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->status, GroupPlanStatus::kCancelled);
  EXPECT_EQ(plan->summary.assigned, 10);
  EXPECT_EQ(plan->summary.stop_reason, GroupStopReason::kCancelled);
}

TEST(PlanGroups, TheSameInputsGiveTheSamePlan) {
  const Cohort cohort = Peers("AABABABABABABA", 5);
  const absl::StatusOr<GroupPlan> a =
      PlanGroups(cohort, GroupPolicy(), KeyedOptions());
  const absl::StatusOr<GroupPlan> b =
      PlanGroups(cohort, GroupPolicy(), KeyedOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->groups.size(), b->groups.size());
  for (std::size_t g = 0; g < a->groups.size(); ++g) {
    EXPECT_EQ(a->groups[g].member_ids, b->groups[g].member_ids);
    EXPECT_EQ(a->groups[g].facilitator_id, b->groups[g].facilitator_id);
  }
  EXPECT_EQ(a->summary.total, b->summary.total);
}

std::vector<int> SortedSizes(const GroupPlan& plan) {
  std::vector<int> sizes;
  for (const PlannedGroup& g : plan.groups) {
    sizes.push_back(static_cast<int>(g.member_ids.size()));
  }
  std::sort(sizes.begin(), sizes.end());
  return sizes;
}

TEST(PlanGroups, Issue12SizesAreEvenByDefault) {
  // 13 members in groups of 2-6: the fewest groups are 3, and the pair-sum
  // alone would fill two of them to 6.
  const Cohort peers = Peers("AAAAAAAAAAAAA");
  const absl::StatusOr<GroupPlan> even =
      PlanGroups(peers, GroupPolicy(), Sizes(2, 6));
  ASSERT_TRUE(even.ok()) << even.status();
  EXPECT_THAT(SortedSizes(*even), ::testing::ElementsAre(4, 4, 5));
  EXPECT_THAT(even->notes, IsEmpty());

  GroupPlanOptions free_sizes = Sizes(2, 6);
  free_sizes.even_sizes = false;
  const absl::StatusOr<GroupPlan> free =
      PlanGroups(peers, GroupPolicy(), free_sizes);
  ASSERT_TRUE(free.ok()) << free.status();
  EXPECT_EQ(free->groups.size(), 3U);
  for (const PlannedGroup& g : free->groups) {
    EXPECT_GE(g.member_ids.size(), 2U);
    EXPECT_LE(g.member_ids.size(), 6U);
  }
}

TEST(PlanGroups, Issue12TriesMoreGroupsWhenTheFewestBreakARule) {
  // p0..p3 avoid each other: 4 of them need 4 groups, while 9 members in
  // groups of 2-4 fit in 3. With 4 groups (2, 2, 2, 3) every rule holds.
  Cohort peers = Peers("AAAAAAAAA");
  for (int a = 0; a < 4; ++a) {
    for (int b = 0; b < 4; ++b) {
      if (a != b) peers.participants[Idx(a)].avoid.push_back(Name("p", b));
    }
  }
  const absl::StatusOr<GroupPlan> plan =
      PlanGroups(peers, GroupPolicy(), Sizes(2, 4));
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->status, GroupPlanStatus::kFeasible);
  EXPECT_THAT(SortedSizes(*plan), ::testing::ElementsAre(2, 2, 2, 3));
  EXPECT_THAT(plan->notes,
              ::testing::ElementsAre(
                  "1 group more than the fewest that fit: with fewer groups "
                  "the hard rules could not all hold"));
}

TEST(PlanGroups, Issue12AGivenGroupCountIsKeptEvenWhenRulesBreak) {
  Cohort peers = Peers("AAAAAAAAA");
  for (int a = 0; a < 4; ++a) {
    for (int b = 0; b < 4; ++b) {
      if (a != b) peers.participants[Idx(a)].avoid.push_back(Name("p", b));
    }
  }
  GroupPlanOptions o = Sizes(2, 4);
  o.group_count = 3;
  const absl::StatusOr<GroupPlan> plan = PlanGroups(peers, GroupPolicy(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->status, GroupPlanStatus::kRulesNotMet);
  EXPECT_EQ(plan->groups.size(), 3U);
}

}  // namespace
}  // namespace sopu
