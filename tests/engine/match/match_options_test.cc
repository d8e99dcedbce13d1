#include "engine/match/match_options.h"

#include <cmath>
#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace sopu {
namespace {

std::string Message(const MatchOptions& options) {
  return std::string(ValidateMatchOptions(options).message());
}

TEST(MatchOptions, DefaultsAreValid) {
  EXPECT_TRUE(ValidateMatchOptions({}).ok());
  EXPECT_EQ(MatchOptions{}.continuity_bonus, kDefaultContinuityBonus);
  EXPECT_TRUE(ValidateMatchOptions({.objective = MatchObjective::kMaxScore,
                                    .continuity_bonus = 1.0,
                                    .min_score = 0.0})
                  .ok());
  EXPECT_TRUE(ValidateMatchOptions(
                  {.objective = MatchObjective::kStable, .use_wishes = true})
                  .ok());
}

TEST(MatchOptions, BoundsAndNaNAreRejected) {
  EXPECT_EQ(Message({.continuity_bonus = -0.1}),
            "continuity_bonus: must be in 0..1");
  EXPECT_EQ(Message({.continuity_bonus = std::nan("")}),
            "continuity_bonus: must be in 0..1");
  EXPECT_EQ(Message({.objective = MatchObjective::kMaxScore,
                     .min_score = std::nan("")}),
            "min_score: must be in 0..1");
  EXPECT_EQ(Message({.objective = MatchObjective::kMaxScore, .min_score = 1.5}),
            "min_score: must be in 0..1");
  EXPECT_EQ(Message({.objective = static_cast<MatchObjective>(7)}),
            "objective: unknown objective");
}

TEST(MatchOptions, OptionsOfAnotherObjectiveAreRejected) {
  EXPECT_EQ(Message({.objective = MatchObjective::kFair, .min_score = 0.5}),
            "min_score: only applies to the max-score objective");
  EXPECT_EQ(
      Message({.objective = MatchObjective::kOptimal, .use_wishes = true}),
      "use_wishes: only applies to the stable objective");
  EXPECT_EQ(ValidateMatchOptions({.continuity_bonus = 2.0}).code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sopu
