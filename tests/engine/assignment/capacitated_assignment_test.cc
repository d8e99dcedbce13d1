#include "engine/assignment/capacitated_assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <utility>
#include <vector>

#include "engine/assignment/assignment_problem.h"
#include "engine/common/cancellation.h"
#include "tests/engine/assignment/brute_force.h"

namespace sopu {
namespace {

using ::sopu::testing::BruteForceLexicographic;
using ::sopu::testing::BruteForceMaxScore;

// Shape of a random instance.
struct RandomSpec {
  int rows = 0;
  int cols = 0;
  int cap_lo = 1;
  int cap_hi = 1;
  double forbid = 0.0;
  int score_lo = 0;
  int score_hi = 1000;
  bool real = false;  // scores with 4 decimals
};

AssignmentProblem RandomProblem(const RandomSpec& spec, std::mt19937_64& rng) {
  AssignmentProblem p;
  p.rows = spec.rows;
  p.cols = spec.cols;
  const auto cells = static_cast<std::size_t>(spec.rows) * spec.cols;
  std::uniform_int_distribution<int> score(spec.score_lo, spec.score_hi);
  std::uniform_int_distribution<int> frac(0, 9999);
  std::uniform_int_distribution<int> cap(spec.cap_lo, spec.cap_hi);
  std::bernoulli_distribution forbid(spec.forbid);
  p.scores.resize(cells);
  for (double& s : p.scores) {
    s = score(rng);
    if (spec.real) s += frac(rng) / 10000.0;
  }
  if (spec.forbid > 0.0) {
    p.forbidden.resize(cells);
    for (auto& f : p.forbidden) f = forbid(rng) ? 1 : 0;
  }
  for (int j = 0; j < spec.cols; ++j) p.capacity.push_back(cap(rng));
  return p;
}

AssignmentResult SolveOk(const AssignmentProblem& p,
                         const AssignmentOptions& options = {}) {
  absl::StatusOr<AssignmentResult> result =
      SolveCapacitatedAssignment(p, options);
  EXPECT_TRUE(result.ok()) << result.status();
  if (!result.ok()) return {};
  EXPECT_EQ(result->status, AssignmentStatus::kOptimal);
  EXPECT_TRUE(IsFeasible(p, result->solution));
  EXPECT_TRUE(CheckAssignmentCertificate(p, options, *result));
  return *std::move(result);
}

AssignmentOptions MaxScore(std::optional<double> min_score = {}) {
  AssignmentOptions options;
  options.objective = AssignmentObjective::kMaxScore;
  options.min_score = min_score;
  return options;
}

// The peers' example instance (examples/assign_profile_8x4_cap2.txt).
AssignmentProblem PeersExample() {
  constexpr double kX = 0;  // forbidden; the mask says so
  AssignmentProblem p;
  p.rows = 8;
  p.cols = 4;
  p.capacity = {2, 2, 2, 2};
  p.scores = {106, kX,  710, 37,   kX,  kX,  572, 177, 24,  293, kX,
              131, 613, 740, 1000, kX,  306, kX,  580, kX,  kX,  113,
              kX,  kX,  470, 393,  843, kX,  310, 352, 483, 0};
  p.forbidden = {0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1,
                 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0};
  return p;
}

TEST(CapacitatedAssignmentTest, PeersExampleOptimum) {
  const AssignmentResult r = SolveOk(PeersExample());
  EXPECT_EQ(r.solution.matched, 8);
  EXPECT_EQ(r.solution.total, 3330.0);
}

TEST(CapacitatedAssignmentTest, LexicographicMatchesMoreThanMaxScore) {
  // Row 0 scores 10 with mentor 0 or 1 with mentor 1; row 1 may only use
  // mentor 0 (score 1). Matching both costs 8 points.
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 2;
  p.capacity = {1, 1};
  p.scores = {10, 1, 1, 0};
  p.forbidden = {0, 0, 0, 1};
  const AssignmentResult lex = SolveOk(p);
  EXPECT_EQ(lex.solution.matched, 2);
  EXPECT_EQ(lex.solution.total, 1.0 + 1.0);
  const AssignmentResult best = SolveOk(p, MaxScore());
  EXPECT_EQ(best.solution.matched, 1);
  EXPECT_EQ(best.solution.total, 10.0);
}

TEST(CapacitatedAssignmentTest, LaterRowDisplacesEarlierOneWhenFull) {
  // One seat: row 1 scores more than row 0 and must get it.
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 1;
  p.capacity = {1};
  p.scores = {1, 10};
  const AssignmentResult r = SolveOk(p);
  EXPECT_EQ(r.solution.matched, 1);
  EXPECT_EQ(r.solution.mentor_of, (std::vector<int>{-1, 0}));
  EXPECT_EQ(r.solution.total, 10.0);
}

TEST(CapacitatedAssignmentTest, MinScoreLeavesLowPairsOut) {
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 2;
  p.capacity = {1, 1};
  p.scores = {5, 3, 4, -1};
  // Without a threshold: 3 + 4 = 7 beats 5 + (-1) and 5 alone.
  EXPECT_EQ(SolveOk(p, MaxScore()).solution.total, 3.0 + 4.0);
  const AssignmentResult r = SolveOk(p, MaxScore(4.5));
  EXPECT_EQ(r.solution.total, 5.0);
  EXPECT_EQ(r.solution.mentor_of, (std::vector<int>{0, -1}));
}

TEST(CapacitatedAssignmentTest, NegativeScoresStayUnusedUnderMaxScore) {
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 1;
  p.capacity = {2};
  p.scores = {-3, -1};
  const AssignmentResult best = SolveOk(p, MaxScore());
  EXPECT_EQ(best.solution.matched, 0);
  EXPECT_EQ(best.solution.total, 0.0);
  const AssignmentResult lex = SolveOk(p);
  EXPECT_EQ(lex.solution.matched, 2);
  EXPECT_EQ(lex.solution.total, -3.0 + -1.0);
}

TEST(CapacitatedAssignmentTest, NothingAllowedZeroCapacityAndEmpty) {
  AssignmentProblem none;
  none.rows = 3;
  none.cols = 2;
  none.capacity = {1, 2};
  none.scores.assign(6, 7.0);
  none.forbidden.assign(6, 1);
  EXPECT_EQ(SolveOk(none).solution.matched, 0);
  EXPECT_EQ(SolveOk(none, MaxScore()).solution.matched, 0);

  AssignmentProblem closed = none;
  closed.forbidden.clear();
  closed.capacity = {0, 0};
  EXPECT_EQ(SolveOk(closed).solution.mentor_of, (std::vector<int>{-1, -1, -1}));

  AssignmentProblem empty;
  EXPECT_EQ(SolveOk(empty).solution.matched, 0);
  AssignmentProblem no_mentors;
  no_mentors.rows = 2;
  EXPECT_EQ(SolveOk(no_mentors).solution.matched, 0);
}

TEST(CapacitatedAssignmentTest, EqualsBruteForceOnSmallRandomInstances) {
  std::mt19937_64 rng(20261121);
  std::uniform_int_distribution<int> rows(0, 8);
  std::uniform_int_distribution<int> cols(0, 4);
  const std::array<double, 5> forbids = {0.0, 0.2, 0.5, 0.9, 1.0};
  int checked = 0;
  for (int t = 0; t < 400; ++t) {
    RandomSpec spec;
    spec.rows = rows(rng);
    spec.cols = cols(rng);
    spec.cap_lo = 0;
    spec.cap_hi = 3;
    spec.forbid = forbids[static_cast<std::size_t>(t % 5)];
    // Few distinct values make ties; some instances have negative scores.
    spec.score_lo = t % 3 == 0 ? -5 : 0;
    spec.score_hi = t % 2 == 0 ? 4 : 100;
    spec.real = t % 7 == 0;
    const AssignmentProblem p = RandomProblem(spec, rng);
    SCOPED_TRACE(::testing::Message() << "instance " << t);
    const auto lex_best = BruteForceLexicographic(p);
    const AssignmentResult lex = SolveOk(p);
    EXPECT_EQ(lex.solution.matched, lex_best.matched);
    EXPECT_NEAR(lex.solution.total, lex_best.total, 1e-9);

    const std::optional<double> min_score =
        t % 4 == 0 ? std::optional<double>(2.0) : std::nullopt;
    const auto max_best = BruteForceMaxScore(p, min_score);
    const AssignmentResult best = SolveOk(p, MaxScore(min_score));
    EXPECT_NEAR(best.solution.total, max_best.total, 1e-9);
    ++checked;
  }
  EXPECT_EQ(checked, 400);
}

// Boost.Graph successive shortest paths on source -> mentee (1) -> mentor
// (1, cost shift - s) -> sink (capacity); with `slot`, every mentee also has
// an arc to an "unmatched" node costing shift (score 0), so the maximum flow
// covers every mentee and its cost gives the best total with no cardinality
// requirement. Scores must be integers.
std::int64_t RoundScore(double s) {
  return static_cast<std::int64_t>(std::llround(s));
}

struct FlowOptimum {
  std::int64_t matched = 0;
  std::int64_t total = 0;
};

FlowOptimum BoostFlow(const AssignmentProblem& p, bool slot) {
  using Traits =
      boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using Graph = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<
          boost::edge_capacity_t, std::int64_t,
          boost::property<
              boost::edge_residual_capacity_t, std::int64_t,
              boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                              boost::property<boost::edge_weight_t, double>>>>>;
  const int source = p.rows + p.cols;
  const int sink = source + 1;
  const int unmatched = sink + 1;
  Graph g(static_cast<std::size_t>(unmatched) + 1);
  auto capacity = get(boost::edge_capacity, g);
  auto reverse = get(boost::edge_reverse, g);
  auto weight = get(boost::edge_weight, g);
  std::int64_t shift = 0;
  for (int i = 0; i < p.rows; ++i) {
    for (int j = 0; j < p.cols; ++j) {
      if (p.allowed(i, j)) {
        shift = std::max(shift, RoundScore(p.score(i, j)));
      }
    }
  }
  auto add = [&](int a, int b, std::int64_t cap, std::int64_t cost) {
    const auto e =
        add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), g)
            .first;
    const auto r =
        add_edge(static_cast<std::size_t>(b), static_cast<std::size_t>(a), g)
            .first;
    capacity[e] = cap;
    capacity[r] = 0;
    weight[e] = static_cast<double>(cost);
    weight[r] = -static_cast<double>(cost);
    reverse[e] = r;
    reverse[r] = e;
  };
  std::int64_t slot_edges = 0;
  for (int i = 0; i < p.rows; ++i) {
    add(source, i, 1, 0);
    for (int j = 0; j < p.cols; ++j) {
      if (p.allowed(i, j))
        add(i, p.rows + j, 1, shift - RoundScore(p.score(i, j)));
    }
    if (slot) {
      add(i, unmatched, 1, shift);
      ++slot_edges;
    }
  }
  for (int j = 0; j < p.cols; ++j) {
    add(p.rows + j, sink, p.capacity[static_cast<std::size_t>(j)], 0);
  }
  if (slot) add(unmatched, sink, slot_edges, 0);
  boost::successive_shortest_path_nonnegative_weights(
      g, static_cast<std::size_t>(source), static_cast<std::size_t>(sink));
  auto residual = get(boost::edge_residual_capacity, g);
  // Weights are doubles holding integers (exact below 2^53): with integer
  // weights Boost's Dijkstra adds two "infinite" distances, a signed
  // overflow that UBSan rejects.
  double cost_sum = 0.0;
  for (auto [e, end] = edges(g); e != end; ++e) {
    if (capacity[*e] > 0) {
      cost_sum += static_cast<double>(capacity[*e] - residual[*e]) * weight[*e];
    }
  }
  const std::int64_t cost = std::llround(cost_sum);
  FlowOptimum out;
  for (auto [e, end] = out_edges(static_cast<std::size_t>(source), g); e != end;
       ++e) {
    out.matched += capacity[*e] - residual[*e];
  }
  std::int64_t via_slot = 0;
  if (slot) {
    for (auto [e, end] = out_edges(static_cast<std::size_t>(unmatched), g);
         e != end; ++e) {
      via_slot += capacity[*e] - residual[*e];
    }
  }
  // Every unit of flow pays `shift` once: score = flow * shift - cost.
  out.total = out.matched * shift - cost;
  out.matched -= via_slot;
  return out;
}

