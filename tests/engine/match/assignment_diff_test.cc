#include "engine/match/assignment_diff.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"

namespace sopu {
namespace {

const std::vector<std::string_view> kMentees = {"a0", "a1", "a2", "a3", "a4"};
const std::vector<std::string_view> kMentors = {"m0", "m1"};

TEST(DiffAssignment, NothingWithoutPreviousPairs) {
  const AssignmentDiff diff =
      DiffAssignment({}, {0, 1, -1, -1, 0}, kMentees, kMentors);
  EXPECT_TRUE(diff.changes.empty());
  EXPECT_EQ(diff.kept + diff.changed + diff.added + diff.dropped, 0);
}

TEST(DiffAssignment, EveryKindInRowOrderThenTheDeparted) {
  const std::vector<PreviousPair> previous = {
      {.row = 3, .col = -1, .mentee_id = "a3", .mentor_id = "gone-mentor"},
      {.row = -1, .col = 0, .mentee_id = "gone", .mentor_id = "m0"},
      {.row = 0, .col = 0, .mentee_id = "a0", .mentor_id = "m0"},
      {.row = 1, .col = 0, .mentee_id = "a1", .mentor_id = "m0"},
      {.row = 2, .col = 1, .mentee_id = "a2", .mentor_id = "m1"},
  };
  // a0 kept, a1 changed, a2 dropped, a3 changed (the mentor has left),
  // a4 new; then the departed mentee's pair is dropped.
  const AssignmentDiff diff =
      DiffAssignment(previous, {0, 1, -1, 1, 0}, kMentees, kMentors);
  ASSERT_EQ(diff.changes.size(), 6U);
  const std::vector<
      std::tuple<std::string, PairChangeKind, std::string, std::string>>
      expected = {
          {"a0", PairChangeKind::kKept, "m0", "m0"},
          {"a1", PairChangeKind::kChanged, "m0", "m1"},
          {"a2", PairChangeKind::kDropped, "m1", ""},
          {"a3", PairChangeKind::kChanged, "gone-mentor", "m1"},
          {"a4", PairChangeKind::kNew, "", "m0"},
          {"gone", PairChangeKind::kDropped, "m0", ""},
      };
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const PairChange& change = diff.changes[k];
    EXPECT_EQ(change.mentee_id, std::get<0>(expected[k]));
    EXPECT_EQ(change.kind, std::get<1>(expected[k])) << k;
    EXPECT_EQ(change.previous_mentor_id, std::get<2>(expected[k]));
    EXPECT_EQ(change.mentor_id, std::get<3>(expected[k]));
  }
  EXPECT_EQ(diff.kept, 1);
  EXPECT_EQ(diff.changed, 2);
  EXPECT_EQ(diff.added, 1);
  EXPECT_EQ(diff.dropped, 2);
}

TEST(DiffAssignment, AMenteeUnmatchedBeforeAndNowIsNotListed) {
  const std::vector<PreviousPair> previous = {
      {.row = 0, .col = 0, .mentee_id = "a0", .mentor_id = "m0"}};
  const AssignmentDiff diff =
      DiffAssignment(previous, {0, -1, -1, -1, -1}, kMentees, kMentors);
  ASSERT_EQ(diff.changes.size(), 1U);
  EXPECT_EQ(diff.changes[0].kind, PairChangeKind::kKept);
}

}  // namespace
}  // namespace sopu
