// What gRPC costs on top of the embedded call (docs/load.md).
//   BM_MatchEmbedded/SIZE: service::HandleMatch on a MatchRequest, as the
//     `sopu` command line runs it.
//   BM_MatchGrpc/SIZE: the same request through sopud's service
//     (SopuServiceImpl, admission control, call watcher, input hash, the
//     one-line call log into a null sink) served by a gRPC sync server on a
//     real loopback TCP port with sopud's credentials (LOCAL_TCP), called
//     from a blocking stub in this process: client serialization, HTTP/2
//     over the kernel's loopback, server parsing and the response's way
//     back are all in the time.
// SIZE is S or M of load_requests.h. Wall-clock time per call (the server
// works on other threads); gRPC / embedded per size is the overhead figure.
// Both answers are checked to agree (matched count and total) before timing.
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "benchmarks/load_requests.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/resource_quota.h"
#include "service/handlers/match_handler.h"
#include "service/server/server_credentials.h"
#include "service/server/server_options.h"
#include "service/server/sopu_service_impl.h"
#include "sopu/v1/sopu.grpc.pb.h"
#include "spdlog/sinks/null_sink.h"
#include "spdlog/spdlog.h"

namespace sopu::bench {
namespace {

// LoopbackServer: sopud's service on 127.0.0.1 (a free port), built like
// server::RunServer builds it (credentials, message limit, thread cap), and
// one client stub on its own channel. Owns both; stops the server when
// destroyed.
class LoopbackServer {
 public:
  LoopbackServer() : service_(server::ServiceOptions{}) {
    server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
        server::MakeServerCredentials(options);
    if (!credentials.ok()) return;
    grpc::ServerBuilder builder;
    builder.AddListeningPort(options.listen, *credentials, &port_);
    builder.RegisterService(&service_);
    builder.SetMaxReceiveMessageSize(options.max_message_bytes);
    grpc::ResourceQuota quota("grpc_overhead_benchmark");
    quota.SetMaxThreads(options.admission.max_running +
                        options.admission.max_queued + 16);
    builder.SetResourceQuota(quota);
    server_ = builder.BuildAndStart();
    if (server_ == nullptr || port_ == 0) return;
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(-1);
    stub_ = sopu::v1::Sopu::NewStub(
        grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(port_),
                                  grpc::InsecureChannelCredentials(), args));
  }
  ~LoopbackServer() {
    if (server_ != nullptr) server_->Shutdown();
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  [[nodiscard]] bool ok() const { return stub_ != nullptr; }

  // Match sends `request` with a 60 s deadline.
  grpc::Status Match(const sopu::v1::MatchRequest& request,
                     sopu::v1::MatchResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(60));
    return stub_->Match(&context, request, response);
  }

 private:
  server::SopuServiceImpl service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<sopu::v1::Sopu::Stub> stub_;
};

void SetCounters(benchmark::State& state, const sopu::v1::MatchRequest& request,
                 const sopu::v1::MatchResponse& response) {
  state.counters["participants"] =
      static_cast<double>(request.cohort().participants_size());
  state.counters["request_kB"] =
      static_cast<double>(request.ByteSizeLong()) / 1000.0;
  state.counters["response_kB"] =
      static_cast<double>(response.ByteSizeLong()) / 1000.0;
}

void MatchEmbedded(benchmark::State& state,
                   const sopu::v1::MatchRequest& request) {
  sopu::v1::MatchResponse last;
  // NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): the loop variable.
  for (auto _ : state) {
    absl::StatusOr<sopu::v1::MatchResponse> response =
        service::HandleMatch(request);
    if (!response.ok()) {
      state.SkipWithError("HandleMatch failed");
      return;
    }
    benchmark::DoNotOptimize(response);
    last = *std::move(response);
  }
  SetCounters(state, request, last);
}

void MatchGrpc(benchmark::State& state, const sopu::v1::MatchRequest& request,
               LoopbackServer& server) {
  // The check (and warm-up: connection, first-call set-up).
  const absl::StatusOr<sopu::v1::MatchResponse> embedded =
      service::HandleMatch(request);
  sopu::v1::MatchResponse remote;
  if (!embedded.ok() || !server.Match(request, &remote).ok() ||
      remote.summary().matched() != embedded->summary().matched() ||
      remote.summary().total() != embedded->summary().total()) {
    state.SkipWithError("gRPC and embedded answers differ");
    return;
  }
  // NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): the loop variable.
  for (auto _ : state) {
    sopu::v1::MatchResponse response;
    if (!server.Match(request, &response).ok()) {
      state.SkipWithError("the gRPC call failed");
      return;
    }
    benchmark::DoNotOptimize(response);
  }
  SetCounters(state, request, remote);
}

int Main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  // The service logs one line per call; keep the formatting, drop the text.
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "null", std::make_shared<spdlog::sinks::null_sink_mt>()));
  LoopbackServer server;
  if (!server.ok()) return 1;
  for (const LoadSize size : {LoadSize::kS, LoadSize::kM}) {
    const auto request = std::make_shared<const sopu::v1::MatchRequest>(
        MakeMatchRequest(GeneratedInputs(LoadRpc::kMatch, size)));
    // M calls take ~0.1 s: a longer minimum time for a few more of them.
    const double min_seconds = size == LoadSize::kS ? 0.5 : 1.5;
    const std::string name(LoadSizeName(size));
    benchmark::RegisterBenchmark(
        ("BM_MatchEmbedded/" + name).c_str(),
        [request](benchmark::State& state) { MatchEmbedded(state, *request); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(min_seconds);
    benchmark::RegisterBenchmark(("BM_MatchGrpc/" + name).c_str(),
                                 [request, &server](benchmark::State& state) {
                                   MatchGrpc(state, *request, server);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(min_seconds);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace
}  // namespace sopu::bench

int main(int argc, char** argv) { return sopu::bench::Main(argc, argv); }
