#include "engine/scoring/scoring_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "engine/scoring/pair_evaluation.h"
#include "tests/engine/scoring/test_cohorts.h"

namespace sopu {
namespace {

using testing::CohortOf;
using testing::Geo;
using testing::Make;
using testing::Mentee;
using testing::Mentor;
using testing::Person;
using testing::Single;

constexpr double kMatrixTolerance = 1e-5;

// ExpectStatus checks the code and that the message contains `fragment`.
template <typename T>
void ExpectStatus(const absl::StatusOr<T>& result, absl::StatusCode code,
                  const std::string& fragment) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), code) << result.status();
  EXPECT_NE(result.status().message().find(fragment), std::string::npos)
      << result.status();
}

ScoringModel BuildOrDie(const Cohort& cohort, const Policy& policy) {
  absl::StatusOr<ScoringModel> model = ScoringModel::Build(cohort, policy);
  EXPECT_TRUE(model.ok()) << model.status();
  return *std::move(model);
}

// Haversine is an independent great-circle formula for the geo tests.
double Haversine(const GeoPoint& a, const GeoPoint& b) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (b.lat_deg - a.lat_deg) * kRad;
  const double dlon = (b.lon_deg - a.lon_deg) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat_deg * kRad) * std::cos(b.lat_deg * kRad) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * 6371.0088 * std::asin(std::sqrt(h));
}

// ExpectAgree checks matrix against Explain for every pair.
void ExpectAgree(const ScoringModel& model, const ScoreMatrix& m) {
  for (int r = 0; r < m.rows(); ++r) {
    for (int c = 0; c < m.cols(); ++c) {
      const PairExplanation e = model.Explain(r, c);
      ASSERT_NEAR(m.scores(r, c), e.score, kMatrixTolerance)
          << "pair " << r << "," << c;
      ASSERT_EQ(m.verdicts(r, c), e.verdict) << "pair " << r << "," << c;
    }
  }
}

// OnePair scores a 1 x 1 cohort and checks matrix and Explain agree.
struct OnePair {
  OnePair(Participant mentee, Participant mentor, const Policy& policy)
      : cohort(CohortOf({std::move(mentee), std::move(mentor)})),
        model(BuildOrDie(cohort, policy)),
        matrix(model.ComputeMatrix()),
        explanation(model.Explain(0, 0)) {
    ExpectAgree(model, matrix);
  }
  [[nodiscard]] double value() const { return explanation.values[0].value; }
  [[nodiscard]] bool holds() const { return explanation.values[0].holds; }
  [[nodiscard]] float score() const { return matrix.scores(0, 0); }

  Cohort cohort;
  ScoringModel model;
  ScoreMatrix matrix;
  PairExplanation explanation;
};

// --- Complement -----------------------------------------------------------

TEST(ComplementTest, WeightsCompetencesByGoals) {
  Participant a = Mentee("a");
  a.goals = {{"t0", 5}, {"t1", 3}};
  Participant b = Mentor("b");
  b.competences = {{"t0", 4}, {"t1", 2}, {"t2", 5}};
  const OnePair pair(a, b, Single(Make(CriterionKind::kComplement)));
  const double expected = (5 * 4 + 3 * 2) / (5.0 * (5 + 3));
  EXPECT_NEAR(pair.value(), expected, 1e-12);
  EXPECT_NEAR(pair.score(), expected, kMatrixTolerance);
  EXPECT_TRUE(pair.holds());
}

TEST(ComplementTest, UsesOnlyListedThemes) {
  Participant a = Mentee("a");
  a.goals = {{"t0", 5}, {"t1", 3}, {"t2", 2}};
  Participant b = Mentor("b");
  b.competences = {{"t0", 4}, {"t1", 2}, {"t2", 5}};
  Criterion c = Make(CriterionKind::kComplement);
  c.themes = {"t1", "t2"};
  const OnePair pair(a, b, Single(c));
  EXPECT_NEAR(pair.value(), (3 * 2 + 2 * 5) / (5.0 * (3 + 2)), 1e-12);
}

TEST(ComplementTest, NoGoalsIsZeroAndFailsHard) {
  Participant a = Mentee("a");
  a.goals = {{"t0", 0}};
  Participant b = Mentor("b");
  b.competences = {{"t0", 5}};
  const OnePair pair(a, b,
                     Single(Make(CriterionKind::kComplement, "", 1.0, true)));
  EXPECT_EQ(pair.value(), 0.0);
  EXPECT_FALSE(pair.holds());
  EXPECT_EQ(pair.matrix.verdicts(0, 0), kFirstCriterionVerdict);
}