TEST(CapacitatedAssignmentTest, EqualsBoostMinCostFlowUpTo200) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> size(1, 200);
  for (int t = 0; t < 24; ++t) {
    RandomSpec spec;
    spec.rows = size(rng);
    spec.cols = t % 3 == 0 ? std::max(1, spec.rows / 3) : size(rng);
    spec.cap_lo = t % 2 == 0 ? 1 : 0;
    spec.cap_hi = t % 3 == 0 ? 3 : 2;
    spec.forbid = (t % 4) * 0.25;
    spec.score_lo = t % 5 == 0 ? -1000 : 0;
    // Some ranges push the solver onto its double path.
    spec.score_hi = t % 6 == 1 ? 1000000000 : 1000;
    const AssignmentProblem p = RandomProblem(spec, rng);
    SCOPED_TRACE(::testing::Message()
                 << "instance " << t << ": " << p.rows << " x " << p.cols);
    const FlowOptimum lex_flow = BoostFlow(p, /*slot=*/false);
    const AssignmentResult lex = SolveOk(p);
    EXPECT_EQ(lex.solution.matched, lex_flow.matched);
    EXPECT_EQ(lex.solution.total, static_cast<double>(lex_flow.total));
    const FlowOptimum max_flow = BoostFlow(p, /*slot=*/true);
    const AssignmentResult best = SolveOk(p, MaxScore());
    EXPECT_EQ(best.solution.total, static_cast<double>(max_flow.total));
  }
}

