// SopuServiceImpl: the sopu.v1.Sopu gRPC service. Each rpc is a thin wrapper
// over a request handler (service/handlers/), so sopud and the embedded
// `sopu` behave identically. Around every call, Serve:
//   - refuses new calls while shutting down (UNAVAILABLE, SHUTTING_DOWN);
//   - caps the cohort (INVALID_ARGUMENT on cohort.participants);
//   - feeds a CancellationToken from the client's cancel and deadline and
//     the server's stop (CallWatcher);
//   - passes solves through admission control (Validate, ExplainPair and
//     ExplainGroup are exempt: cheap, no score matrix and no search);
//   - catches every exception (INTERNAL, never a crash or UNKNOWN);
//   - maps the status in one place (ToGrpcStatus) and logs one line: call
//     number, method, participant count, code, queue and total ms. Never a
//     name, a value or a token.
// Time-limited solves (groups) get min(request limit, remaining deadline −
// margin) as their budget (solve_budget.h). Responses carry input_hash.
//
// Thread-safe: the sync server calls it from its thread pool.
#ifndef SOPU_SERVICE_SERVER_SOPU_SERVICE_IMPL_H_
#define SOPU_SERVICE_SERVER_SOPU_SERVICE_IMPL_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "absl/status/status.h"
#include "engine/common/call_context.h"
#include "engine/common/limits.h"
#include "service/server/admission_control.h"
#include "sopu/v1/sopu.grpc.pb.h"

namespace sopu::server {

// kStreamInterval: at most one FormGroupsStream progress message per this.
inline constexpr std::chrono::milliseconds kStreamInterval{250};

struct ServiceOptions {
  AdmissionOptions admission;
  // Cohorts larger than this are refused (INVALID_ARGUMENT).
  int max_participants = kDefaultServerMaxParticipants;
};

class SopuServiceImpl final : public sopu::v1::Sopu::Service {
 public:
  explicit SopuServiceImpl(const ServiceOptions& options);

  grpc::Status Validate(grpc::ServerContext* context,
                        const sopu::v1::ValidateRequest* request,
                        sopu::v1::ValidateResponse* response) override;
  grpc::Status Score(grpc::ServerContext* context,
                     const sopu::v1::ScoreRequest* request,
                     sopu::v1::ScoreResponse* response) override;
  grpc::Status Match(grpc::ServerContext* context,
                     const sopu::v1::MatchRequest* request,
                     sopu::v1::MatchResponse* response) override;
  grpc::Status PeerPairs(grpc::ServerContext* context,
                         const sopu::v1::PeerPairsRequest* request,
                         sopu::v1::PeerPairsResponse* response) override;
  grpc::Status FormGroups(grpc::ServerContext* context,
                          const sopu::v1::GroupsRequest* request,
                          sopu::v1::GroupsResponse* response) override;
  grpc::Status FormGroupsStream(
      grpc::ServerContext* context, const sopu::v1::GroupsRequest* request,
      grpc::ServerWriter<sopu::v1::GroupsProgress>* writer) override;
  grpc::Status ExplainPair(grpc::ServerContext* context,
                           const sopu::v1::ExplainPairRequest* request,
                           sopu::v1::ExplainPairResponse* response) override;
  grpc::Status ExplainGroup(grpc::ServerContext* context,
                            const sopu::v1::ExplainGroupRequest* request,
                            sopu::v1::ExplainGroupResponse* response) override;

  // BeginShutdown: new calls get UNAVAILABLE; running ones go on.
  void BeginShutdown() { shutting_down_.store(true); }
  // CancelAll: every running and queued call's token is cancelled.
  void CancelAll() { cancel_all_.store(true); }

  // CallState is what a call body gets: its token (cancelled by the client,
  // the deadline or CancelAll) and the seconds left before its deadline,
  // measured after admission (nullopt: no deadline).
  struct CallState {
    CancellationToken& cancel;
    std::optional<double> remaining_seconds;
    // Context: what the handlers take — this call's cancellation.
    [[nodiscard]] CallContext Context() const { return {.cancel = &cancel}; }
  };
  struct CallSpec {
    std::string_view method;
    int participants = 0;
    bool admit = true;  // through admission control
  };
  using Body = std::function<absl::Status(CallState&)>;

 private:
  // Serve runs `body` as one call (see the file comment).
  [[nodiscard]] absl::Status Serve(grpc::ServerContext* context,
                                   const CallSpec& spec, const Body& body);
  // RunCall: Serve's part that may throw — the watcher, admission, body.
  // Sets `queue_wait` when admitted.
  [[nodiscard]] absl::Status RunCall(
      grpc::ServerContext* context, const CallSpec& spec, const Body& body,
      std::chrono::steady_clock::duration& queue_wait);

  const ServiceOptions options_;
  AdmissionControl admission_;
  std::atomic<bool> shutting_down_{false};
  std::atomic<bool> cancel_all_{false};
  std::atomic<std::uint64_t> next_call_{1};
};

// ClampGroupsTimeLimit returns `request` with time_limit_seconds set to the
// solve budget (solve_budget.h) for `remaining_seconds`. A time limit the
// handler would reject is left alone, so its violation is reported.
[[nodiscard]] absl::StatusOr<sopu::v1::GroupsRequest> ClampGroupsTimeLimit(
    const sopu::v1::GroupsRequest& request,
    std::optional<double> remaining_seconds);

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_SOPU_SERVICE_IMPL_H_
