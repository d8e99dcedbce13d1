#include "service/server/server.h"

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/resource_quota.h"
#include "service/server/server_credentials.h"
#include "service/server/sopu_service_impl.h"
#include "spdlog/spdlog.h"

namespace sopu::server {
namespace {

// kServiceName is the health-check name of the sopu service.
constexpr const char* kServiceName = "sopu.v1.Sopu";
// kCheapThreads: threads kept beyond solver slots + queue so that cheap
// calls (Validate, reflection) and rejections are never starved.
constexpr int kCheapThreads = 16;

// StopSignals blocks SIGTERM and SIGINT in this (and every later)
// thread; Wait returns the first of them to arrive.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
  }
  int Wait() const {
    int signal = 0;
    sigwait(&set_, &signal);
    return signal;
  }

 private:
  sigset_t set_{};
};

}  // namespace

int RunServer(const ServerOptions& options) {
  // Before any thread starts, so that gRPC's threads inherit the mask.
  const StopSignals signals;

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      MakeServerCredentials(options);
  if (!credentials.ok()) {
    spdlog::error("cannot start: {}",
                  std::string(credentials.status().message()));
    return 1;
  }
  grpc::EnableDefaultHealthCheckService(true);
  if (options.reflection) {
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  }
  SopuServiceImpl service({.admission = options.admission,
                           .max_participants = options.max_participants});

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, *credentials, &port);
  builder.RegisterService(&service);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  grpc::ResourceQuota quota("sopud");
  quota.SetMaxThreads(options.admission.max_running +
                      options.admission.max_queued + kCheapThreads);
  builder.SetResourceQuota(quota);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    spdlog::error("cannot start: cannot listen on {}", options.listen);
    return 1;
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  health->SetServingStatus(true);
  health->SetServingStatus(kServiceName, true);
  const std::string host = options.listen.substr(0, options.listen.rfind(':'));
  spdlog::info(
      "listening on {}:{} (max solves {}, queue {}, max message {} bytes, "
      "max participants {}, token {}, tls {})",
      host, port, options.admission.max_running, options.admission.max_queued,
      options.max_message_bytes, options.max_participants,
      options.token_file.empty() ? "off" : "on",
      options.tls_cert.empty()        ? "off"
      : options.tls_client_ca.empty() ? "on"
                                      : "mutual");

  const int signal = signals.Wait();
  spdlog::info("signal {}: shutting down, grace {} s", signal,
               options.grace_seconds);
  health->Shutdown();
  service.BeginShutdown();

  // At the grace deadline, cancel whatever is still solving (gRPC also
  // cancels the calls then; this reaches queued and streaming work too).
  const auto grace = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::duration<double>(options.grace_seconds));
  std::mutex mu;
  std::condition_variable done_cv;
  bool done = false;
  std::thread canceller([&] {
    std::unique_lock lock(mu);
    if (!done_cv.wait_for(lock, grace, [&] { return done; })) {
      spdlog::info("grace period over: cancelling running solves");
      service.CancelAll();
    }
  });
  const auto start = std::chrono::steady_clock::now();
  server->Shutdown(std::chrono::system_clock::now() + grace);
  server->Wait();
  {
    std::lock_guard lock(mu);
    done = true;
  }
  done_cv.notify_all();
  canceller.join();
  spdlog::info("stopped after {:.0f} ms",
               std::chrono::duration<double, std::milli>(
                   std::chrono::steady_clock::now() - start)
                   .count());
  return 0;
}

}  // namespace sopu::server