TEST(ComplementTest, MinCoverageIsTheHardThreshold) {
  Participant a = Mentee("a");
  a.goals = {{"t0", 2}, {"t1", 2}};
  Participant b = Mentor("b");
  b.competences = {{"t0", 5}, {"t1", 1}};
  // v = (2*5 + 2*1) / (5.0 * (2 + 2)) = 0.6.
  Criterion c = Make(CriterionKind::kComplement, "", 1.0, true);
  c.min_coverage = 0.5;
  EXPECT_EQ(OnePair(a, b, Single(c)).explanation.verdict, kAllowed);
  c.min_coverage = 0.7;
  EXPECT_EQ(OnePair(a, b, Single(c)).explanation.verdict,
            kFirstCriterionVerdict);
}

// Coverage exactly at the threshold is decided as in double, not float.
TEST(ComplementTest, CoverageAtThresholdMatchesExplain) {
  Participant a = Mentee("a");
  a.goals = {{"t0", 1}, {"t1", 1}, {"t2", 1}};
  Participant b = Mentor("b");
  b.competences = {{"t0", 5}, {"t1", 5}};
  Criterion c = Make(CriterionKind::kComplement, "", 1.0, true);
  c.min_coverage = (1 * 5 + 1 * 5) / (5.0 * (1 + 1 + 1));
  const OnePair at(a, b, Single(c));
  EXPECT_EQ(at.explanation.verdict, kAllowed);
  c.min_coverage = std::nextafter(c.min_coverage, 1.0);
  const OnePair above(a, b, Single(c));
  EXPECT_EQ(above.explanation.verdict, kFirstCriterionVerdict);
}

TEST(ComplementTest, CohortWithoutThemesScoresZero) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  const Cohort cohort = CohortOf({a, b}, 0);
  Policy policy;
  policy.criteria = {Make(CriterionKind::kComplement, "", 1.0, true),
                     Make(CriterionKind::kComplement, "", 1.0)};
  const ScoringModel model = BuildOrDie(cohort, policy);
  const ScoreMatrix m = model.ComputeMatrix();
  ExpectAgree(model, m);
  EXPECT_EQ(m.scores(0, 0), 0.0F);
  EXPECT_EQ(m.verdicts(0, 0), kFirstCriterionVerdict);
}

// --- Similar / different ---------------------------------------------------

TEST(SimilarTest, EqualValuesScoreOne) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.attributes["stage"] = "early";
  b.attributes["stage"] = "early";
  EXPECT_EQ(
      OnePair(a, b, Single(Make(CriterionKind::kSimilar, "stage"))).value(),
      1.0);
  b.attributes["stage"] = "senior";
  const OnePair differ(a, b,
                       Single(Make(CriterionKind::kSimilar, "stage", 1, true)));
  EXPECT_EQ(differ.value(), 0.0);
  EXPECT_EQ(differ.explanation.verdict, kFirstCriterionVerdict);
}

TEST(SimilarTest, MissingOrEmptyValueScoresZero) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.attributes["stage"] = "";
  b.attributes["stage"] = "";
  EXPECT_EQ(
      OnePair(a, b, Single(Make(CriterionKind::kSimilar, "stage"))).value(),
      0.0);
  b.attributes.clear();
  a.attributes["stage"] = "early";
  EXPECT_EQ(
      OnePair(a, b, Single(Make(CriterionKind::kSimilar, "stage"))).value(),
      0.0);
}

TEST(SimilarTest, MunicipalityReadsTheLocation) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.municipality = "Seinäjoki";
  b.municipality = "Seinäjoki";
  b.attributes["municipality"] = "Tampere";  // ignored: location wins
  EXPECT_EQ(OnePair(a, b, Single(Make(CriterionKind::kSimilar, "municipality")))
                .value(),
            1.0);
}

TEST(DifferentTest, NeedsTwoDistinctValues) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.attributes["sector"] = "music";
  b.attributes["sector"] = "theatre";
  const Criterion c = Make(CriterionKind::kDifferent, "sector", 1.0, true);
  EXPECT_EQ(OnePair(a, b, Single(c)).value(), 1.0);
  b.attributes["sector"] = "music";
  EXPECT_EQ(OnePair(a, b, Single(c)).value(), 0.0);
  b.attributes.clear();
  const OnePair missing(a, b, Single(c));
  EXPECT_EQ(missing.value(), 0.0);
  EXPECT_EQ(missing.explanation.verdict, kFirstCriterionVerdict);
}

