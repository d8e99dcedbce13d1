#include "service/render/peer_pairs_render.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "service/render/csv_dialect.h"
#include "service/render/render_common.h"
#include "service/render/text_table.h"

namespace sopu::service {
namespace {}  // namespace

void RenderPeerPairsTable(const sopu::v1::PeerPairsResponse& response,
                          const sopu::v1::Cohort& cohort, std::ostream& out) {
  const DisplayNames names(cohort);
  const auto name = [&](const std::string& id) { return names.Of(id); };
  const auto& s = response.summary();
  out << "Policy: " << PolicyName(response.policy()) << " · peer pairs · "
      << (response.status() == sopu::v1::SOLVER_STATUS_CANCELLED
              ? "cancelled: the pairing may be incomplete"
              : "optimal (proven)")
      << "\nPaired " << s.paired() << " of " << s.peers() << " peers · total "
      << FormatFixed(s.total(), 3) << " · mean " << FormatFixed(s.mean(), 3)
      << " · worst " << FormatFixed(s.worst(), 3) << "\n\n";
  for (const auto& pair : response.pairs()) {
    out << PadRight(pair.first_id(), kIdWidth) << ' '
        << PadRight(name(pair.first_id()), kNameWidth) << ' '
        << PadRight(pair.second_id(), kIdWidth) << ' '
        << PadRight(name(pair.second_id()), kNameWidth) << ' '
        << FormatFixed(pair.score(), 3) << "  " << ReasonsText(pair.reasons())
        << '\n';
  }
  if (!response.unpaired().empty()) {
    out << "\nUnpaired (" << response.unpaired_size() << ")\n";
    for (const auto& u : response.unpaired()) {
      out << PadRight(u.id(), kIdWidth) << ' '
          << PadRight(name(u.id()), kNameWidth) << ' ' << u.reason() << '\n';
    }
  }
}

void RenderPeerPairsCsv(const sopu::v1::PeerPairsResponse& response,
                        const sopu::v1::Cohort& cohort,
                        const CsvDialect& dialect, std::ostream& out) {
  const char d = dialect.delimiter;
  const DisplayNames names(cohort);
  out << "\xEF\xBB\xBF"
      << CsvHeader(
             "first_id,first_name,second_id,second_name,score,reason_1,"
             "contribution_1,reason_2,contribution_2,reason_3,contribution_3,"
             "unpaired_reason",
             dialect)
      << "\r\n";
  for (const auto& pair : response.pairs()) {
    out << CsvCell(pair.first_id(), dialect) << d
        << CsvCell(names.Of(pair.first_id()), dialect) << d
        << CsvCell(pair.second_id(), dialect) << d
        << CsvCell(names.Of(pair.second_id()), dialect) << d
        << CsvNumber(pair.score(), 4, dialect);
    WriteCsvReasons(pair.reasons(), dialect, out);
    out << d << "\r\n";
  }
  for (const auto& u : response.unpaired()) {
    out << CsvCell(u.id(), dialect) << d << CsvCell(names.Of(u.id()), dialect)
        << std::string(10, d) << CsvCell(u.reason(), dialect) << "\r\n";
  }
}

}  // namespace sopu::service
