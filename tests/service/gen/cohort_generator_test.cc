#include "service/gen/cohort_generator.h"

#include <set>

#include "gtest/gtest.h"
#include "service/gen/cohort_csv_writer.h"
#include "service/gen/deterministic_json.h"
#include "service/handlers/prepare_inputs.h"
#include "service/io/csv_cohort_reader.h"
#include "service/validation/cohort_validator.h"

namespace sopu::gen {
namespace {

CohortGenOptions Options(std::uint64_t seed) {
  CohortGenOptions o;
  o.mentors = 30;
  o.mentees = 70;
  o.seed = seed;
  return o;
}

TEST(GenerateCohort, SameSeedSameBytes) {
  const auto a = GenerateCohort(Options(42));
  const auto b = GenerateCohort(Options(42));
  EXPECT_EQ(DeterministicJson(a), DeterministicJson(b));
  EXPECT_EQ(WriteCohortCsv(a), WriteCohortCsv(b));
  EXPECT_NE(DeterministicJson(a),
            DeterministicJson(GenerateCohort(Options(43))));
}

TEST(GenerateCohort, ValidUnderTheGeneratorPolicy) {
  for (const std::uint64_t seed : {1, 2, 3}) {
    const auto cohort = GenerateCohort(Options(seed));
    ASSERT_EQ(cohort.participants_size(), 100);
    service::ViolationList violations;
    const sopu::v1::Policy policy = GeneratorPolicy();
    service::CheckInputs(cohort, &policy, /*need_both_sides=*/true, violations);
    for (const auto& v : violations.violations()) {
      ADD_FAILURE() << v.field() << ": " << v.description();
    }
  }
}

TEST(GenerateCohort, RealisticShape) {
  CohortGenOptions o;
  o.mentors = 300;
  o.mentees = 700;
  o.seed = 9;
  const auto cohort = GenerateCohort(o);
  int fi = 0;
  int sv = 0;
  int en = 0;
  std::set<std::string> regions;
  std::set<std::string> sectors;
  for (const auto& p : cohort.participants()) {
    for (const auto& lang : p.tags().at("languages").values()) {
      fi += lang == "fi" ? 1 : 0;
      sv += lang == "sv" ? 1 : 0;
      en += lang == "en" ? 1 : 0;
    }
    regions.insert(p.location().region());
    sectors.insert(p.attributes().at("sector"));
    EXPECT_GE(p.availability_size(), 2);
  }
  EXPECT_GT(fi, 850);  // ~92 % speak Finnish
  EXPECT_GT(sv, 40);   // a Swedish-speaking minority
  EXPECT_LT(sv, 250);
  EXPECT_GT(en, 600);
  EXPECT_GE(regions.size(), 15U);
  EXPECT_EQ(sectors.size(), 12U);
}

TEST(GenerateCohort, PeersOnly) {
  CohortGenOptions o;
  o.mentors = 0;
  o.mentees = 0;
  o.peers = 12;
  const auto cohort = GenerateCohort(o);
  ASSERT_EQ(cohort.participants_size(), 12);
  EXPECT_EQ(cohort.participants(0).id(), "p01");
  EXPECT_EQ(cohort.participants(0).roles(0), sopu::v1::ROLE_PEER);
}

TEST(WriteCohortCsv, ReadsBackAsTheSameCohort) {
  auto cohort = GenerateCohort(Options(5));
  const io::CsvCohort read = io::ReadCsvCohort(WriteCohortCsv(cohort));
  for (const auto& p : read.problems) {
    ADD_FAILURE() << p.field() << ": " << p.description();
  }
  sopu::v1::Cohort back = read.cohort;
  back.set_program(cohort.program());
  // Theme labels are not part of the CSV format.
  for (auto& theme : *cohort.mutable_taxonomy()->mutable_themes()) {
    theme.clear_label();
  }
  EXPECT_EQ(DeterministicJson(back), DeterministicJson(cohort));
}

}  // namespace
}  // namespace sopu::gen
