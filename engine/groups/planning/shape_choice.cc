#include "engine/groups/planning/shape_choice.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"

namespace sopu {
namespace {

// Shapes: the rules of every shape to try, in order of preference.
std::vector<GroupRules> Shapes(const GroupRules& rules) {
  std::vector<GroupRules> out;
  const int extra_max = rules.group_count > 0 ? 0 : kMaxExtraGroups;
  for (int extra = 0; extra <= extra_max; ++extra) {
    for (const bool even : {true, false}) {
      if (even && !rules.even_sizes) continue;
      GroupRules shape = rules;
      shape.even_sizes = even;
      shape.extra_groups = extra;
      out.push_back(std::move(shape));
    }
  }
  return out;
}

bool HasRules(const GroupPartition& partition) {
  return std::any_of(
      partition.parts.begin(), partition.parts.end(),
      [](const GroupPart& part) { return part.problem.has_rules(); });
}

std::vector<std::string> Notes(const GroupRules& requested,
                               const GroupRules& chosen) {
  std::vector<std::string> notes;
  if (requested.even_sizes && !chosen.even_sizes) {
    notes.push_back(
        "group sizes differ by more than one: with sizes as even as possible "
        "the hard rules could not all hold");
  }
  if (chosen.extra_groups > 0) {
    notes.push_back(absl::StrCat(
        chosen.extra_groups, chosen.extra_groups == 1 ? " group" : " groups",
        " more than the fewest that fit",
        requested.key_attribute.empty()
            ? ""
            : absl::StrCat(" (per ", requested.key_attribute, ")"),
        ": with fewer groups the hard rules could not all hold"));
  }
  return notes;
}

}  // namespace

absl::StatusOr<ShapeChoice> ChooseGroupShape(
    const std::vector<const Participant*>& pool,
    const std::vector<double>& affinity,
    const std::vector<std::uint8_t>& allowed, const GroupRules& rules,
    const PartSearchOptions& search, const CallContext& context) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
        .count();
  };
  const std::vector<GroupRules> shapes = Shapes(rules);
  // Partitions are built one at a time (each holds an n x n affinity), and
  // only as far as the choice needs them.
  std::size_t s = 0;
  GroupPartition first = BuildGroupParts(pool, affinity, allowed, shapes[0]);
  GroupPartition candidate;
  if (first.infeasible.empty()) {
    candidate = std::move(first);
  } else {
    for (s = 1; s < shapes.size(); ++s) {
      candidate = BuildGroupParts(pool, affinity, allowed, shapes[s]);
      if (candidate.infeasible.empty()) break;
    }
  }
  ShapeChoice choice;
  if (s == shapes.size()) {  // no shape can hold the members: say why
    choice.rules = shapes[0];
    choice.partition = std::move(first);
    return choice;
  }
  first = GroupPartition();
  std::size_t chosen = s;
  GroupPartition best = std::move(candidate);
  if (HasRules(best)) {
    const CallContext probe_context{
        .cancel = context.cancel, .progress = {}, .improved = {}};
    PartSearchOptions probe = search;
    probe.time_limit_seconds = kProbeShare * search.time_limit_seconds;
    probe.target_objective = std::numeric_limits<double>::lowest();
    const double budget = kProbeBudgetShare * search.time_limit_seconds;
    int fewest = std::numeric_limits<int>::max();
    GroupPartition* current = &best;
    GroupPartition next;
    for (; s < shapes.size(); ++s) {
      if (s != chosen) {
        next = BuildGroupParts(pool, affinity, allowed, shapes[s]);
        if (!next.infeasible.empty()) continue;
        current = &next;
      }
      absl::StatusOr<PartSearchResult> result =
          SearchParts(current->parts, pool, probe, probe_context);
      if (!result.ok()) return result.status();
      if (result->violations < fewest) {
        fewest = result->violations;
        if (current != &best) best = std::move(next);
        current = &best;
        chosen = s;
      }
      if (fewest == 0 || elapsed() >= budget || context.cancelled()) break;
    }
  }
  choice.probe_seconds = elapsed();
  choice.rules = shapes[chosen];
  choice.partition = std::move(best);
  choice.notes = Notes(rules, choice.rules);
  return choice;
}

}  // namespace sopu