// Square, unit capacities, nothing forbidden: the solver's Jonker–Volgenant
// initialisation (column reduction, reduction transfer, augmenting row
// reduction) runs first. Ties (few distinct scores), negative, real and wide
// (double path) scores.
TEST(CapacitatedAssignmentTest,
     DenseSquareUnitCapacityEqualsIndependentOptimum) {
  std::mt19937_64 rng(11);
  for (int t = 0; t < 60; ++t) {
    RandomSpec spec;
    spec.rows = t < 30 ? 2 + t % 7 : 20 + 9 * (t % 20);
    spec.cols = spec.rows;
    spec.score_lo = t % 4 == 0 ? -50 : 0;
    spec.score_hi = t % 3 == 0 ? 2 : (t % 5 == 1 ? 1000000000 : 1000);
    spec.real = t % 7 == 3;
    const AssignmentProblem p = RandomProblem(spec, rng);
    SCOPED_TRACE(::testing::Message()
                 << "instance " << t << ": " << p.rows << " x " << p.cols);
    const AssignmentResult lex = SolveOk(p);
    EXPECT_EQ(lex.solution.matched, p.rows);
    if (p.rows <= 8) {
      const auto best = BruteForceLexicographic(p);
      EXPECT_NEAR(lex.solution.total, best.total, 1e-6);
    } else if (!spec.real) {
      EXPECT_EQ(lex.solution.total,
                static_cast<double>(BoostFlow(p, /*slot=*/false).total));
    }
  }
}

