// EngineCommand is the one pipeline of the engine commands (validate, score,
// match, pairs, groups, explain): read the inputs, call the engine, render.
// Every step behaves the same for every command:
//  1. read the cohort and policy files (LoadInputs; a file that cannot be
//     read, or an unknown --sheet, exits 3; the reader's notices go to
//     standard error);
//  2. read the command's pair files into the request (ReadPairFiles, through
//     ReadPairFile: a file that cannot be read exits 3; each entry's row goes
//     to the source map, unreadable rows are kept as problems);
//  3. when the cohort had cells that could not be read, validate the rest and
//     list every problem at once, the pair files' too (exit 1), unless the
//     command lists them itself (validate);
//  4. complete the request from the options (Prepare; a usage problem
//     exits 2);
//  5. call the engine (Call), timed;
//  6. when the call fails with INVALID_ARGUMENT, or a pair file had
//     problems, list the pair files' problems, then the request's, each
//     located by the source map ("lock.csv row 3: the pair is forbidden by
//     rule same-organisation"; exit 1); the call is made even then, so that
//     one run lists every problem. Another failure prints its message
//     (exit 4, or 5 for a server's failure);
//  7. render the response (Render).
//
// A command derives from EngineCommand<Request, Response>, keeps its options
// and overrides the hooks; Run is called once.
#ifndef SOPU_SERVICE_CLI_ENGINE_PIPELINE_H_
#define SOPU_SERVICE_CLI_ENGINE_PIPELINE_H_

#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "service/cli/commands.h"
#include "service/cli/input_files.h"
#include "service/cli/problem_report.h"

namespace sopu::cli {

template <typename Request, typename Response>
class EngineCommand {
 public:
  EngineCommand(const EngineCommand&) = delete;
  EngineCommand& operator=(const EngineCommand&) = delete;
  EngineCommand(EngineCommand&&) = delete;
  EngineCommand& operator=(EngineCommand&&) = delete;
  virtual ~EngineCommand() = default;

  // Run runs the steps above on `engine`; returns the exit code.
  [[nodiscard]] int Run(EngineClient& engine) {
    if (auto code = LoadInputs(cohort_path_, sheet_, policy_path_, inputs_)) {
      return *code;
    }
    auto request = RequestFor<Request>(inputs_);
    if (auto code = ReadPairFiles(request)) return *code;
    if (!ListsReadProblems()) {
      if (auto code = ReportReadProblems(inputs_, engine)) return *code;
    }
    if (auto code = Prepare(request)) return *code;
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<Response> response = Call(engine, request);
    call_time_ = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    if (!response.ok() || !inputs_.pair_problems.empty()) {
      return ReportFailure(response.status(), inputs_, inputs_.pair_problems);
    }
    return Render(*response, request);
  }

 protected:
  EngineCommand(std::string cohort_path, std::string sheet,
                std::string policy_path)
      : cohort_path_(std::move(cohort_path)),
        sheet_(std::move(sheet)),
        policy_path_(std::move(policy_path)) {}

  // ReadPairFiles (step 2) reads the command's pair files with
  // ReadPairFile; returns an exit code to stop. Default: none.
  [[nodiscard]] virtual std::optional<int> ReadPairFiles(Request& /*request*/) {
    return std::nullopt;
  }
  // ListsReadProblems: whether the command's own response lists the
  // cohort's unreadable cells (step 3 is skipped). Default: false.
  [[nodiscard]] virtual bool ListsReadProblems() const { return false; }
  // Prepare (step 4) sets the request's fields from the options; returns an
  // exit code to stop. The cohort and policy are set already.
  [[nodiscard]] virtual std::optional<int> Prepare(Request& request) = 0;
  // Call (step 5) sends the request to the engine.
  [[nodiscard]] virtual absl::StatusOr<Response> Call(
      EngineClient& engine, const Request& request) = 0;
  // Render (step 7) writes the response out; returns the exit code.
  [[nodiscard]] virtual int Render(const Response& response,
                                   const Request& request) = 0;

  // ReadPairFile reads one pair file into the request's list `list`.
  template <typename Pair>
  [[nodiscard]] std::optional<int> ReadPairFile(
      const std::string& path, const std::string& list,
      google::protobuf::RepeatedPtrField<Pair>& entries) {
    return cli::ReadPairFile(path, list, entries, inputs_);
  }

  // NameOption shows problems of request field `field` as `option` (e.g.
  // "key_attribute" as "--key town").
  void NameOption(const std::string& field, const std::string& option) {
    inputs_.source.AddOption(field, option);
  }

  [[nodiscard]] const Inputs& inputs() const { return inputs_; }
  // call_time: how long Call took (for -v).
  [[nodiscard]] std::chrono::milliseconds call_time() const {
    return call_time_;
  }

 private:
  std::string cohort_path_;
  std::string sheet_;  // empty: the first sheet
  std::string policy_path_;
  Inputs inputs_;
  std::chrono::milliseconds call_time_{0};
};

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_ENGINE_PIPELINE_H_
