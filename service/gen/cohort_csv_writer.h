// WriteCohortCsv renders a v1 Cohort in the staff CSV format the cohort
// reader accepts (docs/csv-format.md), shaped like an Excel export: UTF-8
// with a byte-order mark, `;`-separated, CRLF line ends, decimal commas.
// Columns: id, name, role, capacity, competence.<theme> and goal.<theme> for
// every theme of the taxonomy, then each attribute, tag set and number any
// participant has (by name; the reader's shortcuts organisation, sector,
// career_stage, languages, sectors and years_experience where they apply),
// municipality, region, lat, lon, availability, avoid, wishes. Empty columns
// are left out.
//
// Reading the result back gives the same cohort, except the program name
// (not part of the CSV format) and values' order inside tag sets.
// Deterministic: the same cohort gives the same bytes.
#ifndef SOPU_SERVICE_GEN_COHORT_CSV_WRITER_H_
#define SOPU_SERVICE_GEN_COHORT_CSV_WRITER_H_

#include <string>

#include "sopu/v1/cohort.pb.h"

namespace sopu::gen {

[[nodiscard]] std::string WriteCohortCsv(const sopu::v1::Cohort& cohort);

}  // namespace sopu::gen

#endif  // SOPU_SERVICE_GEN_COHORT_CSV_WRITER_H_
