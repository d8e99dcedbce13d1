// SolveMatch against brute force on tiny random cohorts (every assignment
// enumerated under locks, forbidden pairs, the minimum score and the
// continuity bonus), invariants on larger ones (locks kept, forbidden pairs
// never used, capacities, reasons and diff consistent with the result), and
// the boundaries: capacity 0 and 1000, rejected pair lists, cancellation.
#include "engine/match/solve_match.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "tests/engine/match/match_testing.h"
#include "tests/engine/scoring/test_cohorts.h"

namespace sopu {
namespace {

using testing::CaseShape;
using testing::MatchCase;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Usable: whether a free row may take pair (r, c) under `o` (capacity apart).
bool Usable(const MatchCase& c, const MatchOptions& o, int r, int col) {
  if (!c.matrix.allowed(r, col) || c.Excluded(r, col)) return false;
  return o.objective != MatchObjective::kMaxScore || !o.min_score ||
         c.matrix.scores(r, col) >= *o.min_score;
}

// Value: what the solver maximises for pair (r, c): the policy score plus
// the continuity bonus on a previous pair.
double Value(const MatchCase& c, const MatchOptions& o, int r, int col) {
  const double bonus = c.PreviousCol(r) == col ? o.continuity_bonus : 0.0;
  return c.matrix.scores(r, col) + bonus;
}

// Outcome: an assignment of the free rows, as each objective compares it.
struct Outcome {
  int matched = 0;
  double worst = kInf;  // kInf when nothing is matched
  double total = 0.0;
};

// Better: whether `a` beats `b` under the objective (lexicographic keys).
bool Better(MatchObjective objective, const Outcome& a, const Outcome& b) {
  switch (objective) {
    case MatchObjective::kMaxScore:
      return a.total > b.total;
    case MatchObjective::kFair:
      if (a.matched != b.matched) return a.matched > b.matched;
      if (a.worst != b.worst) return a.worst > b.worst;
      return a.total > b.total;
    default:
      if (a.matched != b.matched) return a.matched > b.matched;
      return a.total > b.total;
  }
}

// BruteForce enumerates every assignment of the free (not locked) rows,
// each to a usable mentor with a seat left or to nobody.
struct BruteForce {
  const MatchCase& c;
  const MatchOptions& o;
  std::vector<int> load = {};
  Outcome best{.matched = -1, .worst = -kInf, .total = -kInf};
  // The lexicographic optimum (max matched, then max total of values).
  Outcome optimal{.matched = -1, .worst = -kInf, .total = -kInf};

  void Run() {
    load.assign(static_cast<std::size_t>(c.cols()), 0);
    for (const MatchPair& p : c.pairs.locked) ++load[Idx(p.col)];
    Search(0, {});
  }

