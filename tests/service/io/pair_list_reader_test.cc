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
