#include "engine/match/match_problem.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "tests/engine/match/match_testing.h"

namespace sopu {
namespace {

using testing::MatrixOf;

// Problems: (list, index, field, problem) of each issue, for comparison.
std::vector<std::tuple<PairList, int, PairField, PairProblem>> Problems(
    const std::vector<PairIssue>& issues) {
  std::vector<std::tuple<PairList, int, PairField, PairProblem>> out;
  for (const PairIssue& i : issues) {
    out.emplace_back(i.list, i.index, i.field, i.problem);
  }
  return out;
}

using P = std::tuple<PairList, int, PairField, PairProblem>;

TEST(CheckMatchPairs, IndexProblemsOfEveryListInListOrder) {
  const ScoreMatrix m = MatrixOf(2, 2, {0.5F, 0.5F, 0.5F, 0.5F});
  MatchPairs pairs;
  pairs.locked = {{.row = 0, .col = 2}, {.row = 0, .col = 1}};
  pairs.forbidden = {{.row = -1, .col = 0}};
  pairs.previous = {{.row = 1, .col = -1},  // the mentor has left: fine
                    {.row = -1, .col = 0},  // the mentee has left: fine
                    {.row = 1, .col = 0},
                    {.row = 1, .col = -2}};
  const std::vector<PairIssue> issues = CheckMatchPairs(m, {1, 1}, pairs);
  EXPECT_EQ(Problems(issues),
            (std::vector<P>{
                {PairList::kLocked, 0, PairField::kMentorId,
                 PairProblem::kNoSuchMentor},
                {PairList::kLocked, 1, PairField::kMenteeId,
                 PairProblem::kRepeatedMentee},
                {PairList::kForbidden, 0, PairField::kMenteeId,
                 PairProblem::kNoSuchMentee},
                {PairList::kPrevious, 2, PairField::kMenteeId,
                 PairProblem::kRepeatedMentee},
                {PairList::kPrevious, 3, PairField::kMentorId,
                 PairProblem::kNoSuchMentor},
                {PairList::kPrevious, 3, PairField::kMenteeId,
                 PairProblem::kRepeatedMentee},
            }));
  EXPECT_EQ(issues[1].earlier, 0);
  EXPECT_EQ(issues[3].earlier, 0);
}

TEST(CheckMatchPairs, LocksMeetRulesForbiddenAndSeatsInListOrder) {
  // Row 0 may not take mentor 0 (hard criterion 2 of the policy).
  const std::uint8_t rule = kFirstCriterionVerdict + 2;
  const ScoreMatrix m =
      MatrixOf(4, 2, {0.1F, 0.2F, 0.3F, 0.4F, 0.5F, 0.6F, 0.7F, 0.8F},
               {rule, 0, 0, 0, 0, 0, 0, 0});
  MatchPairs pairs;
  pairs.locked = {{.row = 0, .col = 0},   // forbidden by the rule
                  {.row = 1, .col = 1},   // also in forbidden
                  {.row = 2, .col = 0},   // takes mentor 0's seat
                  {.row = 3, .col = 0}};  // no seat left
  pairs.forbidden = {{.row = 1, .col = 1}};
  const std::vector<PairIssue> issues = CheckMatchPairs(m, {1, 1}, pairs);
  EXPECT_EQ(
      Problems(issues),
      (std::vector<P>{
          {PairList::kLocked, 0, PairField::kPair,
           PairProblem::kForbiddenByRule},
          {PairList::kLocked, 1, PairField::kPair, PairProblem::kAlsoForbidden},
          {PairList::kLocked, 3, PairField::kMentorId,
           PairProblem::kOverCapacity},
      }));
  EXPECT_EQ(issues[0].verdict, rule);

  // With an index problem the rules are not checked.
  pairs.previous = {{.row = 9, .col = 0}};
  EXPECT_EQ(Problems(CheckMatchPairs(m, {1, 1}, pairs)),
            (std::vector<P>{{PairList::kPrevious, 0, PairField::kMenteeId,
                             PairProblem::kNoSuchMentee}}));
}

TEST(CheckMatchPairs, CapacityBoundaries) {
  // Capacity 0: no lock fits. Capacity 1000 (the cohort validator's
  // kMaxCapacity): exactly 1000 locks fit.
  const int rows = 1001;
  const ScoreMatrix m = MatrixOf(
      rows, 2, std::vector<float>(static_cast<std::size_t>(rows) * 2, 0.5F));
  MatchPairs pairs;
  pairs.locked = {{.row = 0, .col = 1}};
  EXPECT_EQ(Problems(CheckMatchPairs(m, {1000, 0}, pairs)),
            (std::vector<P>{{PairList::kLocked, 0, PairField::kMentorId,
                             PairProblem::kOverCapacity}}));
  pairs.locked.clear();
  for (int r = 0; r < rows; ++r) pairs.locked.push_back({.row = r, .col = 0});
  EXPECT_EQ(Problems(CheckMatchPairs(m, {1000, 0}, pairs)),
            (std::vector<P>{{PairList::kLocked, 1000, PairField::kMentorId,
                             PairProblem::kOverCapacity}}));
  pairs.locked.pop_back();
  EXPECT_TRUE(CheckMatchPairs(m, {1000, 0}, pairs).empty());
  absl::StatusOr<MatchProblem> problem =
      BuildMatchProblem(m, {1000, 0}, pairs, {});
  ASSERT_TRUE(problem.ok()) << problem.status();
  EXPECT_EQ(problem->assignment.capacity, (std::vector<int>{0, 0}));
  EXPECT_EQ(problem->capacity, (std::vector<int>{1000, 0}));
}

TEST(BuildMatchProblem, RejectsNonFiniteScoresAndBadCapacities) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  auto message = [](const ScoreMatrix& m, const std::vector<int>& capacity) {
    absl::StatusOr<MatchProblem> p = BuildMatchProblem(m, capacity, {}, {});
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(p.status().message());
  };
  EXPECT_EQ(message(MatrixOf(2, 2, {0.1F, nan, 0.3F, 0.4F}), {1, 1}),
            "scores[0][1]: not a finite number");
  // A forbidden pair's score must be finite too.
  EXPECT_EQ(
      message(MatrixOf(2, 2, {0.1F, 0.2F, -inf, 0.4F}, {0, 0, 1, 0}), {1, 1}),
      "scores[1][0]: not a finite number");
  const ScoreMatrix good = MatrixOf(1, 2, {0.1F, 0.2F});
  EXPECT_EQ(message(good, {1}),
            "capacity: 1 entries, expected 2 (one per mentor)");
  EXPECT_EQ(message(good, {1, -1}), "capacity[1]: -1 is negative");
  MatchPairs bad;
  bad.locked = {{.row = 0, .col = 5}};
  EXPECT_EQ(BuildMatchProblem(good, {1, 1}, bad, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BuildMatchProblem(good, {1, 1}, {}, {.continuity_bonus = -1})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(BuildMatchProblem, EmptyProblemsAreValid) {
  for (const auto& [rows, cols] :
       std::vector<std::pair<int, int>>{{0, 3}, {3, 0}, {0, 0}}) {
    const ScoreMatrix m = MatrixOf(
        rows, cols, std::vector<float>(static_cast<std::size_t>(rows * cols)));
    absl::StatusOr<MatchProblem> p = BuildMatchProblem(
        m, std::vector<int>(static_cast<std::size_t>(cols), 2), {}, {});
    ASSERT_TRUE(p.ok()) << p.status();
    EXPECT_EQ(p->assignment.rows, rows);
    EXPECT_EQ(p->assignment.cols, cols);
    EXPECT_EQ(p->assignment.scores.size(),
              static_cast<std::size_t>(rows * cols));
    EXPECT_EQ(p->locked_col.size(), static_cast<std::size_t>(rows));
  }
}

TEST(BuildMatchProblem, TheBonusNeverLiftsAPairOverTheMinimum) {
  // Pair (0, 0) scores 0.45 < 0.5, pair (0, 1) 0.8; both were previous
  // pairs (rows 0 and 1).
  const ScoreMatrix m = MatrixOf(2, 2, {0.45F, 0.8F, 0.3F, 0.8F});
  MatchPairs pairs;
  pairs.previous = {{.row = 0, .col = 0}, {.row = 1, .col = 1}};
  const MatchOptions max_score{.objective = MatchObjective::kMaxScore,
                               .continuity_bonus = 0.1,
                               .min_score = 0.5};
  absl::StatusOr<MatchProblem> p =
      BuildMatchProblem(m, {1, 1}, pairs, max_score);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->assignment.score(0, 0), static_cast<double>(0.45F));
  EXPECT_FALSE(MeetsMinScore(p->solver_options, p->assignment.score(0, 0)));
  EXPECT_EQ(p->assignment.score(1, 1), static_cast<double>(0.8F) + 0.1);
  EXPECT_EQ(p->solver_options.objective, AssignmentObjective::kMaxScore);
  EXPECT_EQ(p->solver_options.min_score, 0.5);

  // Without a minimum every previous pair gets the bonus.
  p = BuildMatchProblem(m, {1, 1}, pairs, {.continuity_bonus = 0.1});
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->assignment.score(0, 0), static_cast<double>(0.45F) + 0.1);
  EXPECT_EQ(p->solver_options.objective,
            AssignmentObjective::kMaxCardinalityThenScore);
  EXPECT_FALSE(p->solver_options.min_score.has_value());
}

// RandomPairs: locks within capacity on allowed pairs, forbidden pairs not
// locked, previous pairs anywhere (some of people who have left).
MatchPairs RandomPairs(const ScoreMatrix& m, const std::vector<int>& capacity,
                       std::mt19937& rng) {
  std::bernoulli_distribution coin(0.3);
  MatchPairs pairs;
  std::vector<int> room = capacity;
  std::set<std::pair<int, int>> locked;
  for (int r = 0; r < m.rows(); ++r) {
    for (int c = 0; c < m.cols(); ++c) {
      if (m.allowed(r, c) && room[Idx(c)] > 0 && coin(rng)) {
        pairs.locked.push_back({.row = r, .col = c});
        locked.emplace(r, c);
        --room[Idx(c)];
        break;
      }
    }
  }
  for (int r = 0; r < m.rows(); ++r) {
    for (int c = 0; c < m.cols(); ++c) {
      if (!locked.contains({r, c}) && coin(rng)) {
        pairs.forbidden.push_back({.row = r, .col = c});
      }
    }
    if (m.cols() > 0 && coin(rng)) {
      const int c =
          static_cast<int>(rng() % static_cast<unsigned>(m.cols() + 1)) - 1;
      pairs.previous.push_back({.row = r, .col = c});
    }
  }
  return pairs;
}

TEST(BuildMatchProblem, InvariantsOnRandomMatrices) {
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    const int rows = static_cast<int>(rng() % 9);
    const int cols = static_cast<int>(rng() % 6);
    std::vector<float> scores;
    std::vector<std::uint8_t> verdicts;
    std::vector<int> capacity;
    for (int k = 0; k < rows * cols; ++k) {
      scores.push_back(static_cast<float>(rng() % 11) / 10.0F);
      verdicts.push_back(rng() % 4 == 0 ? kForbiddenAvoid : kAllowed);
    }
    for (int c = 0; c < cols; ++c) {
      capacity.push_back(static_cast<int>(rng() % 3));
    }
    const ScoreMatrix m = MatrixOf(rows, cols, scores, verdicts);
    const MatchPairs pairs = RandomPairs(m, capacity, rng);
    MatchOptions options;
    options.continuity_bonus = 0.25;
    if (round % 2 == 0) {
      options.objective = MatchObjective::kMaxScore;
      options.min_score = 0.5;
    }
    ASSERT_TRUE(CheckMatchPairs(m, capacity, pairs).empty());
    absl::StatusOr<MatchProblem> p =
        BuildMatchProblem(m, capacity, pairs, options);
    ASSERT_TRUE(p.ok()) << p.status();
    std::vector<int> room = capacity;
    for (const MatchPair& l : pairs.locked) {
      EXPECT_EQ(p->locked_col[Idx(l.row)], l.col);
      --room[Idx(l.col)];
    }
    EXPECT_EQ(p->assignment.capacity, room);
    EXPECT_EQ(p->capacity, capacity);
    for (int r = 0; r < rows; ++r) {
      int previous = -2;
      for (const PreviousPair& q : pairs.previous) {
        if (q.row == r) previous = q.col;
      }
      for (int c = 0; c < cols; ++c) {
        bool excluded = false;
        for (const MatchPair& f : pairs.forbidden) {
          excluded = excluded || (f.row == r && f.col == c);
        }
        EXPECT_EQ(p->excluded[At(r, c, cols)] != 0, excluded);
        const bool allowed =
            p->locked_col[Idx(r)] < 0 && m.allowed(r, c) && !excluded;
        EXPECT_EQ(p->assignment.allowed(r, c), allowed) << r << " " << c;
        const double policy = m.scores(r, c);
        const bool bonus = previous == c &&
                           (!options.min_score || policy >= *options.min_score);
        EXPECT_EQ(p->assignment.score(r, c), bonus ? policy + 0.25 : policy);
      }
    }
  }
}

}  // namespace
}  // namespace sopu