  void Search(int r, Outcome now) {
    if (r == c.rows()) {
      if (Better(o.objective, now, best)) best = now;
      if (Better(MatchObjective::kOptimal, now, optimal)) optimal = now;
      return;
    }
    if (c.LockedCol(r) >= 0) return Search(r + 1, now);
    Search(r + 1, now);
    for (int col = 0; col < c.cols(); ++col) {
      if (!Usable(c, o, r, col) || load[Idx(col)] >= c.capacity[Idx(col)]) {
        continue;
      }
      ++load[Idx(col)];
      const double v = Value(c, o, r, col);
      Search(r + 1, {.matched = now.matched + 1,
                     .worst = std::min(now.worst, v),
                     .total = now.total + v});
      --load[Idx(col)];
    }
  }
};

// OutcomeOf: the result's free rows as the objective sees them.
Outcome OutcomeOf(const MatchCase& c, const MatchOptions& o,
                  const std::vector<int>& mentor_of) {
  Outcome out;
  for (int r = 0; r < c.rows(); ++r) {
    const int col = mentor_of[Idx(r)];
    if (col < 0 || c.LockedCol(r) >= 0) continue;
    const double v = Value(c, o, r, col);
    ++out.matched;
    out.worst = std::min(out.worst, v);
    out.total += v;
  }
  return out;
}

// PolicyTotal: the free rows' policy scores (no bonus).
double PolicyTotal(const MatchCase& c, const std::vector<int>& mentor_of) {
  double total = 0.0;
  for (int r = 0; r < c.rows(); ++r) {
    const int col = mentor_of[Idx(r)];
    if (col >= 0 && c.LockedCol(r) < 0) total += c.matrix.scores(r, col);
  }
  return total;
}

absl::StatusOr<MatchResult> Solve(const MatchCase& c, const MatchOptions& o,
                                  const CallContext& context = {}) {
  return SolveMatch({.model = &*c.model, .pairs = c.pairs}, o, context);
}

// Loads: mentees per mentor column in `mentor_of`.
std::vector<int> Loads(const MatchCase& c, const std::vector<int>& mentor_of) {
  std::vector<int> load(Idx(c.cols()), 0);
  for (const int col : mentor_of) {
    if (col >= 0) ++load[Idx(col)];
  }
  return load;
}

// ExpectFeasible: locks kept, forbidden pairs unused, minimum met,
// capacities respected.
void ExpectFeasible(const MatchCase& c, const MatchOptions& o,
                    const MatchResult& result) {
  ASSERT_EQ(result.mentor_of.size(), Idx(c.rows()));
  for (const MatchPair& p : c.pairs.locked) {
    EXPECT_EQ(result.mentor_of[Idx(p.row)], p.col) << "lock of row " << p.row;
  }
  for (int r = 0; r < c.rows(); ++r) {
    const int col = result.mentor_of[Idx(r)];
    if (col < 0) continue;
    EXPECT_TRUE(c.matrix.allowed(r, col)) << r << " " << col;
    EXPECT_FALSE(c.Excluded(r, col)) << r << " " << col;
    if (c.LockedCol(r) < 0) {
      EXPECT_TRUE(Usable(c, o, r, col)) << r << " " << col;
    }
  }
  const std::vector<int> load = Loads(c, result.mentor_of);
  for (int col = 0; col < c.cols(); ++col) {
    EXPECT_LE(load[Idx(col)], c.capacity[Idx(col)]) << "mentor " << col;
  }
}

// ExpectReport: pairs and unmatched partition the rows in order; flags,
// ranks and the summary agree with the assignment.
void ExpectReport(const MatchCase& c, const MatchResult& result) {
  std::size_t next_pair = 0;
  std::size_t next_unmatched = 0;
  double total = 0.0;
  for (int r = 0; r < c.rows(); ++r) {
    const int col = result.mentor_of[Idx(r)];
    if (col < 0) {
      ASSERT_LT(next_unmatched, result.unmatched.size());
      EXPECT_EQ(result.unmatched[next_unmatched++].row, r);
      continue;
    }
    ASSERT_LT(next_pair, result.pairs.size());
    const MatchedPair& pair = result.pairs[next_pair++];
    EXPECT_EQ(pair.row, r);
    EXPECT_EQ(pair.col, col);
    EXPECT_EQ(pair.locked, c.LockedCol(r) == col);
    EXPECT_NEAR(pair.explanation.score, c.matrix.scores(r, col), 1e-5);
    int better = 0;
    for (int other = 0; other < c.cols(); ++other) {
      better += c.matrix.allowed(r, other) && !c.Excluded(r, other) &&
                c.matrix.scores(r, other) > c.matrix.scores(r, col);
    }
    EXPECT_EQ(pair.rank_for_mentee, 1 + better);
    total += pair.explanation.score;
  }
  EXPECT_EQ(next_pair, result.pairs.size());
  EXPECT_EQ(next_unmatched, result.unmatched.size());
  EXPECT_EQ(result.summary.mentees, c.rows());
  EXPECT_EQ(result.summary.matched, static_cast<int>(result.pairs.size()));
  EXPECT_EQ(result.summary.total, total);  // same terms, same order
}

// ExpectReason: the unmatched mentee's reason holds in the result.
// RowOptions: an unmatched row's mentors as the reasons see them.
struct RowOptions {
  int allowed = 0;       // by the policy
  int not_excluded = 0;  // by the policy and the request
  std::vector<int> usable;
  int seats = 0;               // of the usable mentors
  bool room = false;           // a usable mentor has a seat left
  bool positive_room = false;  // ... and taking it adds value
};

RowOptions OptionsOf(const MatchCase& c, const MatchOptions& o,
                     const MatchResult& result, int r) {
  const std::vector<int> load = Loads(c, result.mentor_of);
  RowOptions row;
  for (int col = 0; col < c.cols(); ++col) {
    row.allowed += c.matrix.allowed(r, col);
    row.not_excluded += c.matrix.allowed(r, col) && !c.Excluded(r, col);
    if (!Usable(c, o, r, col)) continue;
    row.usable.push_back(col);
    row.seats += c.capacity[Idx(col)];
    const bool has_room = load[Idx(col)] < c.capacity[Idx(col)];
    row.room = row.room || has_room;
    row.positive_room =
        row.positive_room || (has_room && Value(c, o, r, col) > 0.0);
  }
  return row;
}

void ExpectReason(const MatchCase& c, const MatchOptions& o,
                  const MatchResult& result, const UnmatchedMentee& mentee) {
  const UnmatchedReason& reason = mentee.reason;
  const RowOptions row = OptionsOf(c, o, result, mentee.row);
  const std::vector<int>& usable = row.usable;
  switch (reason.cause) {
    case UnmatchedCause::kNoMentorAllowed:
      EXPECT_EQ(row.allowed, 0);
      break;
    case UnmatchedCause::kAllForbiddenByRequest:
      EXPECT_GT(row.allowed, 0);
      EXPECT_EQ(row.not_excluded, 0);
      break;
    case UnmatchedCause::kBelowMinScore:
      EXPECT_TRUE(o.min_score.has_value());
      EXPECT_GT(row.not_excluded, 0);
      EXPECT_TRUE(usable.empty());
      break;
    case UnmatchedCause::kLeftOutScoresMore:
      // Only the max-score objective may leave a mentee out next to a free
      // seat, and only when taking it adds nothing.
      EXPECT_EQ(o.objective, MatchObjective::kMaxScore);
      EXPECT_TRUE(row.room);
      EXPECT_FALSE(row.positive_room);
      break;
    case UnmatchedCause::kNotOnWishList:
      EXPECT_TRUE(o.use_wishes);
      EXPECT_TRUE(row.room);
      break;
    case UnmatchedCause::kNoRoomWhenProposing:
      ADD_FAILURE() << "deferred acceptance by score leaves nobody out "
                       "next to a free seat";
      break;
    case UnmatchedCause::kMentorsFull:
      EXPECT_FALSE(usable.empty());
      EXPECT_FALSE(row.room);
      EXPECT_EQ(reason.mentors, static_cast<int>(usable.size()));
      EXPECT_EQ(reason.seats, row.seats);
      EXPECT_EQ(reason.only_mentor, usable.size() == 1 ? usable[0] : -1);
      ASSERT_TRUE(reason.competing.has_value());  // small cases count
      EXPECT_GE(*reason.competing, 1);            // the mentee itself
      break;
  }
}

// ExpectDiff: one change per previous pair, then one per new pair.
void ExpectDiff(const MatchCase& c, const MatchResult& result) {
  const AssignmentDiff& diff = result.diff;
  EXPECT_EQ(diff.kept + diff.changed + diff.added + diff.dropped,
            static_cast<int>(diff.changes.size()));
  if (c.pairs.previous.empty()) {
    EXPECT_TRUE(diff.changes.empty());
    return;
  }
  std::map<std::string, const PairChange*> by_mentee;
  for (const PairChange& change : diff.changes) {
    EXPECT_TRUE(by_mentee.emplace(change.mentee_id, &change).second);
  }
  int matched_without_previous = 0;
  for (int r = 0; r < c.rows(); ++r) {
    const int col = result.mentor_of[Idx(r)];
    bool had = false;
    for (const PreviousPair& p : c.pairs.previous) had = had || p.row == r;
    if (!had && col >= 0) {
      ++matched_without_previous;
      ASSERT_TRUE(by_mentee.contains(c.MenteeId(r)));
      EXPECT_EQ(by_mentee[c.MenteeId(r)]->kind, PairChangeKind::kNew);
    }
  }
  for (const PreviousPair& p : c.pairs.previous) {
    ASSERT_TRUE(by_mentee.contains(p.mentee_id)) << p.mentee_id;
    const PairChange& change = *by_mentee[p.mentee_id];
    const int col = p.row >= 0 ? result.mentor_of[Idx(p.row)] : -1;
    const std::string now = col >= 0 ? c.MentorId(col) : "";
    EXPECT_EQ(change.previous_mentor_id, p.mentor_id);
    EXPECT_EQ(change.mentor_id, now);
    const PairChangeKind kind = now == p.mentor_id ? PairChangeKind::kKept
                                : now.empty()      ? PairChangeKind::kDropped
                                                   : PairChangeKind::kChanged;
    EXPECT_EQ(change.kind, kind) << p.mentee_id;
  }
  EXPECT_EQ(diff.changes.size(),
            c.pairs.previous.size() + Idx(matched_without_previous));
}

// Coverage: what the random cases exercised, so that a generator that
// stops producing locks or reasons fails the test instead of passing it.
struct Coverage {
  int locks = 0;
  int excluded = 0;
  int departed = 0;
  int minimums = 0;
  std::map<UnmatchedCause, int> causes;

