#include "service/handlers/groups_handler.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/status/bad_request.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::sopu::testing::ToPairs;
using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// Members p01.. with the role peer: town by the `towns` string (one letter
// per member: A = Vaasa, B = Oulu, - = none), organisation o<k % orgs>,
// sector s<k % 3>, themes alternating so that complement scores vary.
sopu::v1::GroupsRequest Request(const std::string& towns, int orgs = 20) {
  sopu::v1::GroupsRequest request;
  auto* cohort = request.mutable_cohort();
  cohort->mutable_taxonomy()->add_themes()->set_id("lead");
  cohort->mutable_taxonomy()->add_themes()->set_id("craft");
  for (std::size_t k = 0; k < towns.size(); ++k) {
    auto* p = cohort->add_participants();
    p->set_id(absl::StrCat("p", k < 9 ? "0" : "", k + 1));
    p->add_roles(sopu::v1::ROLE_PEER);
    (*p->mutable_competences())[k % 2 == 0 ? "lead" : "craft"] =
        1.0 + static_cast<double>(k % 5);
    (*p->mutable_goals())[k % 2 == 0 ? "craft" : "lead"] =
        1.0 + static_cast<double>((k * 3) % 5);
    (*p->mutable_tags())["languages"].add_values("fi");
    if (towns[k] != '-') {
      (*p->mutable_attributes())["town"] = towns[k] == 'A' ? "Vaasa" : "Oulu";
    }
    (*p->mutable_attributes())["organisation"] =
        absl::StrCat("o", static_cast<int>(k) % orgs);
    (*p->mutable_attributes())["sector"] =
        absl::StrCat("s", static_cast<int>(k) % 3);
  }
  request.set_min_size(4);
  request.set_max_size(6);
  request.set_max_rounds(3);
  request.set_time_limit_seconds(30.0);
  return request;
}

std::map<std::string, const sopu::v1::Participant*> ById(
    const sopu::v1::GroupsRequest& request) {
  std::map<std::string, const sopu::v1::Participant*> out;
  for (const auto& p : request.cohort().participants()) out[p.id()] = &p;
  return out;
}

std::string Attribute(const sopu::v1::Participant& p, const std::string& a) {
  const auto it = p.attributes().find(a);
  return it == p.attributes().end() ? "" : it->second;
}

TEST(GroupsHandler, ExplainsAKeyValueWhoseMembersCannotFillAGroup) {
  // Without a key the 12 members fit; with the key Vaasa's 7 do not.
  const auto response = HandleGroups(Request("AAAAAAABBBBB"));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status(), sopu::v1::GROUPS_STATUS_FEASIBLE);
  EXPECT_EQ(response->groups_size(), 2);
  sopu::v1::GroupsRequest keyed = Request("AAAAAAABBBBB");
  keyed.set_key_attribute("town");
  const auto r = HandleGroups(keyed);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status(), sopu::v1::GROUPS_STATUS_INFEASIBLE);
  ASSERT_EQ(r->infeasible_size(), 1);
  EXPECT_EQ(r->infeasible(0).key_value(), "Vaasa");
  EXPECT_EQ(r->infeasible(0).explanation(),
            "7 members with town Vaasa cannot form groups of 4-6");
}

TEST(GroupsHandler, GroupsEachKeyValueApart) {
  sopu::v1::GroupsRequest request = Request("AAAAAAAABBBBB");
  request.set_key_attribute("town");
  const auto r = HandleGroups(request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status(), sopu::v1::GROUPS_STATUS_FEASIBLE);
  const auto people = ById(request);
  int assigned = 0;
  for (const auto& g : r->groups()) {
    EXPECT_GE(g.member_ids_size(), 4);
    EXPECT_LE(g.member_ids_size(), 6);
    for (const auto& id : g.member_ids()) {
      EXPECT_EQ(Attribute(*people.at(id), "town"), g.key_value());
      ++assigned;
    }
  }
  EXPECT_EQ(assigned, 13);
  EXPECT_EQ(r->summary().assigned(), 13);
  EXPECT_EQ(r->groups_size(), 3);  // Vaasa 8 = 4 + 4, Oulu 5
  EXPECT_EQ(r->unassigned_size(), 0);
  for (const auto& rule : r->rules()) EXPECT_TRUE(rule.holds()) << rule.rule();
}

