#include "service/io/pair_list_reader.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

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