// --- Overlap ---------------------------------------------------------------

TEST(OverlapTest, CountsDistinctSharedValues) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.tags["languages"] = {"fi", "en", "en"};
  b.tags["languages"] = {"en", "sv", "fi", "fi"};
  Criterion c = Make(CriterionKind::kOverlap, "languages", 1.0, true);
  c.saturation = 3;
  c.minimum = 2;
  const OnePair two(a, b, Single(c));
  EXPECT_NEAR(two.value(), 2.0 / 3.0, 1e-12);
  EXPECT_TRUE(two.holds());
  c.minimum = 3;
  const OnePair short_of(a, b, Single(c));
  EXPECT_FALSE(short_of.holds());
  EXPECT_EQ(short_of.explanation.verdict, kFirstCriterionVerdict);
  c.saturation = 1;
  EXPECT_EQ(OnePair(a, b, Single(c)).value(), 1.0);  // min(1, 2 / 1)
}

TEST(OverlapTest, AvailabilityReadsTheSlots) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.availability = {"mon", "tue"};
  b.availability = {"tue", "wed"};
  Criterion c = Make(CriterionKind::kOverlap, "availability");
  c.saturation = 2;
  EXPECT_NEAR(OnePair(a, b, Single(c)).value(), 1.0 / 2.0, 1e-12);
}

TEST(OverlapTest, MissingSetSharesNothing) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  b.tags["languages"] = {"fi"};
  const OnePair pair(
      a, b, Single(Make(CriterionKind::kOverlap, "languages", 1.0, true)));
  EXPECT_EQ(pair.value(), 0.0);
  EXPECT_EQ(pair.explanation.verdict, kFirstCriterionVerdict);
}

TEST(OverlapTest, VocabularyBeyondOneWord) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  for (int i = 0; i < 70; ++i) {
    a.tags["skills"].push_back(testing::Name("s", i));
    if (i % 3 == 0) b.tags["skills"].push_back(testing::Name("s", i));
  }
  b.tags["skills"].push_back("only-b");
  Criterion c = Make(CriterionKind::kOverlap, "skills");
  c.saturation = 30;
  // Shared: s0, s3, ..., s69 = 24 values.
  EXPECT_NEAR(OnePair(a, b, Single(c)).value(), 24.0 / 30.0, 1e-12);
}

// --- Distance --------------------------------------------------------------

TEST(DistanceTest, GeoFallsLinearlyWithGreatCircleKm) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.coordinates = GeoPoint{60.1699, 24.9384};  // Helsinki
  b.coordinates = GeoPoint{61.4978, 23.7610};  // Tampere
  const double km = Haversine(*a.coordinates, *b.coordinates);
  const OnePair pair(a, b, Single(Geo(200.0, 1.0, true)));
  EXPECT_NEAR(pair.value(), 1.0 - km / 200.0, 1e-9);
  EXPECT_TRUE(pair.holds());
  const OnePair too_far(a, b, Single(Geo(100.0, 1.0, true)));
  EXPECT_EQ(too_far.value(), 0.0);
  EXPECT_EQ(too_far.explanation.verdict, kFirstCriterionVerdict);
}

TEST(DistanceTest, FullRangeAcrossTheGlobe) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.coordinates = GeoPoint{60.17, 24.94};    // Helsinki
  b.coordinates = GeoPoint{-33.87, 151.21};  // Sydney
  const double km = Haversine(*a.coordinates, *b.coordinates);
  const OnePair pair(a, b, Single(Geo(20000.0)));
  EXPECT_NEAR(pair.value(), 1.0 - km / 20000.0, 1e-9);
  Participant c = Mentor("c");
  c.coordinates = GeoPoint{-60.17, -155.06};  // antipode of Helsinki
  const OnePair antipode(a, c, Single(Geo(25000.0, 1.0, true)));
  EXPECT_TRUE(antipode.holds());
}

TEST(DistanceTest, MissingCoordinatesScoreZeroAndFail) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.coordinates = GeoPoint{60.17, 24.94};
  const OnePair pair(a, b, Single(Geo(200.0, 1.0, true)));
  EXPECT_EQ(pair.value(), 0.0);
  EXPECT_EQ(pair.explanation.verdict, kFirstCriterionVerdict);
  const OnePair swapped(b, a, Single(Geo(200.0, 1.0, true)));
  EXPECT_EQ(swapped.explanation.verdict, kFirstCriterionVerdict);
}

