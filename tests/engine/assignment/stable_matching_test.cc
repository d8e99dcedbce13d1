#include "engine/assignment/stable_matching.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "engine/assignment/assignment_problem.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

// Position of `x` in `list`, or -1.
int PositionIn(const std::vector<int>& list, int x) {
  const auto it = std::find(list.begin(), list.end(), x);
  return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

// NaiveBlockingPairs: the definition, pair by pair, independent of the
// solver's rank tables.
std::int64_t NaiveBlockingPairs(const StableMatchingProblem& p,
                                const std::vector<int>& mentor_of) {
  std::int64_t blocking = 0;
  for (int i = 0; i < p.mentees; ++i) {
    const auto& mine = p.mentee_prefs[static_cast<std::size_t>(i)];
    for (int j = 0; j < p.mentors; ++j) {
      const auto& theirs = p.mentor_prefs[static_cast<std::size_t>(j)];
      const int i_rank_of_j = PositionIn(mine, j);
      const int j_rank_of_i = PositionIn(theirs, i);
      if (i_rank_of_j < 0 || j_rank_of_i < 0) continue;
      const int current = mentor_of[static_cast<std::size_t>(i)];
      if (current == j) continue;
      const bool i_wants =
          current < 0 || i_rank_of_j < PositionIn(mine, current);
      int load = 0;
      bool j_wants = false;
      for (int k = 0; k < p.mentees; ++k) {
        if (mentor_of[static_cast<std::size_t>(k)] != j) continue;
        ++load;
        if (j_rank_of_i < PositionIn(theirs, k)) j_wants = true;
      }
      if (load < p.capacity[static_cast<std::size_t>(j)]) j_wants = true;
      if (i_wants && j_wants) ++blocking;
    }
  }
  return blocking;
}

// AllMatchings: every matching of p (mutually acceptable pairs, capacities).
void Enumerate(const StableMatchingProblem& p, int i, std::vector<int>& load,
               std::vector<int>& mentor_of,
               std::vector<std::vector<int>>& out) {
  if (i == p.mentees) {
    out.push_back(mentor_of);
    return;
  }
  const auto si = static_cast<std::size_t>(i);
  mentor_of[si] = -1;
  Enumerate(p, i + 1, load, mentor_of, out);
  for (const int j : p.mentee_prefs[si]) {
    const auto sj = static_cast<std::size_t>(j);
    if (PositionIn(p.mentor_prefs[sj], i) < 0) continue;
    if (load[sj] >= p.capacity[sj]) continue;
    ++load[sj];
    mentor_of[si] = j;
    Enumerate(p, i + 1, load, mentor_of, out);
    mentor_of[si] = -1;
    --load[sj];
  }
}

std::vector<std::vector<int>> AllMatchings(const StableMatchingProblem& p) {
  std::vector<std::vector<int>> out;
  std::vector<int> load(static_cast<std::size_t>(p.mentors), 0);
  std::vector<int> mentor_of(static_cast<std::size_t>(p.mentees), -1);
  Enumerate(p, 0, load, mentor_of, out);
  return out;
}

// RandomScores: integer scores 0..4 (many ties), some pairs forbidden,
// capacities 0..max_capacity.
AssignmentProblem RandomScores(std::mt19937& rng, int rows, int cols,
                               int max_capacity) {
  AssignmentProblem p;
  p.rows = rows;
  p.cols = cols;
  std::uniform_int_distribution<int> score(0, 4);
  std::uniform_int_distribution<int> capacity(0, max_capacity);
  std::bernoulli_distribution forbid(0.25);
  for (int k = 0; k < rows * cols; ++k) {
    p.scores.push_back(score(rng));
    p.forbidden.push_back(forbid(rng) ? 1 : 0);
  }
  for (int j = 0; j < cols; ++j) p.capacity.push_back(capacity(rng));
  return p;
}

// Truncate: drops a random tail of some lists (incomplete lists).
void Truncate(std::mt19937& rng, std::vector<std::vector<int>>& lists) {
  for (auto& list : lists) {
    if (list.empty() || rng() % 3 != 0) continue;
    list.resize(rng() % list.size());
  }
}

TEST(StableMatching, GaleShapleyTextbookMenteeOptimal) {
  // Two stable matchings exist: {0-0, 1-1, 2-2} (mentee-optimal) and
  // {0-1, 1-0, 2-2} (mentor-optimal); proposing mentees get the first.
  StableMatchingProblem p;
  p.mentees = 3;
  p.mentors = 3;
  p.mentee_prefs = {{0, 1, 2}, {1, 0, 2}, {0, 1, 2}};
  p.mentor_prefs = {{1, 0, 2}, {0, 1, 2}, {0, 1, 2}};
  p.capacity = {1, 1, 1};
  const auto r = SolveStableMatching(p);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, StableMatchingStatus::kStable);
  EXPECT_EQ(r->mentor_of, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(r->matched, 3);
  EXPECT_EQ(r->blocking_pairs, 0);
  // 0->0, 1->1, 2->0 (rejected), 2->1 (rejected), 2->2.
  EXPECT_EQ(r->proposals, 3 + 2);
  EXPECT_EQ(CountBlockingPairs(p, {1, 0, 2}).value(), 0);
  // {0-1, 1-0, 2-2} is stable too, {2-0, 0-1, 1-2} is not.
  EXPECT_EQ(CountBlockingPairs(p, {1, 2, 0}).value(),
            NaiveBlockingPairs(p, {1, 2, 0}));
  EXPECT_GT(CountBlockingPairs(p, {1, 2, 0}).value(), 0);
}

TEST(StableMatching, CapacityEvictsTheLeastPreferred) {
  // Mentor 0 (capacity 2) prefers 2 > 0 > 1; all three mentees want it
  // first, mentor 1 (capacity 1) is everyone's second choice.
  StableMatchingProblem p;
  p.mentees = 3;
  p.mentors = 2;
  p.mentee_prefs = {{0, 1}, {0, 1}, {0, 1}};
  p.mentor_prefs = {{2, 0, 1}, {0, 1, 2}};
  p.capacity = {2, 1};
  const auto r = SolveStableMatching(p);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->mentor_of, (std::vector<int>{0, 1, 0}));
  EXPECT_EQ(r->blocking_pairs, 0);
}

