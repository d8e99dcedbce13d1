#include "service/io/cohort_file.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/io/sheet_test_util.h"

namespace sopu::io {
namespace {

using io::testing::SheetPath;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Problems(const LoadedCohort& loaded) {
  std::vector<std::string> lines;
  for (const auto& p : loaded.problems) {
    lines.push_back(p.field() + ": " + p.description());
  }
  return lines;
}

// CopyAs copies a fixture to a temporary file named `name`.
std::string CopyAs(const std::string& fixture, const std::string& name) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::filesystem::copy_file(SheetPath(fixture), path,
                             std::filesystem::copy_options::overwrite_existing);
  return path;
}

void ExpectOpenpyxlCohort(const LoadedCohort& loaded) {
  EXPECT_THAT(Problems(loaded), IsEmpty());
  ASSERT_EQ(loaded.cohort.participants_size(), 3);
  const auto& m1 = loaded.cohort.participants(0);
  EXPECT_EQ(m1.id(), "m1");
  EXPECT_THAT(m1.roles(), ElementsAre(sopu::v1::ROLE_MENTOR));
  EXPECT_EQ(m1.capacity(), 2);
  EXPECT_EQ(m1.competences().at("johtaminen"), 4.5);
  EXPECT_EQ(m1.attributes().at("aloitus"), "2025-01-15");
  const auto& a1 = loaded.cohort.participants(1);
  EXPECT_EQ(a1.id(), "a1");  // written with a no-break space
  EXPECT_THAT(a1.roles(), ElementsAre(sopu::v1::ROLE_MENTEE));
  EXPECT_EQ(a1.goals().at("johtaminen"), 3.0);
  EXPECT_THAT(a1.wishes(), ElementsAre("m1"));
  EXPECT_THAT(loaded.cohort.participants(2).roles(),
              ElementsAre(sopu::v1::ROLE_MENTEE));
  ASSERT_EQ(loaded.cohort.taxonomy().themes_size(), 1);
  EXPECT_EQ(loaded.cohort.taxonomy().themes(0).id(), "johtaminen");
  ASSERT_TRUE(loaded.source.has_value());
  EXPECT_EQ(loaded.source->Locate("participants[2].goals.johtaminen"),
            "row 6, column E (GOAL.Johtaminen)");
  EXPECT_EQ(loaded.delimiter, ',');
  EXPECT_FALSE(loaded.decimal_comma);
}

TEST(CohortFileTest, XlsxFromOpenpyxl) {
  const absl::StatusOr<LoadedCohort> loaded =
      ReadCohortFile(SheetPath("openpyxl.xlsx"));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->format, CohortFormat::kXlsx);
  ExpectOpenpyxlCohort(*loaded);
  EXPECT_THAT(loaded->notices,
              ElementsAre("read the first sheet, \"Osallistujat\", of 2 "
                          "(Osallistujat, Ohjeet); choose another with "
                          "--sheet",
                          "the header is row 3; the rows above it were "
                          "skipped",
                          "ignored 1 column sopu does not use: "
                          "S\xC3\xA4hk\xC3\xB6posti"));
}

TEST(CohortFileTest, OdsAndXlsxFromLibreOfficeReadTheSame) {
  for (const char* name : {"libreoffice.ods", "libreoffice.xlsx"}) {
    SCOPED_TRACE(name);
    const absl::StatusOr<LoadedCohort> loaded = ReadCohortFile(SheetPath(name));
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ExpectOpenpyxlCohort(*loaded);
  }
}

TEST(CohortFileTest, ExcelStructure) {
  const absl::StatusOr<LoadedCohort> loaded =
      ReadCohortFile(SheetPath("excel-structure.xlsx"));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_THAT(Problems(*loaded), IsEmpty());
  ASSERT_EQ(loaded->cohort.participants_size(), 2);
  const auto& m1 = loaded->cohort.participants(0);
  EXPECT_EQ(m1.display_name(), "Maija M\xC3\xA4ki");
  EXPECT_EQ(m1.capacity(), 2);
  EXPECT_EQ(m1.attributes().at("start"), "2025-01-01");
  EXPECT_EQ(m1.location().municipality(), "Vaasa");
  const auto& a1 = loaded->cohort.participants(1);
  EXPECT_EQ(a1.id(), "a1");
  EXPECT_THAT(a1.roles(), ElementsAre(sopu::v1::ROLE_FACILITATOR));
  EXPECT_EQ(a1.goals().at("ledarskap"), 3.5);
}

TEST(CohortFileTest, XlsxRenamedCsvIsReadAsXlsx) {
  const absl::StatusOr<LoadedCohort> loaded =
      ReadCohortFile(CopyAs("openpyxl.xlsx", "renamed.csv"));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->format, CohortFormat::kXlsx);
  ExpectOpenpyxlCohort(*loaded);
  ASSERT_FALSE(loaded->notices.empty());
  EXPECT_EQ(loaded->notices[0],
            "renamed.csv is an Excel (.xlsx) workbook, not CSV; it was read "
            "as one");
}

