#include "service/cli/input_files.h"

#include <filesystem>
#include <iostream>
#include <utility>

#include "service/cli/command_support.h"
#include "service/cli/default_policy_note.h"
#include "service/io/json_files.h"
#include "service/io/pair_list_reader.h"
#include "spdlog/spdlog.h"

namespace sopu::cli {
namespace {

// ReadPairs is ReadPairFile for either kind of pair list; `read` is the
// reader (io::ReadPairList or io::ReadMemberPairList).
template <typename Pair, typename Reader>
std::optional<int> ReadPairs(const std::string& path, const std::string& list,
                             google::protobuf::RepeatedPtrField<Pair>& entries,
                             Inputs& inputs, Reader read) {
  if (path.empty()) return std::nullopt;
  absl::StatusOr<std::string> bytes = io::ReadFileBytes(path);
  if (!bytes.ok()) return PrintFailure(bytes.status());
  const std::string file = std::filesystem::path(path).filename().string();
  auto pairs = read(*bytes, file);
  for (auto& pair : pairs.pairs) *entries.Add() = std::move(pair);
  inputs.pair_problems.insert(inputs.pair_problems.end(),
                              pairs.problems.begin(), pairs.problems.end());
  inputs.source.AddPairList(list, file, std::move(pairs.rows),
                            std::move(pairs.columns));
  return std::nullopt;
}

}  // namespace

std::optional<int> LoadInputs(const std::string& cohort_path,
                              const std::string& sheet,
                              const std::string& policy_path, Inputs& inputs) {
  absl::StatusOr<io::LoadedCohort> cohort =
      io::ReadCohortFile(cohort_path, {.sheet = sheet});
  if (!cohort.ok()) return PrintFailure(cohort.status());
  for (const std::string& notice : cohort->notices) {
    std::cerr << "note: " << notice << '\n';
  }
  inputs.cohort_path = cohort_path;
  inputs.cohort = *std::move(cohort);
  if (inputs.cohort.source.has_value()) {
    inputs.source = *std::move(inputs.cohort.source);
    inputs.cohort.source.reset();
  }
  if (!policy_path.empty()) {
    absl::StatusOr<sopu::v1::Policy> policy = io::ReadPolicyFile(policy_path);
    if (!policy.ok()) return PrintFailure(policy.status());
    inputs.policy = *std::move(policy);
  } else if (inputs.cohort.cohort.participants_size() > 0) {
    std::cerr << DefaultPolicyNote(inputs.cohort.cohort);
  }
  spdlog::info("read cohort: {} participants, {} themes",
               inputs.cohort.cohort.participants_size(),
               inputs.cohort.cohort.taxonomy().themes_size());
  return std::nullopt;
}

std::optional<int> ReadPairFile(
    const std::string& path, const std::string& list,
    google::protobuf::RepeatedPtrField<sopu::v1::PairRef>& entries,
    Inputs& inputs) {
  return ReadPairs(path, list, entries, inputs, io::ReadPairList);
}

std::optional<int> ReadPairFile(
    const std::string& path, const std::string& list,
    google::protobuf::RepeatedPtrField<sopu::v1::MemberPair>& entries,
    Inputs& inputs) {
  return ReadPairs(path, list, entries, inputs, io::ReadMemberPairList);
}

}  // namespace sopu::cli