TEST(CapacitatedAssignmentTest, CertificateHoldsOnLargeInstances) {
  std::mt19937_64 rng(3);
  RandomSpec spec;
  spec.rows = 1000;
  spec.cols = 300;
  spec.cap_lo = 3;
  spec.cap_hi = 3;
  spec.forbid = 0.1;
  const AssignmentProblem p = RandomProblem(spec, rng);
  const AssignmentResult lex = SolveOk(p);
  EXPECT_EQ(lex.solution.matched, 900);
  SolveOk(p, MaxScore(500.0));

  spec.real = true;
  spec.forbid = 0.0;
  spec.cap_lo = 0;
  spec.score_lo = -200;
  const AssignmentProblem real = RandomProblem(spec, rng);
  SolveOk(real);
  SolveOk(real, MaxScore());

  spec.rows = 400;
  spec.cols = 400;
  spec.cap_lo = 1;
  spec.cap_hi = 1;
  spec.real = false;
  spec.forbid = 0.5;
  SolveOk(RandomProblem(spec, rng));
}

TEST(CapacitatedAssignmentTest, CertificateRejectsAWorseAssignment) {
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 2;
  p.capacity = {1, 1};
  p.scores = {9, 1, 1, 9};
  AssignmentResult r = SolveOk(p);
  ASSERT_EQ(r.solution.mentor_of, (std::vector<int>{0, 1}));
  r.solution.mentor_of = {1, 0};
  r.solution.total = 1.0 + 1.0;
  EXPECT_TRUE(IsFeasible(p, r.solution));
  EXPECT_FALSE(CheckAssignmentCertificate(p, {}, r));
  // Dropping a pair breaks the cardinality half.
  r.solution.mentor_of = {0, -1};
  r.solution.matched = 1;
  r.solution.total = 9.0;
  EXPECT_FALSE(CheckAssignmentCertificate(p, {}, r));
}

