#include "engine/groups/planning/group_facilitators.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/common/index.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/scoring/test_cohorts.h"

namespace sopu {
namespace {

using ::sopu::testing::CohortOf;
using ::sopu::testing::Make;
using ::sopu::testing::Person;
using ::testing::IsEmpty;

// The policy of these tests: a pair scores 1 when both have the same
// sector, else 0, and needs a shared language (a hard overlap with weight
// 0); avoid-lists are honoured. So a group's fit with a facilitator is the
// share of its members in the facilitator's sector.
Policy SectorPolicy() {
  Policy policy;
  policy.criteria = {Make(CriterionKind::kSimilar, "sector", 1.0),
                     Make(CriterionKind::kOverlap, "languages", 0.0, true)};
  return policy;
}

Participant With(const std::string& id, std::uint8_t roles,
                 const std::string& sector, const std::string& town,
                 std::vector<std::string> languages = {"fi"}) {
  Participant p = Person(id, roles);
  p.attributes["sector"] = sector;
  p.attributes["town"] = town;
  p.tags["languages"] = std::move(languages);
  return p;
}

// Instance: a cohort, its groups (cohort indices) and the key attribute.
struct Instance {
  Cohort cohort;
  std::vector<FacilitatedGroup> groups;
  std::string key;
};

// RandomInstance: 1-4 groups of 1-3 peers, 1-3 facilitators (facilitator
// capacity 0-2, sometimes a member too), random sectors, towns, languages and
// avoid-lists; keyed by town half of the time.
Instance RandomInstance(std::mt19937_64& rng) {
  const auto uniform = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const std::vector<std::vector<std::string>> languages = {
      {"fi"}, {"fi"}, {"sv"}, {"fi", "sv"}};
  const auto random_person = [&](const std::string& id, std::uint8_t roles,
                                 const std::string& town) {
    return With(id, roles,
                std::string(1, static_cast<char>('a' + uniform(0, 2))), town,
                languages[Idx(uniform(0, 3))]);
  };
  Instance out;
  out.key = uniform(0, 1) == 0 ? "" : "town";
  std::vector<Participant> people;
  const int groups = uniform(1, 4);
  for (int g = 0; g < groups; ++g) {
    FacilitatedGroup& group = out.groups.emplace_back();
    group.key_value = out.key.empty() ? "" : (uniform(0, 1) == 0 ? "A" : "B");
    const std::string town =
        out.key.empty() ? (uniform(0, 1) == 0 ? "A" : "B") : group.key_value;
    for (int k = uniform(1, 3); k > 0; --k) {
      group.members.push_back(static_cast<int>(people.size()));
      people.push_back(random_person(
          sopu::testing::Name("m", static_cast<int>(people.size())), kRolePeer,
          town));
    }
  }
  const int members = static_cast<int>(people.size());
  for (int f = uniform(1, 3); f > 0; --f) {
    if (uniform(0, 3) == 0) {  // a member facilitates too
      people[Idx(uniform(0, members - 1))].roles |= kRoleFacilitator;
    } else {
      people.push_back(random_person(sopu::testing::Name("f", f),
                                     kRoleFacilitator,
                                     uniform(0, 1) == 0 ? "A" : "B"));
    }
  }
  for (Participant& p : people) {
    if (p.Has(kRoleFacilitator)) p.facilitator_capacity = uniform(0, 2);
    const Participant& other =
        people[Idx(uniform(0, static_cast<int>(people.size()) - 1))];
    if (uniform(0, 5) == 0 && other.id != p.id) p.avoid.push_back(other.id);
  }
  out.cohort = CohortOf(people, 0);
  return out;
}

bool SharesLanguage(const Participant& a, const Participant& b) {
  for (const std::string& l : a.tags.at("languages")) {
    const auto& other = b.tags.at("languages");
    if (std::find(other.begin(), other.end(), l) != other.end()) return true;
  }
  return false;
}

bool Avoids(const Participant& a, const Participant& b) {
  return std::find(a.avoid.begin(), a.avoid.end(), b.id) != a.avoid.end();
}

// Fit: the group's fit with facilitator f (cohort index), or -1 when the
// pair is not allowed, computed from the definitions.
double Fit(const Instance& in, const FacilitatedGroup& g, int f) {
  const Participant& fp = in.cohort.participants[Idx(f)];
  if (!in.key.empty() && fp.attributes.at(in.key) != g.key_value) return -1;
  int same = 0;
  for (const int i : g.members) {
    const Participant& m = in.cohort.participants[Idx(i)];
    if (i == f || !SharesLanguage(m, fp) || Avoids(m, fp) || Avoids(fp, m)) {
      return -1;
    }
    same += m.attributes.at("sector") == fp.attributes.at("sector") ? 1 : 0;
  }
  return static_cast<double>(same) / static_cast<double>(g.members.size());
}

struct Best {
  int count = -1;
  double total = 0.0;
};

// BruteForce: the most groups with a facilitator, then the largest total
// fit, over every choice per group within the capacities.
Best BruteForce(const Instance& in, const std::vector<int>& facilitators) {
  const int g_count = static_cast<int>(in.groups.size());
  const int f_count = static_cast<int>(facilitators.size());
  std::vector<int> choice(Idx(g_count), -1);
  Best best;
  while (true) {
    std::vector<int> load(Idx(f_count), 0);
    Best here{0, 0.0};
    bool ok = true;
    for (int g = 0; g < g_count && ok; ++g) {
      const int c = choice[Idx(g)];
      if (c < 0) continue;
      const int f = facilitators[Idx(c)];
      const double fit = Fit(in, in.groups[Idx(g)], f);
      ok = fit >= 0 && ++load[Idx(c)] <=
                           in.cohort.participants[Idx(f)].facilitator_capacity;
      ++here.count;
      here.total += fit;
    }
    if (ok && (here.count > best.count ||
               (here.count == best.count && here.total > best.total + 1e-9))) {
      best = here;
    }
    int g = 0;
    while (g < g_count && ++choice[Idx(g)] == f_count) choice[Idx(g++)] = -1;
    if (g == g_count) break;
  }
  return best;
}

TEST(AssignFacilitators, EqualsBruteForceOnTinyInstances) {
  std::mt19937_64 rng(20251);
  const Policy policy = SectorPolicy();
  for (int trial = 0; trial < 200; ++trial) {
    const Instance in = RandomInstance(rng);
    std::vector<int> facilitators;
    for (std::size_t i = 0; i < in.cohort.participants.size(); ++i) {
      if (in.cohort.participants[i].Has(kRoleFacilitator)) {
        facilitators.push_back(static_cast<int>(i));
      }
    }
    const absl::StatusOr<std::vector<FacilitatorChoice>> choices =
        AssignFacilitators(in.cohort, policy, kRoleFacilitator, in.key,
                           in.groups);
    ASSERT_TRUE(choices.ok()) << choices.status();
    ASSERT_EQ(choices->size(), in.groups.size());
    Best got{0, 0.0};
    std::vector<int> load(in.cohort.participants.size(), 0);
    for (std::size_t g = 0; g < choices->size(); ++g) {
      const FacilitatorChoice& c = (*choices)[g];
      if (c.facilitator < 0) {
        EXPECT_FALSE(c.note.empty());
        continue;
      }
      const double fit = Fit(in, in.groups[g], c.facilitator);
      ASSERT_GE(fit, 0.0) << "trial " << trial << ": a forbidden facilitator";
      EXPECT_DOUBLE_EQ(c.fit, fit);
      EXPECT_TRUE(c.note.empty());
      EXPECT_LE(
          ++load[Idx(c.facilitator)],
          in.cohort.participants[Idx(c.facilitator)].facilitator_capacity);
      ++got.count;
      got.total += fit;
    }
    const Best best = BruteForce(in, facilitators);
    EXPECT_EQ(got.count, best.count) << "trial " << trial;
    EXPECT_NEAR(got.total, best.total, 1e-9) << "trial " << trial;
  }
}

TEST(AssignFacilitators, SaysWhyAGroupHasNone) {
  // Groups {a1, a2}, {a3} and {a4} in town A, {b1} in B, {c1} in C;
  // facilitators f1 (A, sector x), f2 (A, sector y), f3 (B, speaks only
  // sv), each leading at most 1 group.
  const Cohort cohort = CohortOf(
      {With("a1", kRolePeer, "x", "A"), With("a2", kRolePeer, "x", "A"),
       With("a3", kRolePeer, "y", "A"), With("b1", kRolePeer, "x", "B"),
       With("c1", kRolePeer, "x", "C"), With("a4", kRolePeer, "z", "A"),
       With("f1", kRoleFacilitator, "x", "A"),
       With("f2", kRoleFacilitator, "y", "A"),
       With("f3", kRoleFacilitator, "x", "B", {"sv"})},
      0);
  const std::vector<FacilitatedGroup> groups = {
      {{0, 1}, "A"}, {{2}, "A"}, {{3}, "B"}, {{4}, "C"}, {{5}, "A"}};
  absl::StatusOr<std::vector<FacilitatorChoice>> choices = AssignFacilitators(
      cohort, SectorPolicy(), kRoleFacilitator, "town", groups);
  ASSERT_TRUE(choices.ok()) << choices.status();
  ASSERT_EQ(choices->size(), 5U);
  // The first two A groups get the facilitator of their sector, fit 1 each
  // (a4's sector is neither's).
  EXPECT_EQ((*choices)[0].facilitator, 6);
  EXPECT_EQ((*choices)[0].fit, 1.0);
  EXPECT_EQ((*choices)[1].facilitator, 7);
  EXPECT_EQ((*choices)[1].fit, 1.0);
  EXPECT_EQ((*choices)[2].note,
            "the policy forbids each of the 1 possible facilitators with some "
            "member");
  EXPECT_EQ((*choices)[3].note, "no facilitator has this group's town");
  EXPECT_EQ((*choices)[4].note, "all 2 allowed facilitators lead other groups");

  // Without a key every facilitator may lead any group.
  absl::StatusOr<std::vector<FacilitatorChoice>> unkeyed = AssignFacilitators(
      cohort, SectorPolicy(), kRoleFacilitator, "", {{{2}, ""}, {{1}, ""}});
  ASSERT_TRUE(unkeyed.ok());
  EXPECT_EQ((*unkeyed)[0].facilitator, 7);  // sector y
  EXPECT_EQ((*unkeyed)[1].facilitator, 6);  // f1 (f3 shares no language)
}

TEST(AssignFacilitators, OneAllowedFacilitatorLeadingAnotherGroup) {
  const Cohort cohort = CohortOf(
      {With("a1", kRolePeer, "x", "A"), With("a2", kRolePeer, "y", "A"),
       With("f1", kRoleFacilitator, "x", "A")},
      0);
  absl::StatusOr<std::vector<FacilitatorChoice>> choices = AssignFacilitators(
      cohort, SectorPolicy(), kRoleFacilitator, "", {{{0}, ""}, {{1}, ""}});
  ASSERT_TRUE(choices.ok());
  EXPECT_EQ((*choices)[0].facilitator, 2);
  EXPECT_EQ((*choices)[1].note, "all 1 allowed facilitator leads other groups");
}

TEST(AssignFacilitators, NobodyToFacilitateOrNoGroups) {
  const Cohort cohort = CohortOf(
      {With("a1", kRolePeer, "x", "A"), With("f1", kRoleFacilitator, "x", "A")},
      0);
  absl::StatusOr<std::vector<FacilitatorChoice>> none =
      AssignFacilitators(cohort, SectorPolicy(), kRoleMentor, "", {{{0}, ""}});
  ASSERT_TRUE(none.ok());
  ASSERT_EQ(none->size(), 1U);
  EXPECT_EQ((*none)[0].facilitator, -1);
  EXPECT_EQ((*none)[0].note, "no participant can facilitate");
  // No groups: nothing to score (the scoring model would have no mentee).
  absl::StatusOr<std::vector<FacilitatorChoice>> empty =
      AssignFacilitators(cohort, SectorPolicy(), kRoleFacilitator, "", {});
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_THAT(*empty, IsEmpty());
}

}  // namespace
}  // namespace sopu
