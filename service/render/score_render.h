// Rendering of a ScoreResponse: a readable terminal table, or CSV for
// spreadsheets (RFC 4180, UTF-8 with BOM so Excel shows ä/ö/å); JSON output is
// the response's protobuf JSON (io::MessageToPrettyJson). Display names come
// from the cohort the user supplied; the response itself carries ids only.
#ifndef SOPU_SERVICE_RENDER_SCORE_RENDER_H_
#define SOPU_SERVICE_RENDER_SCORE_RENDER_H_

#include <ostream>

#include "service/render/csv_dialect.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

void RenderScoreTable(const sopu::v1::ScoreResponse& response,
                      const sopu::v1::Cohort& cohort, std::ostream& out);
void RenderScoreCsv(const sopu::v1::ScoreResponse& response,
                    const sopu::v1::Cohort& cohort, const CsvDialect& dialect,
                    std::ostream& out);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_SCORE_RENDER_H_
