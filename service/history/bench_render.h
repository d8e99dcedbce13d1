// Renderers of a `sopu bench` report: a terminal table, CSV (one row per
// round and policy, then the pooled rows), and a self-contained HTML page
// with inline SVG plots (fit distribution of the engine vs the historical
// pairs per policy, and a per-policy summary) that staff can open in any
// browser; no script, no external file.
#ifndef SOPU_SERVICE_HISTORY_BENCH_RENDER_H_
#define SOPU_SERVICE_HISTORY_BENCH_RENDER_H_

#include <ostream>
#include <string>

#include "service/history/bench_runner.h"

namespace sopu::service {

void RenderBenchTable(const BenchOutput& output, std::ostream& out);
void RenderBenchCsv(const BenchOutput& output, std::ostream& out);
[[nodiscard]] std::string RenderBenchHtml(const BenchOutput& output);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HISTORY_BENCH_RENDER_H_