// A pair exactly max_km apart holds, as in double; a hair less does not.
TEST(DistanceTest, ThresholdIsDecidedInDouble) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.coordinates = GeoPoint{62.79, 22.84};
  b.coordinates = GeoPoint{61.50, 23.76};
  const double km =
      scoring_internal::GreatCircleKm(*a.coordinates, *b.coordinates);
  EXPECT_EQ(OnePair(a, b, Single(Geo(km, 1.0, true))).explanation.verdict,
            kAllowed);
  EXPECT_EQ(OnePair(a, b, Single(Geo(std::nextafter(km, 0.0), 1.0, true)))
                .explanation.verdict,
            kFirstCriterionVerdict);
}

TEST(DistanceTest, SameMunicipalityAndRegion) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.municipality = "Tampere";
  b.municipality = "Nokia";
  a.region = "Pirkanmaa";
  b.region = "Pirkanmaa";
  Criterion municipality = Make(CriterionKind::kDistance, "", 1.0, true);
  municipality.distance_mode = DistanceMode::kSameMunicipality;
  Criterion region = municipality;
  region.distance_mode = DistanceMode::kSameRegion;
  EXPECT_EQ(OnePair(a, b, Single(municipality)).explanation.verdict,
            kFirstCriterionVerdict);
  EXPECT_EQ(OnePair(a, b, Single(region)).value(), 1.0);
  b.region = "";
  EXPECT_EQ(OnePair(a, b, Single(region)).value(), 0.0);
}

// --- Gap -------------------------------------------------------------------

TEST(GapTest, InsideRangeIsOneOutsideFallsOff) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.numbers["years"] = 3;
  b.numbers["years"] = 10;
  Criterion c = Make(CriterionKind::kGap, "years", 1.0, true);
  c.min_gap = 5;
  c.max_gap = 6;
  c.tolerance = 2;
  // d = 10 - 3 = 7, one above max_gap: 1 - 1 / 2.
  const OnePair above(a, b, Single(c));
  EXPECT_NEAR(above.value(), 1.0 - (7.0 - 6.0) / 2.0, 1e-12);
  EXPECT_EQ(above.explanation.verdict, kFirstCriterionVerdict);
  c.max_gap = 8;
  EXPECT_EQ(OnePair(a, b, Single(c)).value(), 1.0);
  c.min_gap = 12;
  c.max_gap.reset();
  c.tolerance = 4;
  // Five below min_gap, beyond the tolerance of 4: 0.
  EXPECT_EQ(OnePair(a, b, Single(c)).value(), 0.0);
  c.tolerance = 10;
  EXPECT_NEAR(OnePair(a, b, Single(c)).value(), 1.0 - (12.0 - 7.0) / 10.0,
              1e-12);
}

TEST(GapTest, AbsoluteComparesTheMagnitude) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.numbers["years"] = 10;
  b.numbers["years"] = 4;
  Criterion c = Make(CriterionKind::kGap, "years", 1.0, true);
  c.min_gap = 0;
  c.max_gap = 5;
  c.tolerance = 8;
  // Signed: d = 4 - 10 = -6, six below min_gap.
  EXPECT_NEAR(OnePair(a, b, Single(c)).value(),
              1.0 - (0.0 - (4.0 - 10.0)) / 8.0, 1e-12);
  c.absolute = true;
  // |d| = 6, one above max_gap.
  EXPECT_NEAR(OnePair(a, b, Single(c)).value(), 1.0 - (6.0 - 5.0) / 8.0, 1e-12);
  c.max_gap = 6;
  EXPECT_EQ(OnePair(a, b, Single(c)).explanation.verdict, kAllowed);
  c.absolute = false;  // signed: -6 < 0
  EXPECT_EQ(OnePair(a, b, Single(c)).explanation.verdict,
            kFirstCriterionVerdict);
}

TEST(GapTest, MissingNumberScoresZeroAndFails) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  b.numbers["years"] = 4;
  Criterion c = Make(CriterionKind::kGap, "years", 1.0, true);
  c.min_gap = -100;
  const OnePair pair(a, b, Single(c));
  EXPECT_EQ(pair.value(), 0.0);
  EXPECT_EQ(pair.explanation.verdict, kFirstCriterionVerdict);
  const OnePair swapped(b, a, Single(c));
  EXPECT_EQ(swapped.explanation.verdict, kFirstCriterionVerdict);
}

