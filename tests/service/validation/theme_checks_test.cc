#include "service/validation/theme_checks.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/status/bad_request.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::service {
namespace {

using ::sopu::testing::ToPairs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

sopu::v1::Cohort Themes(std::initializer_list<const char*> ids) {
  sopu::v1::Cohort cohort;
  for (const char* id : ids)
    cohort.mutable_taxonomy()->add_themes()->set_id(id);
  return cohort;
}

TEST(CheckThemeNames, Issue12FindsAMisspeltThemeColumn) {
  ViolationList violations;
  CheckThemeNames(Themes({"competence", "self_leadership", "self_leadrship"}),
                  nullptr, "cohort", violations);
  EXPECT_THAT(
      ToPairs(violations.violations()),
      ElementsAre(Pair(
          "cohort.taxonomy.themes[2].id",
          "theme `self_leadrship` looks like a misspelling of theme "
          "`self_leadership`; correct the column, or list both themes in the "
          "policy's complement criterion if they really are different "
          "themes")));
}

TEST(CheckThemeNames, Issue12FindsThemesThatDifferOnlyByCase) {
  ViolationList violations;
  CheckThemeNames(Themes({"competence", "COMPETENCE"}), nullptr, "",
                  violations);
  ASSERT_EQ(violations.violations().size(), 1U);
  EXPECT_EQ(violations.violations()[0].field(), "taxonomy.themes[1].id");
  EXPECT_THAT(violations.violations()[0].description(),
              ::testing::HasSubstr("(only the case differs)"));
}

TEST(CheckThemeNames, AcceptsDistinctThemesAndThemesThePolicyDeclares) {
  ViolationList distinct;
  CheckThemeNames(Themes({"competence", "leading_others", "fi", "en"}), nullptr,
                  "cohort", distinct);
  EXPECT_THAT(distinct.violations(), IsEmpty());

  sopu::v1::Policy policy;
  auto* complement = policy.add_criteria()->mutable_complement();
  complement->add_themes("design");
  complement->add_themes("designs");
  ViolationList declared;
  CheckThemeNames(Themes({"design", "designs"}), &policy, "cohort", declared);
  EXPECT_THAT(declared.violations(), IsEmpty());
}

}  // namespace
}  // namespace sopu::service
