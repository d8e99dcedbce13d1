// `sopu pairs`: pairs up the peers of one pool (peer mentoring); the
// PeerPairs call of the API.
#include <memory>
#include <string>

#include "service/cli/command_support.h"
#include "service/cli/commands.h"
#include "service/cli/common_options.h"
#include "service/cli/csv_style.h"
#include "service/cli/engine_pipeline.h"
#include "service/render/peer_pairs_render.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

struct PairsOptions {
  std::string cohort_path;
  std::string sheet;  // --sheet: the spreadsheet's sheet; empty: the first
  std::string policy_path;  // empty: the default policy
  bool max_score_only = false;
  double min_score = -1.0;       // < 0: unset
  std::string format = "table";  // table | csv | json
  std::string output_path;       // empty: standard output
  std::string csv_style = "auto";
};

class PairsCommand final : public EngineCommand<sopu::v1::PeerPairsRequest,
                                                sopu::v1::PeerPairsResponse> {
 public:
  explicit PairsCommand(const PairsOptions& options)
      : EngineCommand(options.cohort_path, options.sheet, options.policy_path),
        options_(options) {}

 private:
  std::optional<int> Prepare(sopu::v1::PeerPairsRequest& request) override {
    request.set_max_score_only(options_.max_score_only);
    if (options_.min_score >= 0.0) request.set_min_score(options_.min_score);
    return std::nullopt;
  }
  absl::StatusOr<sopu::v1::PeerPairsResponse> Call(
      EngineClient& engine,
      const sopu::v1::PeerPairsRequest& request) override {
    return engine.PeerPairs(request);
  }
  int Render(const sopu::v1::PeerPairsResponse& response,
             const sopu::v1::PeerPairsRequest& request) override {
    spdlog::info("paired {} of {} peers", response.summary().paired(),
                 response.summary().peers());
    return Emit(options_.format, response, request.cohort(),
                service::RenderPeerPairsCsv, service::RenderPeerPairsTable,
                options_.output_path,
                CsvDialectFor(inputs().cohort, options_.csv_style));
  }

  const PairsOptions& options_;
};

}  // namespace

Command AddPairsCommand(CLI::App& app) {
  auto options = std::make_shared<PairsOptions>();
  CLI::App* command = app.add_subcommand(
      "pairs",
      "Pair up the participants with the role peer (peer mentoring within one "
      "pool): as many pairs as possible, then the best total; a pair scores "
      "the mean of its two directions");
  AddCohortArgument(*command, options->cohort_path, options->sheet);
  command->add_option("--policy", options->policy_path,
                      "Policy file (JSON). Default: see `sopu score`");
  command->add_flag("--max-score-only", options->max_score_only,
                    "Maximise the total only (some peers may stay unpaired "
                    "when that scores more)");
  command
      ->add_option("--min-score", options->min_score,
                   "Leave out pairs scoring below this, 0..1")
      ->check(CLI::Range(0.0, 1.0));
  AddFormatOption(*command, options->format, {"table", "csv", "json"});
  AddOutputOption(*command, options->output_path);
  AddCsvStyleOption(*command, options->csv_style);
  return {command, EngineRun([options](EngineClient& engine) {
            return PairsCommand(*options).Run(engine);
          })};
}

}  // namespace sopu::cli