TEST(GroupsHandler, Issue12NamesEachMemberWithoutAKeyValue) {
  // A member without a town could join no group: the request is refused and
  // the member named, instead of a plan that silently leaves them out.
  sopu::v1::GroupsRequest request = Request("AAAA-AAAABBBBB-");
  request.set_key_attribute("town");
  const auto r = HandleGroups(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string why =
      "has no value; every member needs one, since groups are formed by "
      "town (key_attribute)";
  EXPECT_THAT(
      ToPairs(ViolationsOf(r.status())),
      ElementsAre(Pair("cohort.participants[4].attributes.town", why),
                  Pair("cohort.participants[14].attributes.town", why)));
}

TEST(GroupsHandler, Issue12RefusesAKeyNoMemberHasAndSaysWhatExists) {
  sopu::v1::GroupsRequest request = Request("AAAABBBB");
  request.set_key_attribute("twon");
  const auto r = HandleGroups(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(r.status())),
              ElementsAre(Pair("key_attribute",
                               "no member has a value of `twon`; the members "
                               "have organisation, sector, town (did you mean "
                               "`town`?)")));
}

TEST(GroupsHandler, Issue12RefusesBalanceNamesNoMemberHas) {
  sopu::v1::GroupsRequest request = Request("AAAAAA");
  auto* spread = request.add_balance();
  spread->set_attribute("sektori");
  spread->set_spread(true);
  auto* minority = request.add_balance();
  minority->set_attribute("sector");
  minority->add_no_isolated_values("s1");
  minority->add_no_isolated_values("Tanssi");
  const auto r = HandleGroups(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      ToPairs(ViolationsOf(r.status())),
      ElementsAre(
          Pair("balance[0].attribute",
               "no member has a value of `sektori`; the members have "
               "organisation, sector, town (did you mean `sector`?)"),
          Pair("balance[1].no_isolated_values[1]",
               "no member has sector `Tanssi`; the members' values are s0, "
               "s1, s2")));
}

TEST(GroupsHandler, KeepsOrganisationCapSpreadAndNoIsolatedMinority) {
  // 18 members, 3 groups of 6; organisations o0..o5 (3 members each),
  // sectors s0..s2 (6 each).
  sopu::v1::GroupsRequest request = Request(std::string(18, 'A'), 6);
  request.set_min_size(6);
  request.set_max_per_organisation(1);
  auto* spread = request.add_balance();
  spread->set_attribute("sector");
  spread->set_spread(true);
  auto* minority = request.add_balance();
  minority->set_attribute("sector");
  minority->add_no_isolated_values("s1");
  const auto r = HandleGroups(request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status(), sopu::v1::GROUPS_STATUS_FEASIBLE);
  const auto people = ById(request);
  for (const auto& g : r->groups()) {
    std::map<std::string, int> org;
    std::map<std::string, int> sector;
    for (const auto& id : g.member_ids()) {
      ++org[Attribute(*people.at(id), "organisation")];
      ++sector[Attribute(*people.at(id), "sector")];
    }
    for (const auto& [o, c] : org) EXPECT_LE(c, 1) << o;
    // Spread: 6 holders over 3 groups -> at most 2 each; with 6 members
    // that means exactly 2 of each sector.
    for (const auto& [s, c] : sector) EXPECT_EQ(c, 2) << s;
  }
  std::vector<std::string> rules;
  for (const auto& rule : r->rules()) {
    rules.push_back(rule.rule());
    EXPECT_TRUE(rule.holds());
  }
  EXPECT_THAT(rules, ElementsAre("size 6-6",
                                 "policy rules (hard criteria, avoid-lists)",
                                 "at most 1 per organisation", "spread sector",
                                 "no isolated sector s1"));
}

TEST(GroupsHandler, HonoursAvoidListsAndTogetherPairs) {
  sopu::v1::GroupsRequest request = Request(std::string(12, 'A'));
  // p01 avoids p02 and p03; p04 must be with p05, p06 with p07.
  auto* p01 = request.mutable_cohort()->mutable_participants(0);
  p01->add_avoid("p02");
  p01->add_avoid("p03");
  auto* t1 = request.add_together();
  t1->set_first_id("p04");
  t1->set_second_id("p05");
  auto* t2 = request.add_together();
  t2->set_first_id("p06");
  t2->set_second_id("p07");
  const auto r = HandleGroups(request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status(), sopu::v1::GROUPS_STATUS_FEASIBLE);
  std::map<std::string, int> group;
  for (const auto& g : r->groups()) {
    for (const auto& id : g.member_ids()) group[id] = g.number();
  }
  EXPECT_NE(group["p01"], group["p02"]);
  EXPECT_NE(group["p01"], group["p03"]);
  EXPECT_EQ(group["p04"], group["p05"]);
  EXPECT_EQ(group["p06"], group["p07"]);
}

