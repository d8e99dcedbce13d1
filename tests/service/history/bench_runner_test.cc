#include "service/history/bench_runner.h"

#include <cmath>
#include <sstream>

#include "gtest/gtest.h"
#include "service/history/bench_render.h"
#include "service/history/past_cohort_file.h"

namespace sopu::service {
namespace {

// The hand-checked round of tests/data/history (scores in its README):
//   engine (optimal): a1-m1 0.8, a2-m2 1.0, a3-m1 0.7
//   historical:       a1-m2 0.2 (rating 2), a2-m1 0.4 (5), a3-m1 0.7 (5)
sopu::v1::PastCohort Tiny() {
  auto loaded = ReadPastCohortFile(std::string(SOPU_TEST_DATA_DIR) +
                                   "/history/tiny/tiny-round.json");
  EXPECT_TRUE(loaded.ok());
  return loaded->past;
}

BenchPolicy Complement() {
  BenchPolicy p;
  p.label = "complement";
  auto* c = p.policy.add_criteria();
  c->set_name("complement");
  c->set_weight(1);
  c->mutable_complement();
  return p;
}

TEST(RunOne, EqualsHandComputedFigures) {
  const BenchRun run =
      RunOne(Tiny(), Complement(), sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED);
  const sopu::v1::BenchResult& r = run.result;
  ASSERT_EQ(r.error(), "");
  EXPECT_EQ(r.mentees(), 3);
  EXPECT_EQ(r.matched(), 3);
  EXPECT_DOUBLE_EQ(r.matched_percent(), 100.0);
  const double mean = (0.8 + 1.0 + 0.7) / 3;
  EXPECT_NEAR(r.engine().total(), 0.8 + 1.0 + 0.7, 1e-12);
  EXPECT_NEAR(r.engine().mean(), mean, 1e-12);
  EXPECT_NEAR(r.engine().worst(), 0.7, 1e-12);
  EXPECT_NEAR(r.engine().spread(),
              std::sqrt((std::pow(0.8 - mean, 2) + std::pow(1.0 - mean, 2) +
                         std::pow(0.7 - mean, 2)) /
                        3),
              1e-12);
  // Goal coverage (competence >= 4): a1 t1 4 by m1 (4): 4; a2 t2 2 by m2 (5):
  // 2; a3 t1 3 by m1 (4): 3, t2 1 by m1 (2): 0. 9 of 4 + 2 + 4.
  EXPECT_NEAR(r.engine().goal_coverage_percent(), 100.0 * 9 / 10, 1e-12);
  EXPECT_EQ(r.engine().blocking_pairs(), 0);

  const double hmean = (0.2 + 0.4 + 0.7) / 3;
  EXPECT_NEAR(r.historical().total(), 0.2 + 0.4 + 0.7, 1e-12);
  EXPECT_NEAR(r.historical().mean(), hmean, 1e-12);
  EXPECT_NEAR(r.historical().worst(), 0.2, 1e-12);
  EXPECT_NEAR(r.historical().spread(),
              std::sqrt((std::pow(0.2 - hmean, 2) + std::pow(0.4 - hmean, 2) +
                         std::pow(0.7 - hmean, 2)) /
                        3),
              1e-12);
  // Only a3-m1 covers a goal theme strongly: 3 of 10.
  EXPECT_NEAR(r.historical().goal_coverage_percent(), 100.0 * 3 / 10, 1e-12);
  // (a1, m1): a1 prefers m1 (0.8 > 0.2), m1 prefers a1 to a2 (0.8 > 0.4);
  // (a2, m2): a2 prefers m2 (1.0 > 0.4), m2 prefers a2 to a1 (1.0 > 0.2);
  // (a3, m2): a3 prefers its m1. Two blocking pairs.
  EXPECT_EQ(r.historical().blocking_pairs(), 2);

  EXPECT_EQ(r.historical_pairs(), 3);
  EXPECT_EQ(r.historical_forbidden(), 0);
  EXPECT_EQ(r.reproduced(), 1);  // a3-m1
  EXPECT_NEAR(r.agreement_percent(), 100.0 / 3, 1e-12);
  EXPECT_EQ(r.rated_pairs(), 3);
  // Scores {0.2, 0.4, 0.7} vs ratings {2, 5, 5}: 1.5 / sqrt(3).
  ASSERT_TRUE(r.has_spearman());
  EXPECT_NEAR(r.spearman(), 1.5 / std::sqrt(3.0), 1e-12);
}

TEST(RunOne, FairAndStableObjectives) {
  // Fair: the worst pair is at best 0.7 (a3 gets 0.7 or 0.4); stable under
  // score rankings: everyone's first choice is the engine's optimum here.
  for (const auto objective :
       {sopu::v1::OBJECTIVE_FAIR, sopu::v1::OBJECTIVE_STABLE}) {
    const BenchRun run = RunOne(Tiny(), Complement(), objective);
    EXPECT_EQ(run.result.error(), "");
    EXPECT_NEAR(run.result.engine().worst(), 0.7, 1e-12);
    EXPECT_EQ(run.result.engine().blocking_pairs(), 0);
  }
}

TEST(RunOne, PolicyThatDoesNotFitIsAnErrorRow) {
  BenchPolicy p = Complement();
  auto* c = p.policy.add_criteria();
  c->set_weight(1);
  c->mutable_similar()->set_attribute("sector");  // nobody has a sector
  const BenchRun run =
      RunOne(Tiny(), p, sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED);
  EXPECT_TRUE(
      run.result.error().starts_with("the policy does not fit this round: "))
      << run.result.error();
}

TEST(RunBench, PoolsAndDoesNotDependOnJobs) {
  std::vector<sopu::v1::PastCohort> rounds = {Tiny(), Tiny(), Tiny()};
  rounds[1].set_name("second");
  BenchOptions one;
  BenchOptions two;
  two.jobs = 2;
  int calls = 0;
  two.progress = [&calls](const Progress& p) {
    ++calls;
    EXPECT_EQ(p.total, 3);
  };
  const BenchOutput a = RunBench(rounds, {Complement()}, one);
  const BenchOutput b = RunBench(rounds, {Complement()}, two);
  EXPECT_EQ(calls, 3);
  ASSERT_EQ(a.report.results_size(), 3);
  EXPECT_EQ(a.report.results(1).cohort(), "second");
  ASSERT_EQ(a.report.overall_size(), 1);
  const auto& all = a.report.overall(0);
  EXPECT_EQ(all.mentees(), 9);
  EXPECT_EQ(all.reproduced(), 3);
  EXPECT_NEAR(all.engine().mean(), (0.8 + 1.0 + 0.7) / 3, 1e-12);
  EXPECT_EQ(all.historical().blocking_pairs(), 6);
  EXPECT_EQ(b.report.overall(0).engine().total(), all.engine().total());
  EXPECT_EQ(b.report.overall(0).spearman(), all.spearman());

  std::ostringstream csv;
  RenderBenchCsv(a, csv);
  EXPECT_NE(csv.str().find("\r\n(all),complement,9,9,100.00,"),
            std::string::npos);
  const std::string html = RenderBenchHtml(a);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

// The hand-checked groups-only peer round of tests/data/history/groups
// (complement only; v(a->b) = sum g_a c_b / (5 sum g_a), a pair's affinity
// the mean of both directions):
//   [p1 p2 p3] rating 4: p1-p2 (0.8 + 1.0) / 2, p1-p3 (1.0 + 0.7) / 2,
//                        p2-p3 (1.0 + 0.5) / 2; fit 2.5 / 3
//   [p4 p5]    rating 2: (0.6 + 0) / 2 = 0.3
//   [p6 p7]    rating 3: (0.4 + 0) / 2 = 0.2
//   [p8]       rating 5: no member pair, so no fit
sopu::v1::PastCohort TinyGroups() {
  auto loaded = ReadPastCohortFile(std::string(SOPU_TEST_DATA_DIR) +
                                   "/history/groups/tiny-groups.json");
  EXPECT_TRUE(loaded.ok()) << loaded.status();
  return loaded->past;
}

TEST(RunOne, GroupFiguresEqualHandComputedValues) {
  const BenchRun run = RunOne(TinyGroups(), Complement(),
                              sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED);
  const sopu::v1::BenchResult& r = run.result;
  ASSERT_EQ(r.error(), "");
  // Peers only: not matched, no pair figures.
  EXPECT_EQ(r.mentees(), 0);
  EXPECT_EQ(r.historical_pairs(), 0);
  EXPECT_EQ(r.historical_groups(), 4);
  EXPECT_EQ(r.fitted_groups(), 3);
  EXPECT_EQ(r.rated_groups(), 3);
  const double g1 = ((0.8 + 1.0) / 2 + (1.0 + 0.7) / 2 + (1.0 + 0.5) / 2) / 3;
  ASSERT_EQ(run.group_fits.size(), 3U);
  EXPECT_NEAR(run.group_fits[0], g1, 1e-12);
  EXPECT_NEAR(run.group_fits[1], 0.3, 1e-12);
  EXPECT_NEAR(run.group_fits[2], 0.2, 1e-12);
  EXPECT_NEAR(r.group_mean_fit(), (g1 + 0.3 + 0.2) / 3, 1e-12);
  // Fits {0.833, 0.3, 0.2} rank 3, 2, 1; ratings {4, 2, 3} rank 3, 1, 2:
  // 1 - 6 (0 + 1 + 1) / (3 (9 - 1)) = 0.5.
  ASSERT_TRUE(r.has_group_spearman());
  EXPECT_NEAR(r.group_spearman(), 1.0 - 6.0 * 2 / (3 * 8), 1e-12);
}

TEST(RunOne, GroupFitIsTheMeanPairScoreOfExplainGroup) {
  // The tiny round's group [a1 a2 a3] is scored in the mentee pool: the
  // mentees have no competences, so every complement value is 0.
  const BenchRun run =
      RunOne(Tiny(), Complement(), sopu::v1::OBJECTIVE_OPTIMAL_UNSPECIFIED);
  EXPECT_EQ(run.result.historical_groups(), 1);
  EXPECT_EQ(run.result.fitted_groups(), 1);
  EXPECT_EQ(run.result.rated_groups(), 1);
  EXPECT_DOUBLE_EQ(run.result.group_mean_fit(), 0.0);
  EXPECT_FALSE(run.result.has_group_spearman());  // one rating
}

TEST(RunBench, PoolsGroupFiguresAndRendersThem) {
  std::vector<sopu::v1::PastCohort> rounds = {TinyGroups(), Tiny()};
  rounds[1].clear_groups();
  const BenchOutput out = RunBench(rounds, {Complement()}, {});
  ASSERT_EQ(out.report.overall_size(), 1);
  const auto& all = out.report.overall(0);
  EXPECT_EQ(all.error(), "");
  EXPECT_EQ(all.historical_groups(), 4 + 0);
  EXPECT_EQ(all.fitted_groups(), 3);
  EXPECT_EQ(all.rated_groups(), 3);
  EXPECT_NEAR(all.group_spearman(), 0.5, 1e-12);
  EXPECT_EQ(all.mentees(), 0 + 3);
  EXPECT_EQ(out.report.results(1).historical_groups(), 0);
  EXPECT_FALSE(out.report.results(1).has_group_spearman());

  std::ostringstream csv;
  RenderBenchCsv(out, csv);
  // The group columns come last, after error.
  EXPECT_NE(csv.str().find(",seconds,error,historical_groups,fitted_groups,"
                           "group_mean_fit,rated_groups,group_spearman\r\n"),
            std::string::npos);
  EXPECT_NE(csv.str().find(",,4,3,0.444444,3,0.500000\r\n"), std::string::npos);
  std::ostringstream table;
  RenderBenchTable(out, table);
  EXPECT_NE(table.str().find("g.rho"), std::string::npos);
  EXPECT_NE(RenderBenchHtml(out).find("group Spearman &rho;"),
            std::string::npos);
}

TEST(RenderBenchTable, NoGroupColumnsWithoutGroups) {
  sopu::v1::PastCohort tiny = Tiny();
  tiny.clear_groups();
  const BenchOutput out = RunBench({tiny}, {Complement()}, {});
  std::ostringstream table;
  RenderBenchTable(out, table);
  EXPECT_EQ(table.str().find("g.rho"), std::string::npos);
  EXPECT_EQ(RenderBenchHtml(out).find("group Spearman"), std::string::npos);
}

}  // namespace
}  // namespace sopu::service
