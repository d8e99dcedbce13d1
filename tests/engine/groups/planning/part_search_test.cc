#include "engine/groups/planning/part_search.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/common/index.h"
#include "engine/groups/group_problem.h"
#include "engine/groups/planning/time_budget.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/groups/planning/planning_fixtures.h"

namespace sopu {
namespace {

using ::sopu::testing::Peer;
using ::sopu::testing::PoolOf;
using ::testing::IsEmpty;

// Part: members first..first+n-1 in groups of 2..3 with seeded affinities
// in eighths (exact sums).
GroupPart Part(const std::string& key, int first, int n, std::uint64_t seed) {
  GroupPart part;
  part.key_value = key;
  for (int k = 0; k < n; ++k) part.members.push_back(first + k);
  GroupProblem& p = part.problem;
  p.elements = n;
  p.groups.assign(Idx((n + 2) / 3), GroupBounds{2, 3});
  p.affinity.assign(Idx(n) * Idx(n), 0.0);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> eighths(0, 40);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      p.affinity[At(i, j, n)] = p.affinity[At(j, i, n)] = eighths(rng) / 8.0;
    }
  }
  return part;
}

struct Fixture {
  std::vector<Participant> people;
  std::vector<GroupPart> parts;

  Fixture() {
    for (int i = 0; i < 14; ++i)
      people.push_back(Peer("p" + std::to_string(i)));
    parts = {Part("A", 0, 8, 1), Part("B", 8, 6, 2)};
  }
};

PartSearchOptions Rounds(std::int64_t rounds) {
  PartSearchOptions o;
  o.time_limit_seconds = 600.0;  // the round limit ends every search
  o.max_rounds = rounds;
  o.seed = 7;
  return o;
}

TEST(SearchParts, EachPartIsTheSearchOfItsOwnProblemAndTotalsAreSums) {
  const Fixture f;
  const PartSearchOptions options = Rounds(2);
  absl::StatusOr<PartSearchResult> r =
      SearchParts(f.parts, PoolOf(f.people), options, {});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->group_of.size(), 2U);
  const std::vector<double> shares = ShareTimeBudget({8, 6}, 600.0);
  std::int64_t rounds = 0;
  double upper_bound = 0.0;
  for (std::size_t p = 0; p < 2; ++p) {
    GroupSolverOptions solver;
    solver.time_limit_seconds = shares[p];
    solver.max_rounds = options.max_rounds;
    solver.seed = options.seed;
    absl::StatusOr<GroupSolveResult> alone =
        SolveGroups(f.parts[p].problem, solver);
    ASSERT_TRUE(alone.ok());
    EXPECT_EQ(r->group_of[p], alone->group_of) << "part " << p;
    EXPECT_TRUE(IsWithinBounds(f.parts[p].problem, r->group_of[p]));
    rounds += alone->rounds;
    upper_bound += alone->upper_bound;
  }
  EXPECT_EQ(r->rounds, rounds);
  EXPECT_EQ(r->upper_bound, upper_bound);
  EXPECT_EQ(r->violations, 0);
  EXPECT_FALSE(r->cancelled);
  EXPECT_EQ(r->stop_reason, GroupStopReason::kRoundLimit);
  EXPECT_GE(r->seconds_to_best, 0.0);
}

TEST(SearchParts, SumsTheViolationsThePartsCannotAvoid) {
  Fixture f;
  // Part B: elements 0 and 1 apart and together at once.
  f.parts[1].problem.apart.emplace_back(0, 1);
  f.parts[1].problem.together.emplace_back(0, 1);
  absl::StatusOr<PartSearchResult> r =
      SearchParts(f.parts, PoolOf(f.people), Rounds(1), {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->violations, 1);
}

// (Improvements come only from the search's paced reports, a matter of
// timing; their translation is tested in part_progress_test.)
TEST(SearchParts, ReportsProgressOverTheWholeTimeLimit) {
  const Fixture f;
  std::vector<Progress> progress;
  const CallContext context{
      .progress = [&](const Progress& p) { progress.push_back(p); }};
  absl::StatusOr<PartSearchResult> r =
      SearchParts(f.parts, PoolOf(f.people), Rounds(2), context);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_GE(progress.size(), 2U);  // each search reports when it ends
  for (const Progress& p : progress) {
    EXPECT_EQ(p.total, 600 * 1000);
    EXPECT_EQ(p.improved_group_of, nullptr);
    EXPECT_LE(p.done, p.total);
  }
}

TEST(SearchParts, CancellationReachesEveryPart) {
  const Fixture f;
  CancellationToken token;
  token.Cancel();
  absl::StatusOr<PartSearchResult> r = SearchParts(
      f.parts, PoolOf(f.people), Rounds(1000000), {.cancel = &token});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->cancelled);
  EXPECT_EQ(r->stop_reason, GroupStopReason::kCancelled);
  ASSERT_EQ(r->group_of.size(), 2U);
  for (std::size_t p = 0; p < 2; ++p) {
    EXPECT_TRUE(IsWithinBounds(f.parts[p].problem, r->group_of[p]));
  }
}

TEST(SearchParts, NoPartsNoSearchAndBadProblemsAreErrors) {
  const Fixture f;
  absl::StatusOr<PartSearchResult> none =
      SearchParts({}, PoolOf(f.people), Rounds(1), {});
  ASSERT_TRUE(none.ok());
  EXPECT_THAT(none->group_of, IsEmpty());
  EXPECT_FALSE(none->stop_reason.has_value());

  std::vector<GroupPart> bad = f.parts;
  bad[1].problem.groups.assign(1, GroupBounds{2, 3});  // 6 cannot fit
  EXPECT_EQ(SearchParts(bad, PoolOf(f.people), Rounds(1), {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sopu