TEST(CapacitatedAssignmentTest, IsFeasibleRejectsBrokenSolutions) {
  AssignmentProblem p = PeersExample();
  AssignmentSolution s;
  s.mentor_of.assign(8, -1);
  EXPECT_TRUE(IsFeasible(p, s));
  s.mentor_of[0] = 1;  // forbidden pair
  s.matched = 1;
  EXPECT_FALSE(IsFeasible(p, s));
  s.mentor_of = {0, -1, 0, 0, -1, -1, -1, -1};  // mentor 0 over capacity
  s.matched = 3;
  s.total = 106.0 + 24.0 + 613.0;
  EXPECT_FALSE(IsFeasible(p, s));
  s.mentor_of[3] = -1;
  s.matched = 2;
  s.total = 106.0 + 24.0;
  EXPECT_TRUE(IsFeasible(p, s));
  s.total = 131.0;
  EXPECT_FALSE(IsFeasible(p, s));
}

TEST(CapacitatedAssignmentTest, CancelledTokenReturnsCancelled) {
  std::mt19937_64 rng(11);
  RandomSpec spec;
  spec.rows = 300;
  spec.cols = 300;
  const AssignmentProblem p = RandomProblem(spec, rng);
  CancellationToken token;
  token.Cancel();
  const absl::StatusOr<AssignmentResult> r =
      SolveCapacitatedAssignment(p, {}, {.cancel = &token});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, AssignmentStatus::kCancelled);
}

TEST(CapacitatedAssignmentTest, ProgressIsReportedWithinTotal) {
  std::mt19937_64 rng(5);
  RandomSpec spec;
  spec.rows = 50;
  spec.cols = 50;
  const AssignmentProblem p = RandomProblem(spec, rng);
  std::int64_t last_total = 0;
  const CallContext context{
      .progress = [&last_total](const Progress& progress) {
        last_total = progress.total;
        EXPECT_LE(progress.done, progress.total);
      }};
  ASSERT_TRUE(SolveCapacitatedAssignment(p, {}, context).ok());
  EXPECT_TRUE(last_total == 0 || last_total == 50);
}

TEST(CapacitatedAssignmentTest, MalformedProblemsAreInvalidArgument) {
  const AssignmentProblem good = PeersExample();
  auto message = [](const AssignmentProblem& p,
                    const AssignmentOptions& options = {}) {
    const absl::StatusOr<AssignmentResult> r =
        SolveCapacitatedAssignment(p, options);
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(r.status().message());
  };
  AssignmentProblem p = good;
  p.rows = -1;
  EXPECT_EQ(message(p), "rows, cols: -1 x 4 has a negative size");
  p = good;
  p.scores.pop_back();
  EXPECT_EQ(message(p), "scores: 31 entries, expected 32 (8 x 4)");
  p = good;
  p.forbidden.resize(3);
  EXPECT_EQ(message(p), "forbidden: 3 entries, expected 0 or 32");
  p = good;
  p.capacity = {2, 2, 2};
  EXPECT_EQ(message(p), "capacity: 3 entries, expected 4");
  p = good;
  p.capacity[2] = -1;
  EXPECT_EQ(message(p), "capacity[2]: -1 is negative");
  p = good;
  p.scores[2 * 4 + 3] = std::nan("");
  EXPECT_EQ(message(p), "scores[2][3]: not a finite number");
  p = good;
  p.scores[2 * 4 + 2] = std::nan("");  // forbidden pair: ignored
  EXPECT_TRUE(SolveCapacitatedAssignment(p).ok());
  EXPECT_EQ(message(good, MaxScore(std::nan(""))), "min_score: not a number");
  // Nothing forbidden (the solver's one-pass scan): the first bad cell.
  p = good;
  p.forbidden.clear();
  p.scores[5 * 4 + 1] = -std::numeric_limits<double>::infinity();
  p.scores[6 * 4 + 0] = std::nan("");
  EXPECT_EQ(message(p), "scores[5][1]: not a finite number");
}

}  // namespace
}  // namespace sopu