TEST(GroupsHandler, ExplainsRulesThatCannotAllHold) {
  sopu::v1::GroupsRequest request = Request(std::string(8, 'A'), 2);
  request.set_max_per_organisation(1);  // 4 members of o0, 2 groups
  auto* minority = request.add_balance();
  minority->set_attribute("sector");
  request.mutable_cohort()->mutable_participants(7)->mutable_attributes()->at(
      "sector") = "lonely";
  minority->add_no_isolated_values("lonely");
  auto* t = request.add_together();
  t->set_first_id("p01");
  t->set_second_id("p02");
  request.mutable_cohort()->mutable_participants(0)->add_avoid("p02");
  const auto r = HandleGroups(request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status(), sopu::v1::GROUPS_STATUS_INFEASIBLE);
  std::vector<std::string> why;
  for (const auto& f : r->infeasible()) why.push_back(f.explanation());
  EXPECT_THAT(why, UnorderedElementsAre(
                       "p01 and p02 must be together but the policy forbids "
                       "pairing them",
                       "4 members share organisation o0, but 2 groups take at "
                       "most 1 each",
                       "4 members share organisation o1, but 2 groups take at "
                       "most 1 each",
                       "only 1 member has sector lonely, so their group would "
                       "hold them alone"));
}

TEST(GroupsHandler, AssignsFacilitatorsByFitWithinCapacityAndKey) {
  sopu::v1::GroupsRequest request = Request("AAAAAAAABBBBB");
  request.set_key_attribute("town");
  request.set_facilitator_role(sopu::v1::ROLE_FACILITATOR);
  auto add = [&](const std::string& id, const std::string& town, int cap) {
    auto* f = request.mutable_cohort()->add_participants();
    f->set_id(id);
    f->add_roles(sopu::v1::ROLE_FACILITATOR);
    (*f->mutable_competences())["lead"] = 5;
    (*f->mutable_competences())["craft"] = 5;
    (*f->mutable_tags())["languages"].add_values("fi");
    (*f->mutable_attributes())["town"] = town;
    f->set_facilitator_capacity(cap);
  };
  add("f1", "Vaasa", 1);  // two Vaasa groups, one Vaasa facilitator
  add("f2", "Turku", 3);  // no Turku groups
  const auto r = HandleGroups(request);
  ASSERT_TRUE(r.ok()) << r.status();
  std::multiset<std::string> facilitators;
  std::vector<std::string> notes;
  for (const auto& g : r->groups()) {
    if (!g.facilitator_id().empty()) {
      facilitators.insert(g.facilitator_id());
      EXPECT_EQ(g.key_value(), "Vaasa");
      EXPECT_GT(g.facilitator_fit(), 0.0);
    } else {
      notes.push_back(g.facilitator_note());
    }
  }
  EXPECT_THAT(facilitators, UnorderedElementsAre("f1"));
  EXPECT_THAT(notes, UnorderedElementsAre(
                         "all 1 allowed facilitator leads other groups",
                         "no facilitator has this group's town"));
  EXPECT_EQ(r->summary().facilitated_groups(), 1);
}

TEST(GroupsHandler, SameRequestGivesTheSameGroups) {
  sopu::v1::GroupsRequest request = Request(std::string(20, 'A'));
  const auto a = HandleGroups(request);
  const auto b = HandleGroups(request);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->groups_size(), b->groups_size());
  for (int g = 0; g < a->groups_size(); ++g) {
    EXPECT_THAT(a->groups(g).member_ids(),
                ::testing::ElementsAreArray(b->groups(g).member_ids()));
  }
  // The breakdown's contributions sum to the group's score.
  for (const auto& g : a->groups()) {
    double sum = 0.0;
    for (const auto& c : g.breakdown()) sum += c.contribution();
    EXPECT_NEAR(sum, g.score(), 1e-9);
  }
}

// BrokenRules: the rules the response reports broken, with their counts.
std::map<std::string, int> BrokenRules(const sopu::v1::GroupsResponse& r) {
  std::map<std::string, int> out;
  for (const auto& rule : r.rules()) {
    EXPECT_EQ(rule.holds(), rule.violations() == 0) << rule.rule();
    if (!rule.holds()) out[rule.rule()] = rule.violations();
  }
  return out;
}

