#include "engine/groups/planning/part_progress.h"

#include <cstddef>
#include <cstdint>

#include "engine/common/index.h"

namespace sopu {

Improvement PartImprovement(const GroupPart& part,
                            const std::vector<const Participant*>& pool,
                            const std::vector<int>& group_of,
                            double objective) {
  Improvement out;
  out.part = part.key_value;
  out.objective = objective;
  std::vector<std::vector<int>> members(Idx(part.problem.group_count()));
  for (std::size_t k = 0; k < group_of.size() && k < part.members.size(); ++k) {
    members[Idx(group_of[k])].push_back(part.members[k]);
  }
  for (const std::vector<int>& g : members) {
    if (g.empty()) continue;
    std::vector<std::string>& group = out.groups.emplace_back();
    for (const int i : g) group.push_back(pool[Idx(i)]->id);
  }
  return out;
}

CallContext PartCallContext(const CallContext& outer, const GroupPart& part,
                            const std::vector<const Participant*>& pool,
                            double seconds_before, double time_limit_seconds) {
  CallContext inner{.cancel = outer.cancel};
  if (!outer.progress && !outer.improved) return inner;
  inner.progress = [&outer, &part, &pool, seconds_before,
                    time_limit_seconds](const Progress& p) {
    if (outer.improved && p.improved_group_of != nullptr) {
      outer.improved(
          PartImprovement(part, pool, *p.improved_group_of, p.best_objective));
    }
    if (!outer.progress) return;
    Progress scaled = p;
    scaled.done = static_cast<std::int64_t>(1000.0 * seconds_before) + p.done;
    scaled.total = static_cast<std::int64_t>(1000.0 * time_limit_seconds);
    scaled.improved_group_of = nullptr;  // element indices of one part
    outer.progress(scaled);
  };
  return inner;
}

}  // namespace sopu