// 0.3 - 0.1 rounds to 0.19999999999999998 in double: below a 0.2 minimum.
TEST(GapTest, PredicateFollowsDoubleRounding) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.numbers["x"] = 0.1;
  b.numbers["x"] = 0.3;
  Criterion c = Make(CriterionKind::kGap, "x", 1.0, true);
  c.min_gap = 0.2;
  EXPECT_EQ(OnePair(a, b, Single(c)).explanation.verdict,
            kFirstCriterionVerdict);
  c.min_gap = 0.3 - 0.1;
  EXPECT_EQ(OnePair(a, b, Single(c)).explanation.verdict, kAllowed);
  c.absolute = true;
  c.min_gap = 0.2;
  EXPECT_EQ(OnePair(b, a, Single(c)).explanation.verdict,
            kFirstCriterionVerdict);
}

// --- Weighted mean and verdicts --------------------------------------------

TEST(ScoreTest, WeightedMeanOverAllCriteria) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  a.goals = {{"t0", 4}};
  b.competences = {{"t0", 3}};
  a.attributes["stage"] = "early";
  b.attributes["stage"] = "early";
  Policy policy;
  policy.criteria.push_back(Make(CriterionKind::kComplement, "", 3.0));
  policy.criteria.push_back(Make(CriterionKind::kSimilar, "stage", 1.0));
  // Hard with weight 0: only forbids, but counts nothing.
  policy.criteria.push_back(Make(CriterionKind::kOverlap, "tags", 0.0, true));
  const OnePair pair(a, b, policy);
  const double expected = (3.0 * (4 * 3) / (5.0 * 4) + 1.0 * 1.0) / (3 + 1 + 0);
  EXPECT_NEAR(pair.explanation.score, expected, 1e-12);
  EXPECT_NEAR(pair.score(), expected, kMatrixTolerance);
  EXPECT_EQ(pair.explanation.values[2].contribution, 0.0);
  EXPECT_EQ(pair.explanation.verdict, kFirstCriterionVerdict + 2);
}

TEST(VerdictTest, FirstRuleInOrderWins) {
  Participant a = Person("a", kRoleMentee | kRoleMentor);
  Participant e = Mentee("e");
  Participant b = Mentor("b");
  Participant c = Mentor("c");
  Participant d = Mentor("d");
  a.attributes = {{"org", "X"}, {"stage", "early"}};
  a.avoid = {"b"};
  b.attributes = {{"org", "X"}, {"stage", "early"}};
  b.avoid = {"e"};
  c.attributes = {{"org", "Y"}, {"stage", "early"}};
  c.tags["languages"] = {"fi"};
  d.attributes = {{"org", "X"}, {"stage", "early"}};
  e.attributes = {{"org", "Z"}, {"stage", "early"}};
  e.tags["languages"] = {"fi"};
  Policy policy;
  policy.criteria.push_back(Make(CriterionKind::kSimilar, "stage", 1.0, true));
  policy.criteria.push_back(
      Make(CriterionKind::kOverlap, "languages", 1.0, true));
  policy.forbid_same_organisation = true;
  policy.organisation_attribute = "org";
  const Cohort cohort = CohortOf({a, e, b, c, d});
  const ScoringModel model = BuildOrDie(cohort, policy);
  ASSERT_EQ(model.mentees(), (std::vector<int>{0, 1}));
  ASSERT_EQ(model.mentors(), (std::vector<int>{0, 2, 3, 4}));
  const ScoreMatrix m = model.ComputeMatrix();
  ExpectAgree(model, m);
  EXPECT_EQ(m.verdicts(0, 0), kForbiddenSelf);   // also same organisation
  EXPECT_EQ(m.verdicts(0, 1), kForbiddenAvoid);  // also same organisation
  EXPECT_EQ(m.verdicts(0, 2), kFirstCriterionVerdict + 1);  // no language
  EXPECT_EQ(m.verdicts(0, 3), kForbiddenSameOrganisation);  // also no language
  EXPECT_EQ(m.verdicts(1, 1), kForbiddenAvoid);             // b avoids e
  EXPECT_EQ(m.verdicts(1, 2), kAllowed);
  EXPECT_EQ(m.verdicts(1, 3), kFirstCriterionVerdict + 1);
  EXPECT_TRUE(model.Explain(0, 0).self);
  EXPECT_TRUE(model.Explain(0, 3).same_organisation);

  policy.honour_avoid_lists = false;
  policy.forbid_same_organisation = false;
  const ScoringModel lax = BuildOrDie(cohort, policy);
  const PairExplanation e01 = lax.Explain(0, 1);
  EXPECT_TRUE(e01.avoided);
  EXPECT_FALSE(e01.same_organisation);
  EXPECT_EQ(e01.verdict, kFirstCriterionVerdict + 1);
  EXPECT_EQ(lax.ComputeMatrix().verdicts(0, 1), kFirstCriterionVerdict + 1);
}