TEST(GroupsHandler, ReportsRulesNotMetWhenNoGroupingKeepsThePolicyRules) {
  // One group of 6 (sizes 6-6): p02, p04 and p06 speak only Swedish, the
  // others only Finnish, and the default policy needs a shared language, so
  // 3 x 3 pairs of the only possible group are forbidden. Nothing checked
  // before the search detects this.
  sopu::v1::GroupsRequest request = Request("AAAAAA");
  request.set_min_size(6);
  request.set_max_size(6);
  for (const int k : {1, 3, 5}) {
    request.mutable_cohort()
        ->mutable_participants(k)
        ->mutable_tags()
        ->at("languages")
        .set_values(0, "sv");
  }
  const auto r = HandleGroups(request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status(), sopu::v1::GROUPS_STATUS_RULES_NOT_MET);
  EXPECT_EQ(r->infeasible_size(), 0);
  ASSERT_EQ(r->groups_size(), 1);
  EXPECT_EQ(r->groups(0).member_ids_size(), 6);
  ASSERT_EQ(r->rules_size(), 2);
  EXPECT_EQ(r->rules(0).rule(), "size 6-6");
  EXPECT_TRUE(r->rules(0).holds());
  EXPECT_THAT(BrokenRules(*r),
              UnorderedElementsAre(
                  Pair("policy rules (hard criteria, avoid-lists)", 3 * 3)));
}

TEST(GroupsHandler, ReportsRulesNotMetForATogetherChainAcrossAnAvoidedPair) {
  // p01 with p02 and p02 with p03 must be together, but p01 avoids p03:
  // each pair is allowed on its own, so the rules pass the checks before
  // the search, which then must break one of them.
  sopu::v1::GroupsRequest request = Request(std::string(12, 'A'));
  for (const auto& [first, second] :
       {std::pair{"p01", "p02"}, std::pair{"p02", "p03"}}) {
    auto* t = request.add_together();
    t->set_first_id(first);
    t->set_second_id(second);
  }
  request.mutable_cohort()->mutable_participants(0)->add_avoid("p03");
  const auto r = HandleGroups(request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status(), sopu::v1::GROUPS_STATUS_RULES_NOT_MET);
  EXPECT_EQ(r->infeasible_size(), 0);
  // The rules list agrees with the groups returned.
  std::map<std::string, int> group;
  for (const auto& g : r->groups()) {
    for (const auto& id : g.member_ids()) group[id] = g.number();
  }
  std::map<std::string, int> expected;
  const int split = (group["p01"] != group["p02"] ? 1 : 0) +
                    (group["p02"] != group["p03"] ? 1 : 0);
  if (split > 0) expected["together"] = split;
  if (group["p01"] == group["p03"]) {
    expected["policy rules (hard criteria, avoid-lists)"] = 1;
  }
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(BrokenRules(*r), expected);
}

TEST(GroupsHandler, RejectsSizesCountsAndTimesBeyondTheSharedLimits) {
  sopu::v1::GroupsRequest request = Request("AAAAAA");
  request.set_max_size(10001);
  request.set_group_count(10001);
  request.set_time_limit_seconds(3600.5);
  const auto r = HandleGroups(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ToPairs(ViolationsOf(r.status())),
              ElementsAre(Pair("max_size", "must be <= 10000"),
                          Pair("group_count", "must be <= 10000"),
                          Pair("time_limit_seconds", "must be in (0, 3600]")));
}

TEST(GroupsHandler, RejectsBadFieldsNamingThem) {
  sopu::v1::GroupsRequest request = Request("AAAAAA");
  request.set_min_size(5);
  request.set_max_size(3);
  request.set_group_count(2);
  request.set_key_attribute("town");
  request.set_time_limit_seconds(0);
  auto* t = request.add_together();
  t->set_first_id("p01");
  t->set_second_id("nobody");
  const auto r = HandleGroups(request);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      ToPairs(ViolationsOf(r.status())),
      ElementsAre(
          Pair("min_size", "needs 1 <= min_size <= max_size"),
          Pair("group_count",
               "cannot be combined with key_attribute (each key value gets "
               "the groups its members need)"),
          Pair("time_limit_seconds", "must be in (0, 3600]"),
          Pair("together[0].second_id", "no participant has this id")));
}

}  // namespace
}  // namespace sopu::service
