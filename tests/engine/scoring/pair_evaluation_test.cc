#include "engine/scoring/pair_evaluation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/engine/scoring/test_cohorts.h"

namespace sopu::scoring_internal {
namespace {

using testing::Make;
using testing::Mentee;
using testing::Mentor;

TEST(GreatCircleTest, KnownDistances) {
  const GeoPoint helsinki{60.1699, 24.9384};
  const GeoPoint seinajoki{62.7903, 22.8403};
  EXPECT_EQ(GreatCircleKm(helsinki, helsinki), 0.0);
  // A quarter of a great circle: pi / 2 * R.
  EXPECT_NEAR(GreatCircleKm(GeoPoint{0, 0}, GeoPoint{0, 90}),
              M_PI / 2 * kEarthRadiusKm, 1e-9);
  EXPECT_NEAR(GreatCircleKm(GeoPoint{90, 0}, GeoPoint{-90, 0}),
              M_PI * kEarthRadiusKm, 1e-6);
  // Helsinki - Seinäjoki is about 312 km as the crow flies.
  EXPECT_NEAR(GreatCircleKm(helsinki, seinajoki), 312.0, 1.0);
  EXPECT_EQ(GreatCircleKm(helsinki, seinajoki),
            GreatCircleKm(seinajoki, helsinki));
}

TEST(GreatCircleTest, ChordToKmClampsRoundingBeyondAntipodes) {
  EXPECT_NEAR(ChordToKm(2.0 + 1e-15), M_PI * kEarthRadiusKm, 1e-9);
  EXPECT_EQ(ChordToKm(0.0), 0.0);
}

TEST(GreatCircleTest, UnitVectorIsUnit) {
  for (double lat : {-90.0, -33.3, 0.0, 61.5, 90.0}) {
    for (double lon : {-180.0, -71.0, 0.0, 24.9, 179.9}) {
      const auto u = UnitVector(GeoPoint{lat, lon});
      EXPECT_NEAR(u[0] * u[0] + u[1] * u[1] + u[2] * u[2], 1.0, 1e-15);
    }
  }
}

TEST(ComplementThemesTest, EmptyListMeansAllThemes) {
  const Cohort cohort = testing::CohortOf({}, 3);
  Criterion c = Make(CriterionKind::kComplement);
  EXPECT_EQ(ComplementThemes(c, cohort),
            (std::vector<std::string>{"t0", "t1", "t2"}));
  c.themes = {"t2"};
  EXPECT_EQ(ComplementThemes(c, cohort), (std::vector<std::string>{"t2"}));
}

TEST(EvaluateCriterionTest, ComplementIgnoresThemesOutsideTheList) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.goals = {{"t0", 2}, {"t1", 4}};
  b.competences = {{"t0", 5}, {"t1", 1}};
  const Criterion c = Make(CriterionKind::kComplement);
  const Outcome out = EvaluateCriterion(c, {"t1"}, a, b);
  EXPECT_NEAR(out.value, (4 * 1) / (5.0 * 4), 1e-15);
  EXPECT_TRUE(out.holds);
}

TEST(PairRulesTest, AvoidsAndSameOrganisation) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.avoid = {"x", "b"};
  EXPECT_TRUE(Avoids(a, "b"));
  EXPECT_FALSE(Avoids(b, "a"));
  a.attributes["org"] = "Teatteri";
  b.attributes["org"] = "Teatteri";
  EXPECT_TRUE(SameOrganisation(a, b, "org"));
  b.attributes["org"] = "";
  EXPECT_FALSE(SameOrganisation(a, b, "org"));
  a.region = "Pirkanmaa";
  b.region = "Pirkanmaa";
  EXPECT_TRUE(SameOrganisation(a, b, "region"));
}

}  // namespace
}  // namespace sopu::scoring_internal
