#include "service/server/sopu_service_impl.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <string>
#include <thread>
#include <utility>

#include "engine/common/limits.h"
#include "service/convert/improvement_convert.h"
#include "service/handlers/explain_handler.h"
#include "service/handlers/groups_handler.h"
#include "service/handlers/match_handler.h"
#include "service/handlers/peer_pairs_handler.h"
#include "service/handlers/score_handler.h"
#include "service/handlers/validate_handler.h"
#include "service/server/call_watcher.h"
#include "service/server/input_hash.h"
#include "service/server/progress_relay.h"
#include "service/server/solve_budget.h"
#include "service/server/status_mapping.h"
#include "service/status/bad_request.h"
#include "spdlog/spdlog.h"

namespace sopu::server {
namespace {

using sopu::v1::GroupsRequest;
using sopu::v1::GroupsResponse;

double Millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

absl::Status TooManyParticipants(int limit) {
  service::FieldViolation violation;
  violation.set_field("cohort.participants");
  violation.set_description("more participants than this server accepts (" +
                            std::to_string(limit) + ")");
  return service::InvalidArgumentWithViolations(
      "the cohort is larger than this server accepts", {violation});
}

// Copies `result` into `response` with the input hash of `request`.
template <typename Response, typename Request>
absl::Status Deliver(absl::StatusOr<Response> result, const Request& request,
                     Response* response) {
  if (!result.ok()) return result.status();
  *response = *std::move(result);
  response->set_input_hash(InputHash(request));
  return absl::OkStatus();
}

// SolveGroupsStreaming runs HandleGroups on its own thread and writes a
// progress message every kStreamInterval (elapsed time by the server's
// clock; the best objective the solver last reported, 0 before its first
// report), then the result.
absl::Status SolveGroupsStreaming(
    const GroupsRequest& request, SopuServiceImpl::CallState& call,
    grpc::ServerWriter<sopu::v1::GroupsProgress>* writer) {
  absl::StatusOr<GroupsRequest> clamped =
      ClampGroupsTimeLimit(request, call.remaining_seconds);
  if (!clamped.ok()) return clamped.status();
  const auto limit_ms =
      static_cast<std::int64_t>(1000.0 * clamped->time_limit_seconds());
  ProgressRelay relay;
  absl::StatusOr<GroupsResponse> result = absl::InternalError("not run");
  const auto start = std::chrono::steady_clock::now();
  std::thread solver([&] {
    try {
      CallContext context = call.Context();
      context.progress = [&relay](const Progress& p) { relay.Report(p); };
      context.improved = [&relay](const Improvement& improvement) {
        relay.ReportImprovement(service::ToProtoImprovement(improvement));
      };
      result = service::HandleGroups(*clamped, context);
    } catch (...) {
      result = absl::InternalError("internal error");
    }
    relay.Finish();
  });
  while (relay.WaitTick(kStreamInterval)) {
    sopu::v1::GroupsProgress message;
    auto* update = message.mutable_progress();
    update->set_elapsed_ms(std::min(
        limit_ms, static_cast<std::int64_t>(
                      Millis(std::chrono::steady_clock::now() - start))));
    update->set_limit_ms(limit_ms);
    if (const std::optional<Progress> p = relay.Latest()) {
      update->set_best_objective(p->best_objective);
    }
    if (std::optional<sopu::v1::GroupsImprovement> improvement =
            relay.TakeImprovement()) {
      *update->mutable_improved() = *std::move(improvement);
    }
    if (!writer->Write(message)) call.cancel.Cancel();  // the client is gone
  }
  solver.join();
  sopu::v1::GroupsProgress last;
  absl::Status status =
      Deliver(std::move(result), request, last.mutable_result());
  if (!status.ok()) return status;
  if (!writer->Write(last)) return absl::CancelledError("the client is gone");
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GroupsRequest> ClampGroupsTimeLimit(
    const GroupsRequest& request, std::optional<double> remaining_seconds) {
  const double requested = request.has_time_limit_seconds()
                               ? request.time_limit_seconds()
                               : service::kDefaultGroupsTimeLimit;
  if (!(requested > 0.0 && requested <= kMaxTimeLimitSeconds)) return request;
  absl::StatusOr<double> budget = SolveBudget(requested, remaining_seconds);
  if (!budget.ok()) return budget.status();
  GroupsRequest clamped = request;
  clamped.set_time_limit_seconds(*budget);
  return clamped;
}

SopuServiceImpl::SopuServiceImpl(const ServiceOptions& options)
    : options_(options), admission_(options.admission) {}

absl::Status SopuServiceImpl::Serve(grpc::ServerContext* context,
                                    const CallSpec& spec, const Body& body) {
  const std::uint64_t id = next_call_.fetch_add(1);
  const auto start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::duration queue_wait{};
  absl::Status status;
  if (shutting_down_.load()) {
    status = ShuttingDownError();
  } else if (spec.participants > options_.max_participants) {
    status = TooManyParticipants(options_.max_participants);
  } else {
    try {
      status = RunCall(context, spec, body, queue_wait);
    } catch (...) {  // never let an exception reach gRPC (UNKNOWN)
      status = absl::InternalError("internal error");
    }
  }
  spdlog::info(
      "call={} method={} participants={} code={} queue_ms={:.1f} ms={:.1f}", id,
      spec.method, spec.participants, absl::StatusCodeToString(status.code()),
      Millis(queue_wait), Millis(std::chrono::steady_clock::now() - start));
  return status;
}

absl::Status SopuServiceImpl::RunCall(
    grpc::ServerContext* context, const CallSpec& spec, const Body& body,
    std::chrono::steady_clock::duration& queue_wait) {
  CancellationToken token;
  const std::optional<std::chrono::steady_clock::time_point> deadline =
      SteadyDeadline(context->deadline());
  // The watcher starts only for work: a call rejected at once (overload)
  // costs no thread.
  std::optional<CallWatcher> watcher;
  const auto watch = [&] {
    if (!watcher.has_value()) {
      watcher.emplace([context] { return context->IsCancelled(); }, deadline,
                      &cancel_all_, token);
    }
  };
  absl::Status status;
  std::optional<AdmissionControl::Ticket> ticket;
  if (spec.admit) {
    absl::StatusOr<AdmissionControl::Ticket> admitted =
        admission_.Admit(token, watch);
    if (admitted.ok()) {
      queue_wait = admitted->queue_wait();
      ticket.emplace(*std::move(admitted));
    } else {
      status = admitted.status();
    }
  }
  if (status.ok()) {
    watch();
    std::optional<double> remaining;
    if (deadline.has_value()) {
      remaining = std::chrono::duration<double>(
                      *deadline - std::chrono::steady_clock::now())
                      .count();
    }
    CallState state{token, remaining};
    status = body(state);
  }
  if (watcher.has_value() && watcher->deadline_passed() &&
      (status.ok() || status.code() == absl::StatusCode::kCancelled)) {
    return absl::DeadlineExceededError("the call's deadline passed");
  }
  if (status.ok() && token.cancelled() && context->IsCancelled()) {
    return absl::CancelledError("the call was cancelled");
  }
  return status;
}

grpc::Status SopuServiceImpl::Validate(grpc::ServerContext* context,
                                       const sopu::v1::ValidateRequest* request,
                                       sopu::v1::ValidateResponse* response) {
  const CallSpec spec{"Validate", request->cohort().participants_size(),
                      /*admit=*/false};
  return ToGrpcStatus(Serve(context, spec, [&](CallState& call) {
    return Deliver(service::HandleValidate(*request, call.Context()), *request,
                   response);
  }));
}

grpc::Status SopuServiceImpl::Score(grpc::ServerContext* context,
                                    const sopu::v1::ScoreRequest* request,
                                    sopu::v1::ScoreResponse* response) {
  const CallSpec spec{"Score", request->cohort().participants_size()};
  return ToGrpcStatus(Serve(context, spec, [&](CallState& call) {
    return Deliver(service::HandleScore(*request, call.Context()), *request,
                   response);
  }));
}

grpc::Status SopuServiceImpl::Match(grpc::ServerContext* context,
                                    const sopu::v1::MatchRequest* request,
                                    sopu::v1::MatchResponse* response) {
  const CallSpec spec{"Match", request->cohort().participants_size()};
  return ToGrpcStatus(Serve(context, spec, [&](CallState& call) {
    return Deliver(service::HandleMatch(*request, call.Context()), *request,
                   response);
  }));
}

grpc::Status SopuServiceImpl::PeerPairs(
    grpc::ServerContext* context, const sopu::v1::PeerPairsRequest* request,
    sopu::v1::PeerPairsResponse* response) {
  const CallSpec spec{"PeerPairs", request->cohort().participants_size()};
  return ToGrpcStatus(Serve(context, spec, [&](CallState& call) {
    return Deliver(service::HandlePeerPairs(*request, call.Context()), *request,
                   response);
  }));
}

grpc::Status SopuServiceImpl::FormGroups(grpc::ServerContext* context,
                                         const GroupsRequest* request,
                                         GroupsResponse* response) {
  const CallSpec spec{"FormGroups", request->cohort().participants_size()};
  return ToGrpcStatus(Serve(context, spec, [&](CallState& call) {
    absl::StatusOr<GroupsRequest> clamped =
        ClampGroupsTimeLimit(*request, call.remaining_seconds);
    if (!clamped.ok()) return clamped.status();
    return Deliver(service::HandleGroups(*clamped, call.Context()), *request,
                   response);
  }));
}

grpc::Status SopuServiceImpl::FormGroupsStream(
    grpc::ServerContext* context, const GroupsRequest* request,
    grpc::ServerWriter<sopu::v1::GroupsProgress>* writer) {
  const CallSpec spec{"FormGroupsStream",
                      request->cohort().participants_size()};
  return ToGrpcStatus(Serve(context, spec, [&](CallState& call) {
    return SolveGroupsStreaming(*request, call, writer);
  }));
}

grpc::Status SopuServiceImpl::ExplainPair(
    grpc::ServerContext* context, const sopu::v1::ExplainPairRequest* request,
    sopu::v1::ExplainPairResponse* response) {
  const CallSpec spec{"ExplainPair", request->cohort().participants_size(),
                      /*admit=*/false};
  return ToGrpcStatus(Serve(context, spec, [&](CallState& call) {
    return Deliver(service::HandleExplainPair(*request, call.Context()),
                   *request, response);
  }));
}

grpc::Status SopuServiceImpl::ExplainGroup(
    grpc::ServerContext* context, const sopu::v1::ExplainGroupRequest* request,
    sopu::v1::ExplainGroupResponse* response) {
  const CallSpec spec{"ExplainGroup", request->cohort().participants_size(),
                      /*admit=*/false};
  return ToGrpcStatus(Serve(context, spec, [&](CallState& call) {
    return Deliver(service::HandleExplainGroup(*request, call.Context()),
                   *request, response);
  }));
}

}  // namespace sopu::server