  void Count(const MatchCase& c, const MatchOptions& o,
             const MatchResult& result) {
    locks += static_cast<int>(c.pairs.locked.size());
    excluded += static_cast<int>(c.pairs.forbidden.size());
    for (const PreviousPair& p : c.pairs.previous) {
      departed += p.row < 0 || p.col < 0;
    }
    minimums += o.min_score.has_value();
    for (const UnmatchedMentee& mentee : result.unmatched) {
      ++causes[mentee.reason.cause];
    }
  }
};

void ExpectInvariants(const MatchCase& c, const MatchOptions& o,
                      const MatchResult& result) {
  ASSERT_TRUE(result.issues.empty());
  ExpectFeasible(c, o, result);
  ExpectReport(c, result);
  for (const UnmatchedMentee& mentee : result.unmatched) {
    ExpectReason(c, o, result, mentee);
  }
  ExpectDiff(c, result);
  if (o.objective == MatchObjective::kStable) {
    EXPECT_EQ(result.status, MatchStatus::kStable);
    EXPECT_EQ(result.blocking_pairs, 0);
  } else {
    EXPECT_EQ(result.status, MatchStatus::kOptimal);
  }
}

// ExpectCovered: the rounds had locks, request-forbidden pairs, departed
// people, minimum scores and mentees left out for most reasons.
void ExpectCovered(const Coverage& coverage) {
  EXPECT_GT(coverage.locks, 0);
  EXPECT_GT(coverage.excluded, 0);
  EXPECT_GT(coverage.departed, 0);
  EXPECT_GT(coverage.minimums, 0);
  for (const UnmatchedCause cause :
       {UnmatchedCause::kNoMentorAllowed,
        UnmatchedCause::kAllForbiddenByRequest, UnmatchedCause::kBelowMinScore,
        UnmatchedCause::kMentorsFull}) {
    EXPECT_TRUE(coverage.causes.contains(cause)) << static_cast<int>(cause);
  }
}

// Options: objective by round; a random bonus (0 for half the fair and
// stable rounds, so that their figures can be checked), minimum and wishes.
MatchOptions Options(MatchCase& c, int round) {
  MatchOptions o;
  o.objective = static_cast<MatchObjective>(round % 4);
  const std::vector<double> bonuses = {0.0, 0.05, 0.1, 0.5, 1.0};
  o.continuity_bonus = bonuses[Idx(c.Uniform(0, 4))];
  if (o.objective == MatchObjective::kMaxScore && c.Chance(0.6)) {
    o.min_score = c.Uniform(0, 10) / 10.0;
  }
  if (o.objective == MatchObjective::kStable) o.use_wishes = c.Chance(0.5);
  return o;
}

TEST(SolveMatch, EqualsBruteForceOnTinyCohorts) {
  int compared_figures = 0;
  Coverage coverage;
  for (int round = 0; round < 240; ++round) {
    const auto seed = static_cast<std::uint64_t>(round / 4 + 1);
    MatchCase c(seed, {.mentees = 4 + round % 3,
                       .mentors = 2 + round % 2,
                       .max_capacity = 2,
                       .wishes = 0.5,
                       .strict = round % 5 == 0});
    const MatchOptions o = Options(c, round);
    SCOPED_TRACE(testing::Name("round ", round));
    absl::StatusOr<MatchResult> result = Solve(c, o);
    ASSERT_TRUE(result.ok()) << result.status();
    ExpectInvariants(c, o, *result);
    coverage.Count(c, o, *result);
    if (o.objective == MatchObjective::kStable) {
      if (o.continuity_bonus != 0.0) continue;
      const MatchOptions no_bonus{.continuity_bonus = 0.0};
      BruteForce optimum{c, no_bonus};
      optimum.Run();
      ASSERT_TRUE(result->gap_to_optimal.has_value());
      EXPECT_NEAR(*result->gap_to_optimal,
                  optimum.optimal.total - PolicyTotal(c, result->mentor_of),
                  1e-9);
      ++compared_figures;
      continue;
    }
    BruteForce brute{c, o};
    brute.Run();
    const Outcome got = OutcomeOf(c, o, result->mentor_of);
    if (o.objective != MatchObjective::kMaxScore) {
      EXPECT_EQ(got.matched, brute.best.matched);
    }
    if (o.objective == MatchObjective::kFair) {
      EXPECT_EQ(got.worst, brute.best.worst);
      if (o.continuity_bonus == 0.0) {
        ASSERT_TRUE(result->fairness_cost.has_value());
        EXPECT_NEAR(*result->fairness_cost,
                    std::max(0.0, brute.optimal.total - got.total), 1e-9);
        ++compared_figures;
      }
    }
    EXPECT_NEAR(got.total, brute.best.total, 1e-9);
  }
  EXPECT_GT(compared_figures, 20);
  ExpectCovered(coverage);
}

TEST(SolveMatch, InvariantsHoldOnLargerCohorts) {
  Coverage coverage;
  for (int round = 0; round < 48; ++round) {
    const auto seed = static_cast<std::uint64_t>(1000 + round / 4);
    MatchCase c(seed, {.mentees = 70,
                       .mentors = 25,
                       .both = 5,
                       .max_capacity = 4,
                       .lock = 0.1,
                       .forbid = 0.1,
                       .previous = 0.6,
                       .wishes = 0.5,
                       .strict = round % 3 == 0});
    const MatchOptions o = Options(c, round);
    SCOPED_TRACE(testing::Name("round ", round));
    absl::StatusOr<MatchResult> result = Solve(c, o);
    ASSERT_TRUE(result.ok()) << result.status();
    ExpectInvariants(c, o, *result);
    coverage.Count(c, o, *result);
  }
  ExpectCovered(coverage);
}

// Hand cohorts: mentees a0.. and mentors m0.., complement only (no rule
// forbids a pair), every mentee's goals met fully by every mentor.
Cohort HandCohort(int mentees, const std::vector<int>& capacities) {
  std::vector<Participant> people;
  for (std::size_t c = 0; c < capacities.size(); ++c) {
    Participant m = testing::Mentor(testing::Name("m", static_cast<int>(c)));
    m.competences["t0"] = 5;
    m.capacity = capacities[c];
    people.push_back(m);
  }
  for (int r = 0; r < mentees; ++r) {
    Participant a = testing::Mentee(testing::Name("a", r));
    a.goals["t0"] = 1 + r % 5;
    people.push_back(a);
  }
  return testing::CohortOf(people);
}

Policy ComplementOnly() {
  return testing::Single(testing::Make(CriterionKind::kComplement));
}

TEST(SolveMatch, CapacityZeroLeavesEveryMenteeOutAndRefusesLocks) {
  const Cohort cohort = HandCohort(3, {0, 0});
  const absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(cohort, ComplementOnly());
  ASSERT_TRUE(model.ok()) << model.status();
  for (int objective = 0; objective < 4; ++objective) {
    absl::StatusOr<MatchResult> result =
        SolveMatch({.model = &*model},
                   {.objective = static_cast<MatchObjective>(objective)});
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_TRUE(result->pairs.empty());
    ASSERT_EQ(result->unmatched.size(), 3U);
    const UnmatchedReason& reason = result->unmatched[0].reason;
    EXPECT_EQ(reason.cause, UnmatchedCause::kMentorsFull);
    EXPECT_EQ(reason.mentors, 2);
    EXPECT_EQ(reason.seats, 0 + 0);
    EXPECT_EQ(reason.competing, 3);
    EXPECT_EQ(result->summary.worst, 0.0);
    EXPECT_EQ(result->summary.mean, 0.0);
  }
  MatchInput locked{.model = &*model};
  locked.pairs.locked.push_back({.row = 1, .col = 0});
  absl::StatusOr<MatchResult> result = SolveMatch(locked, {});
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->issues.size(), 1U);
  EXPECT_EQ(result->issues[0].problem, PairProblem::kOverCapacity);
  EXPECT_EQ(result->issues[0].field, PairField::kMentorId);
}

TEST(SolveMatch, CapacityOfAThousandTakesEveryMentee) {
  // 1000 is the cohort validator's kMaxCapacity.
  const Cohort cohort = HandCohort(60, {1000, 1});
  const absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(cohort, ComplementOnly());
  ASSERT_TRUE(model.ok()) << model.status();
  for (int objective = 0; objective < 4; ++objective) {
    absl::StatusOr<MatchResult> result =
        SolveMatch({.model = &*model},
                   {.objective = static_cast<MatchObjective>(objective)});
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->summary.matched, 60);
    EXPECT_TRUE(result->unmatched.empty());
    EXPECT_NEAR(result->summary.total, 60 * 1.0, 1e-9);  // every score 1
  }
}

