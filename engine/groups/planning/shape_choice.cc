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
      out.emplace_back(std::move(shape));
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
    notes.emplace_back(
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

// Shaper builds the partitions of the shapes one at a time (each holds an
// n x n affinity), only as far as the choice needs them.
struct Shaper {
  const std::vector<const Participant*>& pool;
  const std::vector<double>& affinity;
  const std::vector<std::uint8_t>& allowed;

  [[nodiscard]] GroupPartition Build(const GroupRules& shape) const {
    return BuildGroupParts(pool, affinity, allowed, shape);
  }
};

// Probe: the violations left by a search that stops at the first grouping
// keeping every rule, within `probe`'s time limit.
absl::StatusOr<int> Probe(const GroupPartition& partition,
                          const std::vector<const Participant*>& pool,
                          const PartSearchOptions& probe,
                          const CallContext& context) {
  absl::StatusOr<PartSearchResult> result =
      SearchParts(partition.parts, pool, probe, context);
  if (!result.ok()) return result.status();
  return result->violations;
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
  const Shaper shaper{pool, affinity, allowed};
  ShapeChoice choice;
  // The first shape whose sizes can hold the members.
  std::size_t chosen = 0;
  GroupPartition best = shaper.Build(shapes[0]);
  while (!best.infeasible.empty() && chosen + 1 < shapes.size()) {
    GroupPartition next = shaper.Build(shapes[++chosen]);
    if (next.infeasible.empty()) best = std::move(next);
  }
  if (!best.infeasible.empty()) {  // no shape can: the first says why
    choice.rules = shapes[0];
    choice.partition = std::move(best);
    return choice;
  }
  if (HasRules(best)) {
    const CallContext probe_context{
        .cancel = context.cancel, .progress = {}, .improved = {}};
    PartSearchOptions probe = search;
    probe.time_limit_seconds = kProbeShare * search.time_limit_seconds;
    probe.target_objective = std::numeric_limits<double>::lowest();
    const double budget = kProbeBudgetShare * search.time_limit_seconds;
    absl::StatusOr<int> fewest = Probe(best, pool, probe, probe_context);
    if (!fewest.ok()) return fewest.status();
    for (std::size_t s = chosen + 1; s < shapes.size() && *fewest > 0 &&
                                     elapsed() < budget && !context.cancelled();
         ++s) {
      GroupPartition next = shaper.Build(shapes[s]);
      if (!next.infeasible.empty()) continue;
      const absl::StatusOr<int> violations =
          Probe(next, pool, probe, probe_context);
      if (!violations.ok()) return violations.status();
      if (*violations < *fewest) {
        fewest = *violations;
        best = std::move(next);
        chosen = s;
      }
    }
  }
  choice.probe_seconds = elapsed();
  choice.rules = shapes[chosen];
  choice.partition = std::move(best);
  choice.notes = Notes(rules, choice.rules);
  return choice;
}

}  // namespace sopu