TEST(CohortFileTest, OdsRenamedXlsxSaysSo) {
  const absl::StatusOr<LoadedCohort> loaded =
      ReadCohortFile(CopyAs("libreoffice.ods", "named-wrong.xlsx"));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->format, CohortFormat::kOds);
  EXPECT_EQ(loaded->notices[0],
            "named-wrong.xlsx is an OpenDocument (.ods) spreadsheet; it was "
            "read as one");
  const absl::StatusOr<LoadedCohort> json =
      ReadCohortFile(CopyAs("openpyxl.xlsx", "cohort.json"));
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(json->notices[0],
            "cohort.json is an Excel (.xlsx) workbook, not JSON; it was read "
            "as one");
}

TEST(CohortFileTest, SheetOption) {
  const absl::StatusOr<LoadedCohort> loaded = ReadCohortFile(
      SheetPath("excel-structure.xlsx"), {.sheet = "Lis\xC3\xA4t"});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_EQ(loaded->cohort.participants_size(), 1);
  EXPECT_EQ(loaded->cohort.participants(0).id(), "x1");
}

TEST(CohortFileTest, UnknownSheetIsAnErrorListingTheSheets) {
  const absl::StatusOr<LoadedCohort> loaded =
      ReadCohortFile(SheetPath("libreoffice.ods"), {.sheet = "Taulukko1"});
  EXPECT_TRUE(absl::IsNotFound(loaded.status()));
  EXPECT_EQ(loaded.status().message(),
            SheetPath("libreoffice.ods") +
                ": no sheet named \"Taulukko1\"; the sheets are: "
                "Osallistujat, Ohjeet");
}

TEST(CohortFileTest, SheetOptionForCsvOrJsonIsAnError) {
  const std::string csv = std::string(SOPU_EXAMPLES_DIR) + "/cohort.csv";
  const absl::StatusOr<LoadedCohort> loaded =
      ReadCohortFile(csv, {.sheet = "Sheet1"});
  EXPECT_TRUE(absl::IsInvalidArgument(loaded.status()));
  EXPECT_EQ(loaded.status().message(),
            csv + ": --sheet is for .xlsx and .ods files; this is a CSV file");
  const std::string json =
      std::string(SOPU_EXAMPLES_DIR) + "/small-cohort.json";
  EXPECT_EQ(ReadCohortFile(json, {.sheet = "x"}).status().message(),
            json +
                ": --sheet is for .xlsx and .ods files; this is a JSON "
                "file");
}

TEST(CohortFileTest, CsvKeepsDelimiterAndDecimalComma) {
  const std::string path = ::testing::TempDir() + "/semicolons.csv";
  {
    std::ofstream file(path, std::ios::binary);
    file << "id;goal.a\na1;2,5\n";
  }
  const absl::StatusOr<LoadedCohort> loaded = ReadCohortFile(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->delimiter, ';');
  EXPECT_TRUE(loaded->decimal_comma);
}

TEST(CohortFileTest, DamagedSpreadsheetsAreProblemsNeverCrashes) {
  struct Case {
    const char* file;
    const char* problem;
  };
  const std::array<Case, 5> cases = {{
      {"damaged-truncated.xlsx",
       "file: the file is damaged or incomplete (not a readable .xlsx or "
       ".ods archive); save it again from the spreadsheet program"},
      {"damaged-zip-bomb.xlsx",
       "file: the spreadsheet unpacks to more than 64 MiB, more than sopu "
       "reads; save the sheet as CSV UTF-8"},
      {"damaged-no-shared-strings.xlsx",
       "file: the file is damaged: its shared strings (xl/sharedStrings.xml) "
       "are missing, so its text cells are empty; save it again from the "
       "spreadsheet program"},
      {"damaged-shared-index.xlsx",
       "row 3, column A (id): the file is damaged: the cell names a shared "
       "string that does not exist"},
      {"damaged-huge-repeats.ods",
       "file: the sheet holds more than 1000000 cells, more than sopu reads; "
       "delete the rows and columns it does not need"},
  }};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const absl::StatusOr<LoadedCohort> loaded =
        ReadCohortFile(SheetPath(c.file));
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ASSERT_FALSE(loaded->problems.empty());
    EXPECT_EQ(Problems(*loaded)[0], c.problem);
  }
}

TEST(CohortFileTest, NotAZipNamedXlsx) {
  const std::string path = ::testing::TempDir() + "/text.xlsx";
  {
    std::ofstream file(path, std::ios::binary);
    file << "id,name\na1,Anna\n";
  }
  const absl::StatusOr<LoadedCohort> loaded = ReadCohortFile(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_THAT(Problems(*loaded),
              ElementsAre("file: not a spreadsheet: an .xlsx or .ods file is "
                          "a ZIP archive, this file is not; save it again "
                          "from the spreadsheet program, or as CSV UTF-8 "
                          "named .csv"));
}

}  // namespace
}  // namespace sopu::io
