// sopud_load: a bounded, closed-loop load generator for sopud (plan T5), in
// place of ghz (not packaged for Debian 12). Loopback only.
//
// C client threads (--concurrency), each with its own blocking stub on one
// of K channels (--channels; every channel its own HTTP/2 connection), send
// the same request one call after another until --calls calls have been
// started or --duration seconds have passed, whichever comes first (capped
// at 120 s; the calls running then finish). Every call has a deadline
// (--deadline). A rejected call (RESOURCE_EXHAUSTED) is counted and the
// thread sends its next call at once, as ghz does.
//
// Prints a ghz-style summary: count, total time, requests per second,
// latency min / mean / percentiles / max, the status code distribution,
// the error distribution (code and message), the error rate, and the
// client's CPU use (getrusage: user + system over the run, 100 % = one
// core). With --json: one JSON object (docs/load.md names the fields).
//
// Exit codes: 0 the run finished (whatever the calls answered), 1 the
// request could not be built or the target not reached, 2 usage error
// (including a non-loopback target), 4 internal error.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "benchmarks/load_requests.h"
#include "grpcpp/grpcpp.h"
#include "sopu/v1/sopu.grpc.pb.h"

namespace sopu::bench {
namespace {

using Clock = std::chrono::steady_clock;

// kMaxDurationSeconds: the plan's cap on one load cell.
constexpr double kMaxDurationSeconds = 120.0;

struct LoadOptions {
  std::string target = "127.0.0.1:50051";
  std::string rpc = "match";
  std::string size = "S";
  std::string cohort_path;
  std::string policy_path;
  int concurrency = 1;
  int channels = 1;
  double duration_seconds = 30.0;
  std::int64_t calls = 200;
  double deadline_seconds = 60.0;
  int warmup = 1;
  std::string token_file;
  bool json = false;
};

// IsLoopbackTarget: `target` is "unix:…" or HOST:PORT with HOST one of
// 127.0.0.1, [::1] (or ::1) and localhost.
bool IsLoopbackTarget(std::string_view target) {
  if (target.starts_with("unix:")) return true;
  const std::size_t colon = target.rfind(':');
  if (colon == std::string_view::npos) return false;
  std::string_view host = target.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

// ReadToken: the first line of `path` that is neither empty nor a `#`
// comment, trimmed.
absl::StatusOr<std::string> ReadToken(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot read the token file " + path);
  std::string line;
  while (std::getline(in, line)) {
    const absl::string_view token = absl::StripAsciiWhitespace(line);
    if (!token.empty() && token.front() != '#') return std::string(token);
  }
  return absl::InvalidArgumentError("no token in " + path);
}

// CodeName: the code's canonical name (gRPC and Abseil share the numbers).
std::string CodeName(grpc::StatusCode code) {
  std::string name =
      absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
  return name.empty() ? "UNRECOGNIZED" : name;
}

// CallFn sends one call on `stub` with `context` and returns its status;
// the response is parsed and dropped.
using CallFn =
    std::function<grpc::Status(sopu::v1::Sopu::Stub&, grpc::ClientContext&)>;

// Request: what one run sends.
struct Request {
  CallFn call;
  std::string method;       // "Match", ...
  std::string description;  // LoadInputs::description
  std::size_t bytes = 0;    // serialized request size
};

absl::StatusOr<Request> BuildRequest(const LoadOptions& options) {
  const LoadRpc rpc = options.rpc == "groups"  ? LoadRpc::kGroups
                      : options.rpc == "score" ? LoadRpc::kScore
                                               : LoadRpc::kMatch;
  const LoadSize size = options.size == "M" ? LoadSize::kM : LoadSize::kS;
  LoadInputs inputs;
  if (options.cohort_path.empty()) {
    inputs = GeneratedInputs(rpc, size);
  } else {
    absl::StatusOr<LoadInputs> read =
        FileInputs(options.cohort_path, options.policy_path);
    if (!read.ok()) return read.status();
    inputs = *std::move(read);
  }
  Request request;
  request.description = inputs.description;
  switch (rpc) {
    case LoadRpc::kMatch: {
      auto message = std::make_shared<const sopu::v1::MatchRequest>(
          MakeMatchRequest(inputs));
      request.method = "Match";
      request.bytes = message->ByteSizeLong();
      request.call = [message](sopu::v1::Sopu::Stub& stub,
                               grpc::ClientContext& context) {
        sopu::v1::MatchResponse response;
        return stub.Match(&context, *message, &response);
      };
      break;
    }
    case LoadRpc::kScore: {
      auto message = std::make_shared<const sopu::v1::ScoreRequest>(
          MakeScoreRequest(inputs));
      request.method = "Score";
      request.bytes = message->ByteSizeLong();
      request.call = [message](sopu::v1::Sopu::Stub& stub,
                               grpc::ClientContext& context) {
        sopu::v1::ScoreResponse response;
        return stub.Score(&context, *message, &response);
      };
      break;
    }
    case LoadRpc::kGroups: {
      auto message = std::make_shared<const sopu::v1::GroupsRequest>(
          MakeGroupsRequest(inputs, size));
      request.method = "FormGroups";
      request.bytes = message->ByteSizeLong();
      request.call = [message](sopu::v1::Sopu::Stub& stub,
                               grpc::ClientContext& context) {
        sopu::v1::GroupsResponse response;
        return stub.FormGroups(&context, *message, &response);
      };
      break;
    }
  }
  return request;
}

// Tally: what one client thread saw; merged after the run.
struct Tally {
  std::vector<double> latencies_ms;
  std::map<std::string, std::int64_t> codes;   // code name -> calls
  std::map<std::string, std::int64_t> errors;  // "CODE: message" -> calls

  void Add(const grpc::Status& status, double ms) {
    latencies_ms.push_back(ms);
    const std::string code(CodeName(status.error_code()));
    ++codes[code];
    if (!status.ok()) ++errors[code + ": " + status.error_message()];
  }
  void Merge(const Tally& other) {
    latencies_ms.insert(latencies_ms.end(), other.latencies_ms.begin(),
                        other.latencies_ms.end());
    for (const auto& [code, n] : other.codes) codes[code] += n;
    for (const auto& [error, n] : other.errors) errors[error] += n;
  }
};

// Summary: the figures of one run.
struct Summary {
  std::int64_t count = 0;
  double total_seconds = 0.0;
  double rps = 0.0;
  double min_ms = 0.0;
  double mean_ms = 0.0;
  double max_ms = 0.0;
  std::vector<std::pair<int, double>> percentiles_ms;  // (q, ms)
  std::int64_t errors = 0;
  double error_percent = 0.0;
  double cpu_user_seconds = 0.0;
  double cpu_system_seconds = 0.0;
  double cpu_percent = 0.0;  // of one core
};

// Percentile: nearest rank on sorted `values` (not empty).
double Percentile(const std::vector<double>& values, int q) {
  const auto n = static_cast<double>(values.size());
  const double rank = std::ceil(q / 100.0 * n);
  const auto index = static_cast<std::size_t>(std::clamp(rank, 1.0, n)) - 1;
  return values[index];
}

Summary Summarize(Tally& tally, double total_seconds, double user_seconds,
                  double system_seconds) {
  Summary s;
  std::vector<double>& v = tally.latencies_ms;
  std::sort(v.begin(), v.end());
  s.count = static_cast<std::int64_t>(v.size());
  s.total_seconds = total_seconds;
  s.rps =
      total_seconds > 0.0 ? static_cast<double>(s.count) / total_seconds : 0.0;
  if (!v.empty()) {
    s.min_ms = v.front();
    s.max_ms = v.back();
    double sum = 0.0;
    for (const double ms : v) sum += ms;
    s.mean_ms = sum / static_cast<double>(v.size());
    for (const int q : {10, 25, 50, 75, 90, 95, 99}) {
      s.percentiles_ms.emplace_back(q, Percentile(v, q));
    }
  }
  for (const auto& [code, n] : tally.codes) {
    if (code != "OK") s.errors += n;
  }
  s.error_percent = s.count > 0 ? 100.0 * static_cast<double>(s.errors) /
                                      static_cast<double>(s.count)
                                : 0.0;
  s.cpu_user_seconds = user_seconds;
  s.cpu_system_seconds = system_seconds;
  s.cpu_percent = total_seconds > 0.0
                      ? 100.0 * (user_seconds + system_seconds) / total_seconds
                      : 0.0;
  return s;
}

// CpuSeconds: (user, system) CPU seconds of this process so far.
std::pair<double, double> CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return {seconds(usage.ru_utime), seconds(usage.ru_stime)};
}

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string JsonCounts(const std::map<std::string, std::int64_t>& counts) {
  std::string out = "{";
  for (const auto& [key, n] : counts) {
    if (out.size() > 1) out += ", ";
    out += absl::StrFormat("%s: %d", JsonString(key), n);
  }
  return out + "}";
}

void PrintJson(const LoadOptions& options, const Request& request,
               const Tally& tally, const Summary& s) {
  std::ostringstream out;
  out << absl::StrFormat(
      R"({"target": %s, "rpc": %s, "method": %s, "size": %s, )"
      R"("request": %s, "request_bytes": %d, "concurrency": %d, )"
      R"("channels": %d, "count": %d, "total_s": %.3f, "rps": %.3f, )"
      R"("latency_ms": {"min": %.3f, "mean": %.3f, "max": %.3f)",
      JsonString(options.target), JsonString(options.rpc),
      JsonString(request.method), JsonString(options.size),
      JsonString(request.description), request.bytes, options.concurrency,
      options.channels, s.count, s.total_seconds, s.rps, s.min_ms, s.mean_ms,
      s.max_ms);
  for (const auto& [q, ms] : s.percentiles_ms) {
    out << absl::StrFormat(R"(, "p%d": %.3f)", q, ms);
  }
  out << absl::StrFormat(
      R"(}, "status_codes": %s, "errors": %s, "error_count": %d, )"
      R"("error_percent": %.3f, "client_cpu": {"user_s": %.3f, )"
      R"("system_s": %.3f, "percent": %.1f}})",
      JsonCounts(tally.codes), JsonCounts(tally.errors), s.errors,
      s.error_percent, s.cpu_user_seconds, s.cpu_system_seconds, s.cpu_percent);
  std::cout << out.str() << "\n";
}

void PrintText(const LoadOptions& options, const Request& request,
               const Tally& tally, const Summary& s) {
  std::ostringstream out;
  out << "Summary:\n"
      << "  Target:        " << options.target << "  sopu.v1.Sopu/"
      << request.method << "\n"
      << "  Request:       size " << options.size << ": " << request.description
      << " (" << request.bytes << " bytes)\n"
      << "  Concurrency:   " << options.concurrency << " threads on "
      << options.channels << " channel(s)\n"
      << "  Count:         " << s.count << "\n"
      << absl::StrFormat("  Total:         %.2f s\n", s.total_seconds)
      << absl::StrFormat("  Slowest:       %.2f ms\n", s.max_ms)
      << absl::StrFormat("  Fastest:       %.2f ms\n", s.min_ms)
      << absl::StrFormat("  Average:       %.2f ms\n", s.mean_ms)
      << absl::StrFormat("  Requests/sec:  %.2f\n", s.rps)
      << "\nLatency distribution:\n";
  for (const auto& [q, ms] : s.percentiles_ms) {
    out << absl::StrFormat("  %2d %% in %.2f ms\n", q, ms);
  }
  out << "\nStatus code distribution:\n";
  for (const auto& [code, n] : tally.codes) {
    out << absl::StrFormat("  [%s]  %d responses\n", code, n);
  }
  if (!tally.errors.empty()) {
    out << "\nError distribution:\n";
    for (const auto& [error, n] : tally.errors) {
      out << absl::StrFormat("  [%d]  %s\n", n, error);
    }
  }
  out << absl::StrFormat("\nError rate:      %.2f %%\n", s.error_percent)
      << absl::StrFormat(
             "Client CPU:      %.1f %% of one core (user %.2f s, system "
             "%.2f s)\n",
             s.cpu_percent, s.cpu_user_seconds, s.cpu_system_seconds);
  std::cout << out.str();
}

std::vector<std::shared_ptr<grpc::Channel>> MakeChannels(
    const LoadOptions& options) {
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  channels.reserve(static_cast<std::size_t>(options.channels));
  for (int i = 0; i < options.channels; ++i) {
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(-1);
    // Own subchannel pool and a distinct argument: one connection each.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt("sopud_load.channel", i);
    channels.push_back(grpc::CreateCustomChannel(
        options.target, grpc::InsecureChannelCredentials(), args));
  }
  return channels;
}

int Run(int argc, char** argv) {
  LoadOptions options;
  CLI::App app{
      "sopud_load — closed-loop load for sopud over loopback (plan T5): C "
      "threads send the same request back to back until --calls calls or "
      "--duration seconds, then print a ghz-style summary. See "
      "docs/load.md.",
      "sopud_load"};
  app.add_option("--target", options.target,
                 "sopud address: 127.0.0.1:PORT, [::1]:PORT, localhost:PORT "
                 "or unix:PATH (nothing else is accepted)")
      ->capture_default_str();
  app.add_option("--rpc", options.rpc, "which call to send")
      ->capture_default_str()
      ->check(CLI::IsMember({"match", "groups", "score"}));
  app.add_option("--size", options.size,
                 "generated request: S (tens of participants, ms solves) or "
                 "M (hundreds, ~0.1-1 s); for groups also the search limit")
      ->capture_default_str()
      ->check(CLI::IsMember({"S", "M"}));
  app.add_option("--cohort", options.cohort_path,
                 "send this cohort (CSV or JSON) instead of a generated one")
      ->check(CLI::ExistingFile);
  app.add_option("--policy", options.policy_path,
                 "with --cohort: this policy (JSON); default: none (the "
                 "server's default policy)")
      ->check(CLI::ExistingFile);
  app.add_option("--concurrency,-c", options.concurrency,
                 "client threads, each with its own blocking stub")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  app.add_option("--channels", options.channels,
                 "channels (HTTP/2 connections) the threads share round "
                 "robin")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  app.add_option("--duration", options.duration_seconds,
                 "stop starting calls after this many seconds (max 120)")
      ->capture_default_str()
      ->check(CLI::Range(0.1, kMaxDurationSeconds));
  app.add_option("--calls,-n", options.calls,
                 "stop after this many calls (whichever comes first)")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10000000}));
  app.add_option("--deadline", options.deadline_seconds,
                 "deadline of each call, seconds")
      ->capture_default_str()
      ->check(CLI::Range(0.001, 3600.0));
  app.add_option("--warmup", options.warmup,
                 "calls sent (one after another) before the timed run; not "
                 "counted")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  app.add_option("--token-file", options.token_file,
                 "send `authorization: Bearer TOKEN` (the file's first "
                 "token line)")
      ->check(CLI::ExistingFile);
  app.add_flag("--json", options.json, "print one JSON object instead");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (!IsLoopbackTarget(options.target)) {
    std::cerr << "sopud_load: refusing non-loopback target " << options.target
              << " (use 127.0.0.1, [::1], localhost or unix:)\n";
    return 2;
  }
  if (!options.policy_path.empty() && options.cohort_path.empty()) {
    std::cerr << "sopud_load: --policy needs --cohort\n";
    return 2;
  }
  options.channels = std::min(options.channels, options.concurrency);
  std::string token;
  if (!options.token_file.empty()) {
    absl::StatusOr<std::string> read = ReadToken(options.token_file);
    if (!read.ok()) {
      std::cerr << "sopud_load: " << read.status().message() << "\n";
      return 1;
    }
    token = *std::move(read);
  }
  absl::StatusOr<Request> request = BuildRequest(options);
  if (!request.ok()) {
    std::cerr << "sopud_load: " << request.status().message() << "\n";
    return 1;
  }

  const std::vector<std::shared_ptr<grpc::Channel>> channels =
      MakeChannels(options);
  for (const auto& channel : channels) {
    if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                   std::chrono::seconds(10))) {
      std::cerr << "sopud_load: cannot connect to " << options.target << "\n";
      return 1;
    }
  }
  std::vector<std::unique_ptr<sopu::v1::Sopu::Stub>> stubs;
  stubs.reserve(static_cast<std::size_t>(options.concurrency));
  for (int i = 0; i < options.concurrency; ++i) {
    stubs.push_back(sopu::v1::Sopu::NewStub(
        channels[static_cast<std::size_t>(i % options.channels)]));
  }
  const auto deadline = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(options.deadline_seconds));
  const auto prepare = [&](grpc::ClientContext& context) {
    context.set_deadline(std::chrono::system_clock::now() + deadline);
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  };
  for (int i = 0; i < options.warmup; ++i) {
    grpc::ClientContext context;
    prepare(context);
    const grpc::Status status = request->call(*stubs.front(), context);
    if (!status.ok()) {
      std::cerr << "sopud_load: warm-up call: " << CodeName(status.error_code())
                << ": " << status.error_message() << "\n";
    }
  }

  std::atomic<std::int64_t> started{0};
  std::vector<Tally> tallies(static_cast<std::size_t>(options.concurrency));
  const auto [user0, system0] = CpuSeconds();
  const Clock::time_point start = Clock::now();
  const Clock::time_point end =
      start + std::chrono::duration_cast<Clock::duration>(
                  std::chrono::duration<double>(options.duration_seconds));
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(options.concurrency));
  for (int i = 0; i < options.concurrency; ++i) {
    threads.emplace_back([&, i] {
      sopu::v1::Sopu::Stub& stub = *stubs[static_cast<std::size_t>(i)];
      Tally& tally = tallies[static_cast<std::size_t>(i)];
      while (Clock::now() < end && started.fetch_add(1) < options.calls) {
        grpc::ClientContext context;
        prepare(context);
        const Clock::time_point call_start = Clock::now();
        const grpc::Status status = request->call(stub, context);
        tally.Add(status, std::chrono::duration<double, std::milli>(
                              Clock::now() - call_start)
                              .count());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double total_seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  const auto [user1, system1] = CpuSeconds();

  Tally all;
  for (const Tally& tally : tallies) all.Merge(tally);
  const Summary summary =
      Summarize(all, total_seconds, user1 - user0, system1 - system0);
  if (options.json) {
    PrintJson(options, *request, all, summary);
  } else {
    PrintText(options, *request, all, summary);
  }
  return 0;
}

}  // namespace
}  // namespace sopu::bench

int main(int argc, char** argv) {
  try {
    return sopu::bench::Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "sopud_load: internal error: " << e.what() << "\n";
    return 4;
  }
}
