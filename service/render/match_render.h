// Rendering of a MatchResponse: a readable terminal report, CSV for
// spreadsheets (one row per mentee; UTF-8 with BOM; the file can be given
// back to `sopu match --previous`). JSON output is the response's protobuf
// JSON (io::MessageToPrettyJson). Display names come from the cohort the user
// supplied; the response carries ids only.
#ifndef SOPU_SERVICE_RENDER_MATCH_RENDER_H_
#define SOPU_SERVICE_RENDER_MATCH_RENDER_H_

#include <ostream>

#include "service/render/csv_dialect.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

void RenderMatchTable(const sopu::v1::MatchResponse& response,
                      const sopu::v1::Cohort& cohort, std::ostream& out);
void RenderMatchCsv(const sopu::v1::MatchResponse& response,
                    const sopu::v1::Cohort& cohort, const CsvDialect& dialect,
                    std::ostream& out);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_MATCH_RENDER_H_