TEST(StableMatching, ZeroCapacityUnequalSidesAndEmptyLists) {
  StableMatchingProblem p;
  p.mentees = 4;
  p.mentors = 2;
  p.mentee_prefs = {{1, 0}, {}, {1}, {0}};
  p.mentor_prefs = {{0, 1, 2, 3}, {2, 0}};
  p.capacity = {1, 0};  // mentor 1 takes nobody
  const auto r = SolveStableMatching(p);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->mentor_of, (std::vector<int>{0, -1, -1, -1}));
  EXPECT_EQ(r->matched, 1);
  EXPECT_EQ(r->blocking_pairs, 0);

  StableMatchingProblem none;  // no one on either side
  const auto r0 = SolveStableMatching(none);
  ASSERT_TRUE(r0.ok()) << r0.status();
  EXPECT_TRUE(r0->mentor_of.empty());
}

// On every small random instance: the solver's matching is stable, it is
// mentee-optimal among all stable matchings (enumerated), every stable
// matching matches as many mentees (rural hospitals), and CountBlockingPairs
// agrees with the definition on every matching.
TEST(StableMatching, MenteeOptimalAmongAllStableMatchings) {
  std::mt19937 rng(5);
  int instances = 0;
  for (int round = 0; round < 300; ++round) {
    const int rows = 1 + static_cast<int>(rng() % 6);
    const int cols = 1 + static_cast<int>(rng() % 4);
    StableMatchingProblem p =
        RankingsFromScores(RandomScores(rng, rows, cols, 2));
    Truncate(rng, p.mentee_prefs);
    Truncate(rng, p.mentor_prefs);
    const auto r = SolveStableMatching(p);
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_EQ(NaiveBlockingPairs(p, r->mentor_of), 0) << "round " << round;
    EXPECT_EQ(r->blocking_pairs, 0);

    int stable_count = 0;
    bool found_result = false;
    for (const auto& m : AllMatchings(p)) {
      const std::int64_t naive = NaiveBlockingPairs(p, m);
      ASSERT_EQ(CountBlockingPairs(p, m).value(), naive) << "round " << round;
      if (naive != 0) continue;
      ++stable_count;
      found_result = found_result || m == r->mentor_of;
      int matched = 0;
      for (int i = 0; i < rows; ++i) {
        const auto si = static_cast<std::size_t>(i);
        const auto& prefs = p.mentee_prefs[si];
        matched += m[si] >= 0 ? 1 : 0;
        if (m[si] < 0) continue;
        // The solver's mentor is at least as good as this one.
        ASSERT_GE(r->mentor_of[si], 0) << "round " << round;
        EXPECT_LE(PositionIn(prefs, r->mentor_of[si]), PositionIn(prefs, m[si]))
            << "round " << round << " mentee " << i;
      }
      EXPECT_EQ(matched, r->matched) << "round " << round;
    }
    EXPECT_TRUE(found_result) << "round " << round;
    EXPECT_GE(stable_count, 1);
    ++instances;
  }
  EXPECT_EQ(instances, 300);
}

