#include "service/io/pair_list_reader.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/io/source_map.h"

namespace sopu::io {
namespace {

std::vector<std::pair<std::string, std::string>> Pairs(const PairList& list) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : list.pairs)
    out.emplace_back(p.mentee_id(), p.mentor_id());
  return out;
}

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

TEST(PairListReader, SemicolonsBomAndExtraColumns) {
  const PairList list = ReadPairList(
      "\xEF\xBB\xBFmentor_id;note;Mentee_ID\r\nm1;\"a; b\";a1\r\nm2;;a2\r\n",
      "lock.csv");
  EXPECT_THAT(list.problems, IsEmpty());
  EXPECT_THAT(Pairs(list), ElementsAre(Pair("a1", "m1"), Pair("a2", "m2")));
}

TEST(PairListReader, ReadsAMatchResultAndSkipsUnmatched) {
  const PairList list = ReadPairList(
      "mentee_id,mentee_name,mentor_id,score\n"
      "a1,\"Virtanen, Aino\",m3,0.8\n"
      "a2,Elsa,,\n",
      "previous.csv");
  EXPECT_THAT(list.problems, IsEmpty());
  EXPECT_THAT(Pairs(list), ElementsAre(Pair("a1", "m3")));
}

TEST(PairListReader, MissingColumnsAndEmptyMentee) {
  const PairList bad_header = ReadPairList("mentee,who\na1,m1\n", "x.csv");
  ASSERT_EQ(bad_header.problems.size(), 1U);
  EXPECT_EQ(bad_header.problems[0].field(), "x.csv row 1");
  EXPECT_EQ(bad_header.problems[0].description(),
            "the header needs the columns mentee_id and mentor_id");

  const PairList empty_mentee = ReadPairList("mentee,mentor\n,m1\n", "x.csv");
  ASSERT_EQ(empty_mentee.problems.size(), 1U);
  EXPECT_EQ(empty_mentee.problems[0].field(), "x.csv row 2");
  EXPECT_EQ(empty_mentee.problems[0].description(),
            "the mentee_id cell is empty");
  const PairList empty = ReadPairList("", "x.csv");
  ASSERT_EQ(empty.problems.size(), 1U);
  EXPECT_EQ(empty.problems[0].description(),
            "no header row; name the columns mentee_id and mentor_id");
}

}  // namespace
}  // namespace sopu::io

namespace sopu::io {
namespace {

TEST(MemberPairList, ReadsBothIdsAndNeedsEach) {
  const MemberPairList list =
      ReadMemberPairList("first_id;second\np1;p2\n;\np3;\n", "together.csv");
  ASSERT_EQ(list.pairs.size(), 1U);
  EXPECT_EQ(list.pairs[0].first_id(), "p1");
  EXPECT_EQ(list.pairs[0].second_id(), "p2");
  EXPECT_EQ(list.rows, std::vector<int>{2});
  ASSERT_EQ(list.problems.size(), 1U);
  EXPECT_EQ(list.problems[0].field(), "together.csv row 4");
  EXPECT_EQ(list.problems[0].description(), "the second_id cell is empty");
}

TEST(MemberPairList, NamesTheColumnsItNeeds) {
  const MemberPairList list =
      ReadMemberPairList("mentee_id,mentor_id\na,b\n", "t.csv");
  ASSERT_EQ(list.problems.size(), 1U);
  EXPECT_EQ(list.problems[0].description(),
            "the header needs the columns first_id and second_id");
}

}  // namespace
}  // namespace sopu::io