TEST(VerdictTest, DefaultPolicyNeedsASharedLanguage) {
  Participant a = Mentee("a");
  Participant b = Mentor("b");
  Participant c = Mentor("c");
  a.goals = {{"t0", 5}};
  b.competences = {{"t0", 5}};
  c.competences = {{"t0", 5}};
  a.tags["languages"] = {"sv"};
  b.tags["languages"] = {"fi"};
  c.tags["languages"] = {"sv", "fi"};
  const Cohort cohort = CohortOf({a, b, c});
  const ScoringModel model = BuildOrDie(cohort, DefaultPolicy());
  const ScoreMatrix m = model.ComputeMatrix();
  EXPECT_EQ(m.verdicts(0, 0), kFirstCriterionVerdict + 1);
  EXPECT_EQ(m.verdicts(0, 1), kAllowed);
  EXPECT_NEAR(m.scores(0, 1), 1.0, kMatrixTolerance);
}

// --- Build errors ----------------------------------------------------------

TEST(BuildTest, NeedsBothSides) {
  ExpectStatus(ScoringModel::Build(CohortOf({Mentor("b")}), DefaultPolicy()),
               absl::StatusCode::kFailedPrecondition, "cohort has no mentee");
  ExpectStatus(ScoringModel::Build(CohortOf({Mentee("a")}), DefaultPolicy()),
               absl::StatusCode::kFailedPrecondition, "cohort has no mentor");
}

TEST(BuildTest, RejectsWhatValidationWouldHave) {
  const Cohort cohort = CohortOf({Mentee("a"), Mentor("b")});
  const auto invalid = absl::StatusCode::kInvalidArgument;

  Criterion theme = Make(CriterionKind::kComplement);
  theme.themes = {"t0", "nope"};
  ExpectStatus(ScoringModel::Build(cohort, Single(theme)), invalid,
               "criteria[0].themes[1]");

  Policy many;
  for (int k = 0; k <= kMaxCriteria; ++k) {
    many.criteria.push_back(Make(CriterionKind::kSimilar, "x"));
  }
  ExpectStatus(ScoringModel::Build(cohort, many), invalid, "at most 250");
  ExpectStatus(ScoringModel::Build(cohort, Policy{}), invalid, "no criterion");

  Policy zero;
  zero.criteria = {Make(CriterionKind::kSimilar, "x", 0.0),
                   Make(CriterionKind::kOverlap, "y", 0.0, true)};
  ExpectStatus(ScoringModel::Build(cohort, zero), invalid, "sum to 0");

  Policy negative;
  negative.criteria = {Make(CriterionKind::kSimilar, "x"),
                       Make(CriterionKind::kSimilar, "x", -1.0)};
  ExpectStatus(ScoringModel::Build(cohort, negative), invalid,
               "criteria[1].weight");

  ExpectStatus(
      ScoringModel::Build(cohort, Single(Make(CriterionKind::kDifferent))),
      invalid, "criteria[0].field");

  Criterion overlap = Make(CriterionKind::kOverlap, "languages");
  overlap.minimum = 0;
  ExpectStatus(ScoringModel::Build(cohort, Single(overlap)), invalid,
               "criteria[0].minimum");

  Criterion gap = Make(CriterionKind::kGap, "years");
  gap.tolerance = 0;
  ExpectStatus(ScoringModel::Build(cohort, Single(gap)), invalid,
               "criteria[0].tolerance");
  gap.tolerance = 1;
  gap.min_gap = 3;
  gap.max_gap = 2;
  ExpectStatus(ScoringModel::Build(cohort, Single(gap)), invalid,
               "criteria[0].max_gap");

  ExpectStatus(ScoringModel::Build(cohort, Single(Geo(0.0))), invalid,
               "criteria[0].max_km");

  Criterion coverage = Make(CriterionKind::kComplement);
  coverage.min_coverage = 1.5;
  ExpectStatus(ScoringModel::Build(cohort, Single(coverage)), invalid,
               "criteria[0].min_coverage");
}