// Larger instances from scores with ties: no blocking pair by the
// definition, and weakly stable for the scores (no allowed pair where both
// sides strictly prefer each other to their situation).
TEST(StableMatching, NoBlockingPairsOnLargerInstances) {
  std::mt19937 rng(17);
  for (const auto& [rows, cols] :
       {std::pair{60, 15}, std::pair{25, 40}, std::pair{80, 80}}) {
    const AssignmentProblem scores = RandomScores(rng, rows, cols, 3);
    StableMatchingProblem p = RankingsFromScores(scores);
    const auto r = SolveStableMatching(p);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(NaiveBlockingPairs(p, r->mentor_of), 0);
    EXPECT_EQ(r->blocking_pairs, 0);
    for (int i = 0; i < rows; ++i) {
      const int mine = r->mentor_of[static_cast<std::size_t>(i)];
      for (int j = 0; j < cols; ++j) {
        if (!scores.allowed(i, j) || j == mine) continue;
        const bool i_strict =
            mine < 0 || scores.score(i, j) > scores.score(i, mine);
        int load = 0;
        bool j_strict = false;
        for (int k = 0; k < rows; ++k) {
          if (r->mentor_of[static_cast<std::size_t>(k)] != j) continue;
          ++load;
          j_strict = j_strict || scores.score(i, j) > scores.score(k, j);
        }
        j_strict =
            j_strict || load < scores.capacity[static_cast<std::size_t>(j)];
        EXPECT_FALSE(i_strict && j_strict) << i << " " << j;
      }
    }
    const AssignmentSolution scored = ScoreMatching(scores, r->mentor_of);
    EXPECT_TRUE(IsFeasible(scores, scored));
    EXPECT_EQ(scored.matched, r->matched);
  }
}

TEST(StableMatching, RankingsFromScoresBreaksTiesByIndex) {
  AssignmentProblem s;
  s.rows = 2;
  s.cols = 3;
  s.scores = {0.5, 0.9, 0.5,  //
              0.7, 0.1, 0.5};
  s.forbidden = {0, 0, 0,  //
                 0, 1, 0};
  s.capacity = {1, 0, 2};
  const StableMatchingProblem p = RankingsFromScores(s);
  EXPECT_EQ(p.mentee_prefs, (std::vector<std::vector<int>>{{1, 0, 2}, {0, 2}}));
  EXPECT_EQ(p.mentor_prefs,
            (std::vector<std::vector<int>>{{1, 0}, {0}, {0, 1}}));
  EXPECT_EQ(p.capacity, s.capacity);
}

