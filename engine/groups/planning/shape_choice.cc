#include "engine/groups/planning/shape_choice.h"

#include <algorithm>
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
  const std::vector<GroupRules> shapes = Shapes(rules);
  std::vector<std::optional<GroupPartition>> partitions(shapes.size());
  std::optional<std::size_t> first_usable;
  for (std::size_t s = 0; s < shapes.size(); ++s) {
    partitions[s] = BuildGroupParts(pool, affinity, allowed, shapes[s]);
    if (partitions[s]->infeasible.empty() && !first_usable.has_value()) {
      first_usable = s;
    }
  }
  ShapeChoice choice;
  std::size_t chosen = first_usable.value_or(0);
  if (first_usable.has_value() && HasRules(*partitions[chosen])) {
    const CallContext probe_context{
        .cancel = context.cancel, .progress = {}, .improved = {}};
    PartSearchOptions probe = search;
    probe.time_limit_seconds = kProbeShare * search.time_limit_seconds;
    probe.target_objective = std::numeric_limits<double>::lowest();
    int fewest = std::numeric_limits<int>::max();
    for (std::size_t s = *first_usable; s < shapes.size(); ++s) {
      if (!partitions[s]->infeasible.empty()) continue;
      if (choice.probe_seconds >=
              kProbeBudgetShare * search.time_limit_seconds ||
          context.cancelled()) {
        break;
      }
      absl::StatusOr<PartSearchResult> result =
          SearchParts(partitions[s]->parts, pool, probe, probe_context);
      if (!result.ok()) return result.status();
      choice.probe_seconds += result->seconds;
      if (result->violations < fewest) {
        fewest = result->violations;
        chosen = s;
      }
      if (fewest == 0) break;
    }
  }
  choice.rules = shapes[chosen];
  choice.partition = *std::move(partitions[chosen]);
  if (first_usable.has_value()) choice.notes = Notes(rules, choice.rules);
  return choice;
}

}  // namespace sopu