TEST(BuildTest, QueriesDescribeTheModel) {
  const Cohort cohort =
      CohortOf({Mentor("m0"), Mentee("a0"), Person("both", 3), Mentee("a1")});
  const Policy policy = DefaultPolicy();
  const ScoringModel model = BuildOrDie(cohort, policy);
  EXPECT_EQ(&model.cohort(), &cohort);
  EXPECT_EQ(model.policy().name, policy.name);
  EXPECT_EQ(model.mentees(), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(model.mentors(), (std::vector<int>{0, 2}));
  const ScoreMatrix m = model.ComputeMatrix();
  EXPECT_EQ(m.rows(), 3);
  EXPECT_EQ(m.cols(), 2);
  EXPECT_EQ(m.verdicts(1, 1), kForbiddenSelf);
}

// --- Properties on random cohorts ------------------------------------------

struct PropertyCase {
  std::uint64_t seed;
  bool strict;
};

class ScoringPropertyTest : public ::testing::TestWithParam<PropertyCase> {
 protected:
  void SetUp() override {
    cohort_ = testing::RandomCohort(GetParam().seed);
    policy_ =
        GetParam().strict ? testing::StrictPolicy() : testing::LenientPolicy();
  }
  Cohort cohort_;
  Policy policy_;
};

TEST_P(ScoringPropertyTest, MatrixAgreesWithExplain) {
  const ScoringModel model = BuildOrDie(cohort_, policy_);
  const ScoreMatrix m = model.ComputeMatrix();
  ASSERT_EQ(m.rows(), 40);
  ASSERT_EQ(m.cols(), 30);
  int allowed = 0;
  for (int r = 0; r < m.rows(); ++r) {
    for (int c = 0; c < m.cols(); ++c) {
      const PairExplanation e = model.Explain(r, c);
      ASSERT_GE(m.scores(r, c), 0.0F);
      ASSERT_LE(m.scores(r, c), 1.0F);
      ASSERT_NEAR(m.scores(r, c), e.score, kMatrixTolerance)
          << "pair " << r << "," << c;
      ASSERT_EQ(m.verdicts(r, c), e.verdict) << "pair " << r << "," << c;
      allowed += m.allowed(r, c) ? 1 : 0;
    }
  }
  // The cohorts are built so that both outcomes occur.
  EXPECT_GT(allowed, 0);
  EXPECT_LT(allowed, m.rows() * m.cols());
}

TEST_P(ScoringPropertyTest, AllowedIffNoRuleForbids) {
  const ScoringModel model = BuildOrDie(cohort_, policy_);
  for (int r = 0; r < static_cast<int>(model.mentees().size()); ++r) {
    for (int c = 0; c < static_cast<int>(model.mentors().size()); ++c) {
      const PairExplanation e = model.Explain(r, c);
      bool hard_holds = true;
      for (const CriterionValue& v : e.values) {
        if (policy_.criteria[static_cast<std::size_t>(v.criterion)].hard) {
          hard_holds = hard_holds && v.holds;
        }
      }
      const bool pair_rules_pass = !e.self &&
                                   !(e.avoided && policy_.honour_avoid_lists) &&
                                   !e.same_organisation;
      ASSERT_EQ(e.allowed(), hard_holds && pair_rules_pass)
          << "pair " << r << "," << c;
    }
  }
}

TEST_P(ScoringPropertyTest, ContributionsSumToScore) {
  const ScoringModel model = BuildOrDie(cohort_, policy_);
  double weight_sum = 0.0;
  for (const Criterion& c : policy_.criteria) weight_sum += c.weight;
  for (int r = 0; r < static_cast<int>(model.mentees().size()); ++r) {
    for (int c = 0; c < static_cast<int>(model.mentors().size()); ++c) {
      const PairExplanation e = model.Explain(r, c);
      ASSERT_EQ(e.values.size(), policy_.criteria.size());
      double sum = 0.0;
      for (std::size_t k = 0; k < e.values.size(); ++k) {
        const CriterionValue& v = e.values[k];
        ASSERT_EQ(v.criterion, static_cast<int>(k));
        ASSERT_GE(v.value, 0.0);
        ASSERT_LE(v.value, 1.0);
        ASSERT_NEAR(v.contribution,
                    policy_.criteria[k].weight * v.value / weight_sum, 1e-12);
        sum += v.contribution;
      }
      ASSERT_NEAR(e.score, sum, 1e-12);
    }
  }
}

// Scores and verdicts are bit-identical for any thread count and tile size.
TEST_P(ScoringPropertyTest, OptionsDoNotChangeResults) {
  const ScoringModel model = BuildOrDie(cohort_, policy_);
  const ScoreMatrix base = model.ComputeMatrix({.threads = 1, .tile_rows = 32});
  for (const ScoringOptions options :
       {ScoringOptions{.threads = 2, .tile_rows = 32},
        ScoringOptions{.threads = 2, .tile_rows = 1},
        ScoringOptions{.threads = 1, .tile_rows = 7},
        ScoringOptions{.threads = 3, .tile_rows = 4096},
        ScoringOptions{.threads = 0, .tile_rows = 0}}) {
    const ScoreMatrix m = model.ComputeMatrix(options);
    ASSERT_EQ(m.scores.size(), base.scores.size());
    EXPECT_EQ(std::memcmp(
                  m.scores.data(), base.scores.data(),
                  sizeof(float) * static_cast<std::size_t>(base.scores.size())),
              0)
        << "threads " << options.threads << " tile_rows " << options.tile_rows;
    EXPECT_TRUE(m.verdicts == base.verdicts);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, ScoringPropertyTest,
    ::testing::Values(PropertyCase{1, true}, PropertyCase{2, true},
                      PropertyCase{3, true}, PropertyCase{1, false},
                      PropertyCase{2, false}, PropertyCase{3, false},
                      PropertyCase{4, false}),
    [](const ::testing::TestParamInfo<PropertyCase>& param_info) {
      std::string name = param_info.param.strict ? "Strict" : "Lenient";
      name += "Seed";
      name += std::to_string(param_info.param.seed);
      return name;
    });

// Several blocks (32 rows) and column chunks (512), with partial ones.
TEST(ScoringLargeTest, BlocksAndChunksAgreeWithExplain) {
  const Cohort cohort = testing::RandomCohort(11, 300, 1100, 40);
  for (const Policy& policy :
       {testing::StrictPolicy(), testing::LenientPolicy()}) {
    const ScoringModel model = BuildOrDie(cohort, policy);
    const ScoreMatrix m = model.ComputeMatrix({.threads = 2, .tile_rows = 64});
    ASSERT_EQ(m.rows(), 300);
    ASSERT_EQ(m.cols(), 1100);
    for (int r = 0; r < m.rows(); r += 3) {
      for (int c = r % 5; c < m.cols(); c += 5) {
        const PairExplanation e = model.Explain(r, c);
        ASSERT_NEAR(m.scores(r, c), e.score, kMatrixTolerance)
            << "pair " << r << "," << c;
        ASSERT_EQ(m.verdicts(r, c), e.verdict) << "pair " << r << "," << c;
      }
    }
    const ScoreMatrix one = model.ComputeMatrix({.threads = 1, .tile_rows = 5});
    EXPECT_TRUE(one.scores == m.scores);
    EXPECT_TRUE(one.verdicts == m.verdicts);
  }
}

TEST(ScoringReuseTest, ComputeIntoReusesOrReshapes) {
  const Cohort cohort = testing::RandomCohort(5);
  const ScoringModel model = BuildOrDie(cohort, testing::StrictPolicy());
  const ScoreMatrix fresh = model.ComputeMatrix();
  ScoreMatrix out;
  out.scores.setConstant(3, 3, 7.0F);
  model.ComputeMatrix({}, &out);
  EXPECT_TRUE(out.scores == fresh.scores);
  EXPECT_TRUE(out.verdicts == fresh.verdicts);
  out.scores.setConstant(9.0F);
  out.verdicts.setConstant(99);
  model.ComputeMatrix({.threads = 1}, &out);
  EXPECT_TRUE(out.scores == fresh.scores);
  EXPECT_TRUE(out.verdicts == fresh.verdicts);

  // A cancelled token skips every tile: nothing is written.
  CancellationToken cancel;
  cancel.Cancel();
  out.scores.setConstant(9.0F);
  model.ComputeMatrix({.cancel = &cancel}, &out);
  EXPECT_TRUE((out.scores.array() == 9.0F).all());
}

}  // namespace
}  // namespace sopu