// Where the request's pair entries came from: the structural path of each
// entry ("locked[k]", "locked[k].mentor_id") through the SourceMap to the
// file, row and column.
namespace sopu::io {
namespace {

// LockMap reads `bytes` as lock.csv into the list "locked" of a SourceMap.
SourceMap LockMap(std::string_view bytes) {
  PairList list = ReadPairList(bytes, "lock.csv");
  SourceMap map;
  map.AddPairList("locked", "lock.csv", std::move(list.rows),
                  std::move(list.columns));
  return map;
}

// Row 2 is a pair, row 3 has no mentee (a problem, no entry), row 4 is
// empty (skipped), row 5 an unmatched mentee (skipped), row 6 a pair: the
// request's locked[0] and locked[1] come from rows 2 and 6.
constexpr std::string_view kLock =
    "Mentor;note;MENTEE_ID\n"
    "m1;x;a1\n"
    "m2;y;\n"
    ";;\n"
    ";z;a3\n"
    "m4;;a4\n";

TEST(PairListSource, ReadsTheIdColumnsAsWritten) {
  const PairList list = ReadPairList(kLock, "lock.csv");
  EXPECT_EQ(list.rows, (std::vector<int>{2, 6}));
  ASSERT_EQ(list.columns.size(), 2U);
  EXPECT_EQ(list.columns[0].field, "mentee_id");
  EXPECT_EQ(list.columns[0].number, 3);
  EXPECT_EQ(list.columns[0].header, "MENTEE_ID");
  EXPECT_EQ(list.columns[1].field, "mentor_id");
  EXPECT_EQ(list.columns[1].number, 1);
  EXPECT_EQ(list.columns[1].header, "Mentor");
}

TEST(PairListSource, EntryPathsFindTheirRowAndColumn) {
  const SourceMap map = LockMap(kLock);
  const std::optional<PairLocation> at = map.LocatePair("locked[1].mentor_id");
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->list, "locked");
  EXPECT_EQ(at->file, "lock.csv");
  EXPECT_EQ(at->row, 2 + 4);  // the second pair, after three skipped rows
  EXPECT_EQ(at->field, "mentor_id");
  EXPECT_EQ(at->column, 1);
  EXPECT_EQ(at->header, "Mentor");

  const std::optional<PairLocation> entry = map.LocatePair("locked[0]");
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->row, 2);
  EXPECT_EQ(entry->field, "");
  EXPECT_EQ(entry->column, 0);
}

TEST(PairListSource, LocateWordsThePlaceAsStaffSeeIt) {
  const SourceMap map = LockMap(kLock);
  EXPECT_EQ(map.Locate("locked[0]"), "lock.csv row 2");
  EXPECT_EQ(map.Locate("locked[1]"), "lock.csv row 6");
  EXPECT_EQ(map.Locate("locked[1].mentee_id"), "lock.csv row 6, mentee_id");
  // A field without a column of its own still names the row.
  EXPECT_EQ(map.Locate("locked[0].note"), "lock.csv row 2, note");
}

TEST(PairListSource, PathsOfNoEntryAreNotLocated) {
  const SourceMap map = LockMap(kLock);
  EXPECT_EQ(map.Locate("locked[2]"), std::nullopt);     // past the end
  EXPECT_EQ(map.Locate("forbidden[0]"), std::nullopt);  // another list
  EXPECT_EQ(map.Locate("locked"), std::nullopt);
  EXPECT_EQ(map.Locate("locked[]"), std::nullopt);
  EXPECT_EQ(map.Locate("locked[x]"), std::nullopt);
  EXPECT_EQ(map.Locate("locked[0]x"), std::nullopt);
  EXPECT_EQ(map.Locate("unlocked[0]"), std::nullopt);
  // The reader's own problems are located already.
  EXPECT_EQ(map.Locate("lock.csv row 3"), std::nullopt);
}

TEST(PairListSource, EachListHasItsFile) {
  SourceMap map = LockMap(kLock);
  MemberPairList together =
      ReadMemberPairList("second_id,first_id\np2,p1\np4,p3\n", "t.csv");
  map.AddPairList("together", "t.csv", std::move(together.rows),
                  std::move(together.columns));
  EXPECT_EQ(map.Locate("together[1].second_id"), "t.csv row 3, second_id");
  EXPECT_EQ(map.LocatePair("together[1].first_id")->column, 2);
  EXPECT_EQ(map.Locate("locked[1]"), "lock.csv row 6");
  // A list read again replaces the earlier file.
  map.AddPairList("locked", "other.csv", {9}, {});
  EXPECT_EQ(map.Locate("locked[0].mentor_id"), "other.csv row 9, mentor_id");
  EXPECT_EQ(map.Locate("locked[1]"), std::nullopt);
}

TEST(PairListSource, CohortPathsAreLocatedAsBefore) {
  SourceMap map = LockMap(kLock);
  map.AddColumn("capacity", 4, "capacity");
  map.AddParticipant(0, 2);
  EXPECT_EQ(map.Locate("cohort.participants[0].capacity"),
            "row 2, column D (capacity)");
  EXPECT_EQ(map.LocatePair("cohort.participants[0].capacity"), std::nullopt);
  EXPECT_EQ(map.Locate("locked[0]"), "lock.csv row 2");
}

}  // namespace
}  // namespace sopu::io
