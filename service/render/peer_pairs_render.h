// Rendering of a PeerPairsResponse: terminal report, CSV (UTF-8 with BOM,
// one row per pair, then one per unpaired peer) or protobuf JSON. Display
// names come from the cohort the user supplied.
#ifndef SOPU_SERVICE_RENDER_PEER_PAIRS_RENDER_H_
#define SOPU_SERVICE_RENDER_PEER_PAIRS_RENDER_H_

#include <ostream>

#include "service/render/csv_dialect.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

void RenderPeerPairsTable(const sopu::v1::PeerPairsResponse& response,
                          const sopu::v1::Cohort& cohort, std::ostream& out);
void RenderPeerPairsCsv(const sopu::v1::PeerPairsResponse& response,
                        const sopu::v1::Cohort& cohort,
                        const CsvDialect& dialect, std::ostream& out);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_PEER_PAIRS_RENDER_H_