TEST(SolveMatch, PairListProblemsComeBackStructuredAndNothingIsSolved) {
  Cohort cohort = HandCohort(3, {1, 2});
  cohort.participants[2].avoid.push_back("m0");  // a0 avoids m0
  const absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(cohort, ComplementOnly());
  ASSERT_TRUE(model.ok()) << model.status();
  MatchInput input{.model = &*model};
  input.pairs.locked = {{.row = 0, .col = 0},   // avoid-list
                        {.row = 1, .col = 1},   // also forbidden
                        {.row = 2, .col = 0}};  // fits
  input.pairs.forbidden = {{.row = 1, .col = 1}};
  absl::StatusOr<MatchResult> result = SolveMatch(input, {});
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->issues.size(), 2U);
  EXPECT_EQ(result->issues[0].index, 0);
  EXPECT_EQ(result->issues[0].problem, PairProblem::kForbiddenByRule);
  EXPECT_EQ(result->issues[0].verdict, kForbiddenAvoid);
  EXPECT_EQ(result->issues[1].index, 1);
  EXPECT_EQ(result->issues[1].problem, PairProblem::kAlsoForbidden);
  EXPECT_TRUE(result->pairs.empty());
  EXPECT_TRUE(result->mentor_of.empty());

  MatchInput bad{.model = &*model};
  bad.pairs.previous = {{.row = 3, .col = -1}};  // rows are 0..2
  result = SolveMatch(bad, {});
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->issues.size(), 1U);
  EXPECT_EQ(result->issues[0].list, PairList::kPrevious);
  EXPECT_EQ(result->issues[0].problem, PairProblem::kNoSuchMentee);
}

TEST(SolveMatch, RejectsInvalidOptionsAndAMissingModel) {
  const Cohort cohort = HandCohort(2, {1});
  const absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(cohort, ComplementOnly());
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_EQ(SolveMatch({}, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SolveMatch({.model = &*model}, {.continuity_bonus = std::nan("")})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SolveMatch, ACancelledCallStopsAfterScoring) {
  const Cohort cohort = HandCohort(4, {2, 2});
  const absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(cohort, ComplementOnly());
  ASSERT_TRUE(model.ok()) << model.status();
  CancellationToken cancel;
  cancel.Cancel();
  EXPECT_EQ(
      SolveMatch({.model = &*model}, {}, {.cancel = &cancel}).status().code(),
      absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace sopu