TEST(StableMatching, WishListsReplaceTheScoreRanking) {
  AssignmentProblem s;
  s.rows = 2;
  s.cols = 3;
  s.scores = {0.9, 0.5, 0.1,  //
              0.9, 0.5, 0.1};
  s.forbidden = {0, 0, 1,  //
                 0, 0, 0};
  s.capacity = {1, 1, 1};
  // Mentee 0 wishes 2 (forbidden: dropped), then 1; mentee 1 has no list.
  const auto p = RankingsFromScoresAndWishes(s, {{2, 1}, {}});
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->mentee_prefs, (std::vector<std::vector<int>>{{1}, {0, 1, 2}}));
  const auto r = SolveStableMatching(*p);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->mentor_of, (std::vector<int>{1, 0}));

  // Review finding: a wish-list naming only forbidden mentors used to leave
  // the mentee with no acceptable mentor; it now keeps the score ranking.
  const auto only_forbidden = RankingsFromScoresAndWishes(s, {{2}, {}});
  ASSERT_TRUE(only_forbidden.ok()) << only_forbidden.status();
  EXPECT_EQ(only_forbidden->mentee_prefs,
            (std::vector<std::vector<int>>{{0, 1}, {0, 1, 2}}));

  auto bad = RankingsFromScoresAndWishes(s, {{0}});
  ASSERT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "wishes: 1 lists, expected 2 (one per mentee) or none");
  bad = RankingsFromScoresAndWishes(s, {{0, 3}, {}});
  ASSERT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "wishes[0][1]: 3 not in 0..2");
  bad = RankingsFromScoresAndWishes(s, {{}, {1, 1}});
  ASSERT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "wishes[1][1]: 1 listed twice");
}

TEST(StableMatching, CancelledBetweenProposals) {
  std::mt19937 rng(2);
  const StableMatchingProblem p =
      RankingsFromScores(RandomScores(rng, 200, 100, 1));
  CancellationToken token;
  token.Cancel();
  const auto r = SolveStableMatching(p, {.cancel = &token});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, StableMatchingStatus::kCancelled);
  EXPECT_TRUE(r->mentor_of.empty());
}

TEST(StableMatching, InvalidInput) {
  StableMatchingProblem good;
  good.mentees = 2;
  good.mentors = 2;
  good.mentee_prefs = {{0, 1}, {1}};
  good.mentor_prefs = {{0}, {1, 0}};
  good.capacity = {1, 1};
  ASSERT_TRUE(SolveStableMatching(good).ok());

  StableMatchingProblem p = good;
  p.capacity = {1, -2};
  EXPECT_EQ(SolveStableMatching(p).status().message(),
            "capacity[1]: -2 is negative");
  p = good;
  p.capacity = {1};
  EXPECT_EQ(SolveStableMatching(p).status().message(),
            "capacity: 1 entries, expected 2");
  p = good;
  p.mentor_prefs[1] = {1, 7};
  EXPECT_EQ(SolveStableMatching(p).status().message(),
            "mentor_prefs[1][1]: 7 not in 0..1");
  p = good;
  p.mentee_prefs[0] = {1, 1};
  EXPECT_EQ(SolveStableMatching(p).status().message(),
            "mentee_prefs[0][1]: 1 listed twice");
  p = good;
  p.mentee_prefs.pop_back();
  EXPECT_EQ(SolveStableMatching(p).status().code(),
            absl::StatusCode::kInvalidArgument);

  EXPECT_EQ(CountBlockingPairs(good, {0}).status().message(),
            "mentor_of: 1 entries, expected 2");
  EXPECT_EQ(CountBlockingPairs(good, {1, 1}).status().message(),
            "mentor_of: mentor 1 exceeds capacity 1");
  EXPECT_EQ(CountBlockingPairs(good, {-1, 0}).status().message(),
            "mentor_of[1]: mentee 1 and mentor 0 are not mutually acceptable");
  EXPECT_EQ(CountBlockingPairs(good, {5, -1}).status().message(),
            "mentor_of[0]: 5 not in -1..1");
}

}  // namespace
}  // namespace sopu
