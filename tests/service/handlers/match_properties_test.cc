// Properties of HandleMatch on random cohorts: locked pairs are always in the
// result, capacities and hard rules hold, and the objectives order as they
// must: max-score >= optimal >= fair in total; optimal and fair match the
// same number of mentees, stable and max-score no more. (A stable result
// that matches fewer mentees may total more than the optimal one.)
#include <map>
#include <random>
#include <set>

#include "gtest/gtest.h"
#include "service/handlers/match_handler.h"

namespace sopu::service {
namespace {

struct RandomCase {
  sopu::v1::MatchRequest request;
  std::map<std::string, std::set<std::string>> languages;
  std::map<std::string, int> capacity;
  std::set<std::pair<std::string, std::string>> avoided;  // both directions
};

RandomCase MakeCase(unsigned seed) {
  std::mt19937 rng(seed);
  RandomCase c;
  auto* cohort = c.request.mutable_cohort();
  const std::vector<std::string> themes = {"t1", "t2", "t3"};
  for (const auto& t : themes)
    cohort->mutable_taxonomy()->add_themes()->set_id(t);
  const std::vector<std::string> langs = {"fi", "sv", "en"};
  std::uniform_int_distribution<int> level(0, 5);
  std::uniform_int_distribution<int> lang(0, 2);
  std::bernoulli_distribution coin(0.3);
  const int mentors = 5;
  const int mentees = 12;
  for (int i = 0; i < mentors + mentees; ++i) {
    const bool mentor = i < mentors;
    auto* p = cohort->add_participants();
    p->set_id((mentor ? "m" : "a") + std::to_string(i));
    p->add_roles(mentor ? sopu::v1::ROLE_MENTOR : sopu::v1::ROLE_MENTEE);
    for (const auto& t : themes) {
      (*(mentor ? p->mutable_competences() : p->mutable_goals()))[t] =
          level(rng);
    }
    if (!mentor) (*p->mutable_goals())["t1"] = 1 + level(rng) % 5;
    if (mentor) {
      p->set_capacity(1 + static_cast<int>(rng() % 3));
      c.capacity[p->id()] = p->capacity();
    }
    auto& tags = (*p->mutable_tags())["languages"];
    std::set<std::string> spoken = {langs[static_cast<std::size_t>(lang(rng))]};
    if (coin(rng)) spoken.insert(langs[static_cast<std::size_t>(lang(rng))]);
    for (const auto& l : spoken) tags.add_values(l);
    c.languages[p->id()] = spoken;
  }
  // A few avoid-lists: a mentee avoiding a mentor.
  for (int k = 0; k < 3; ++k) {
    auto* p = cohort->mutable_participants(mentors +
                                           static_cast<int>(rng() % mentees));
    const std::string avoided = "m" + std::to_string(rng() % mentors);
    p->add_avoid(avoided);
    c.avoided.insert({p->id(), avoided});
  }
  return c;
}

bool Allowed(const RandomCase& c, const std::string& mentee,
             const std::string& mentor) {
  if (c.avoided.contains({mentee, mentor})) return false;
  for (const auto& l : c.languages.at(mentee)) {
    if (c.languages.at(mentor).contains(l)) return true;
  }
  return false;
}

TEST(MatchProperties, LocksHardRulesCapacitiesAndObjectiveOrder) {
  std::size_t locks_tested = 0;
  int unmatched_seen = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    RandomCase c = MakeCase(seed);
    // Lock up to two allowed pairs that fit the capacities.
    std::mt19937 rng(seed * 7919U);
    std::map<std::string, int> room = c.capacity;
    std::set<std::pair<std::string, std::string>> locks;
    std::set<std::string> locked_mentees;
    for (int tries = 0; tries < 50 && locks.size() < 2; ++tries) {
      const std::string mentee = "a" + std::to_string(5 + rng() % 12);
      const std::string mentor = "m" + std::to_string(rng() % 5);
      if (locked_mentees.contains(mentee) || room[mentor] == 0 ||
          !Allowed(c, mentee, mentor)) {
        continue;
      }
      --room[mentor];
      locked_mentees.insert(mentee);
      locks.insert({mentee, mentor});
      auto* pair = c.request.add_locked();
      pair->set_mentee_id(mentee);
      pair->set_mentor_id(mentor);
    }

    locks_tested += locks.size();
    std::map<sopu::v1::Objective, double> totals;
    std::map<sopu::v1::Objective, int> matched;
    for (auto objective :
         {sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED,
          sopu::v1::OBJECTIVE_MAX_SCORE, sopu::v1::OBJECTIVE_FAIR,
          sopu::v1::OBJECTIVE_STABLE}) {
      c.request.set_objective(objective);
      auto response = HandleMatch(c.request);
      ASSERT_TRUE(response.ok())
          << "seed " << seed << ": " << response.status();
      std::map<std::string, int> used;
      std::set<std::pair<std::string, std::string>> seen_locks;
      for (const auto& p : response->pairs()) {
        EXPECT_TRUE(Allowed(c, p.mentee_id(), p.mentor_id()))
            << "seed " << seed << " " << p.mentee_id() << "-" << p.mentor_id();
        ++used[p.mentor_id()];
        if (locks.contains({p.mentee_id(), p.mentor_id()})) {
          EXPECT_TRUE(p.locked());
          seen_locks.insert({p.mentee_id(), p.mentor_id()});
        }
      }
      EXPECT_EQ(seen_locks, locks)
          << "seed " << seed << " objective " << objective;
      for (const auto& [mentor, n] : used) {
        EXPECT_LE(n, c.capacity.at(mentor)) << "seed " << seed;
      }
      EXPECT_EQ(response->pairs_size() + response->unmatched_size(), 12);
      unmatched_seen += response->unmatched_size();
      totals[objective] = response->summary().total();
      matched[objective] = response->summary().matched();
    }
    const double eps = 1e-5;
    EXPECT_GE(totals[sopu::v1::OBJECTIVE_MAX_SCORE] + eps,
              totals[sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED])
        << "seed " << seed;
    EXPECT_GE(matched[sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED],
              matched[sopu::v1::OBJECTIVE_MAX_SCORE]);
    EXPECT_EQ(matched[sopu::v1::OBJECTIVE_FAIR],
              matched[sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED]);
    EXPECT_GE(matched[sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED],
              matched[sopu::v1::OBJECTIVE_STABLE]);
    EXPECT_GE(totals[sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED] + eps,
              totals[sopu::v1::OBJECTIVE_FAIR])
        << "seed " << seed;
  }
  // The cases exercise what they claim to.
  EXPECT_GT(locks_tested, 40U);
  EXPECT_GT(unmatched_seen, 0);
}

}  // namespace
}  // namespace sopu::service
