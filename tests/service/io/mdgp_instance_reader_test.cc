#include "service/io/mdgp_instance_reader.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/groups/group_solver.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace sopu::io {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(MdgpInstanceReader, ReadsHeaderBoundsAndSymmetricDistances) {
  absl::StatusOr<MdgpInstance> r =
      ParseMdgpInstance("4 2 ds 1 3 2 2\n0 1 1.5\n2 1 -2\n0 3 7.125\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->elements, 4);
  EXPECT_EQ(r->kind, "ds");
  EXPECT_THAT(r->bounds, ElementsAre(Pair(1, 3), Pair(2, 2)));
  EXPECT_EQ(r->decimals, 3);
  const auto d = [&](int i, int j) {
    return r->distance[static_cast<std::size_t>(i) * 4 + j];
  };
  EXPECT_EQ(d(0, 1), 1.5);
  EXPECT_EQ(d(1, 0), 1.5);
  EXPECT_EQ(d(1, 2), -2.0);
  EXPECT_EQ(d(3, 0), 7.125);
  EXPECT_EQ(d(2, 3), 0.0);  // not listed
  EXPECT_EQ(d(2, 2), 0.0);
}

TEST(MdgpInstanceReader, OneBoundPairStandsForEveryGroupOfAnSsFile) {
  absl::StatusOr<MdgpInstance> r = ParseMdgpInstance("4 2 ss 2 2\n0 1 3\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->bounds, ElementsAre(Pair(2, 2), Pair(2, 2)));
  EXPECT_EQ(r->decimals, 0);
}

TEST(MdgpInstanceReader, NamesTheLineAndTokenOfEveryProblem) {
  const auto error = [](const char* text) {
    return std::string(ParseMdgpInstance(text).status().message());
  };
  EXPECT_EQ(error(""),
            "line 1: empty file, expected n m kind and the size bounds");
  EXPECT_EQ(error("4 2 xs 2 2 2 2\n"),
            "line 1, token 3 \"xs\": expected the kind ss or ds");
  EXPECT_EQ(error("4 2 ds 2 2 2\n"),
            "line 1: expected 2 pairs of size bounds after the kind, found 3 "
            "numbers");
  EXPECT_EQ(error("4 2 ss 2 3 2 3\n"),
            "line 1: group 0 of an ss file needs equal bounds, found 2 and 3");
  EXPECT_EQ(error("5 2 ss 2 2\n"),
            "line 1: group sizes 4..4 in total cannot hold 5 elements");
  EXPECT_EQ(error("4 2 ss 2 2\n0 4 1\n"),
            "line 2, token 2 \"4\": element id must be in 0..3");
  EXPECT_EQ(error("4 2 ss 2 2\n1 1 1\n"),
            "line 2, token 2 \"1\": a pair needs two different elements");
  EXPECT_EQ(error("4 2 ss 2 2\n0 1 1e3\n"),
            "line 2, token 3 \"1e3\": expected a plain decimal number");
  EXPECT_EQ(error("4 2 ss 2 2\n0 1 1\n1 0 2\n"),
            "line 3, token 3 \"2\": pair 0 1 is listed a second time");
  EXPECT_EQ(error("4 2 ss 2 2\n0 1\n"),
            "line 2: file ends before the pair's distance");
  EXPECT_EQ(error("4000 2 ss 2000 2000\n"),
            "line 1: the file is too short for 4000 elements");
}

TEST(MdgpInstanceReader, ReportsAMissingFileAsNotFound) {
  const absl::StatusOr<MdgpInstance> r =
      ReadMdgpInstance(SOPU_TEST_DATA_DIR "/mdgp/no-such-file.txt");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
}

// The published exact optima of bundled n = 10 / 12 instances (exhaustive
// enumeration by the benchmark's authors), reached by the solver.
TEST(MdgpInstanceReader, SolverReachesThePublishedExactOptima) {
  std::ifstream table(SOPU_TEST_DATA_DIR "/mdgp/tiny_exact_optima.tsv");
  ASSERT_TRUE(table) << "missing tests/data/mdgp/tiny_exact_optima.tsv";
  std::string line;
  std::getline(table, line);  // header
  int checked = 0;
  while (std::getline(table, line)) {
    std::istringstream row(line);
    std::string name;
    int n = 0;
    int m = 0;
    std::string kind;
    double optimum = 0.0;
    row >> name >> n >> m >> kind >> optimum;
    absl::StatusOr<MdgpInstance> instance =
        ReadMdgpInstance(SOPU_TEST_DATA_DIR "/mdgp/" + name + ".txt");
    ASSERT_TRUE(instance.ok()) << instance.status();
    GroupProblem problem;
    problem.elements = instance->elements;
    problem.affinity = instance->distance;
    for (const auto& [lo, hi] : instance->bounds) {
      problem.groups.push_back({lo, hi});
    }
    GroupSolverOptions options;
    options.time_limit_seconds = 0.0;
    options.max_rounds = 4;
    const absl::StatusOr<GroupSolveResult> r = SolveGroups(problem, options);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_TRUE(IsWithinBounds(problem, r->group_of));
    EXPECT_NEAR(r->objective, optimum, 5e-4) << name;
    ++checked;
  }
  EXPECT_EQ(checked, 6);
}

}  // namespace
}  // namespace sopu::io
