#include "engine/match/assignment_diff.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/common/index.h"

namespace sopu {
namespace {

// AddChange appends one change, its kind decided by the ids, and counts it.
void AddChange(std::string_view mentee, std::string_view was,
               std::string_view now, AssignmentDiff& diff) {
  PairChange change{.mentee_id = std::string(mentee),
                    .previous_mentor_id = std::string(was),
                    .mentor_id = std::string(now)};
  if (was == now) {
    change.kind = PairChangeKind::kKept;
    ++diff.kept;
  } else if (was.empty()) {
    change.kind = PairChangeKind::kNew;
    ++diff.added;
  } else if (now.empty()) {
    change.kind = PairChangeKind::kDropped;
    ++diff.dropped;
  } else {
    change.kind = PairChangeKind::kChanged;
    ++diff.changed;
  }
  diff.changes.push_back(std::move(change));
}

}  // namespace

AssignmentDiff DiffAssignment(const std::vector<PreviousPair>& previous,
                              const std::vector<int>& mentor_of,
                              const std::vector<std::string_view>& mentee_ids,
                              const std::vector<std::string_view>& mentor_ids) {
  AssignmentDiff diff;
  if (previous.empty()) return diff;
  const auto rows = static_cast<int>(mentor_of.size());
  std::vector<std::string_view> before(Idx(rows));
  std::vector<const PreviousPair*> departed;
  for (const PreviousPair& p : previous) {
    if (p.row >= 0) {
      before[Idx(p.row)] = p.mentor_id;
    } else {
      departed.push_back(&p);
    }
  }
  for (int r = 0; r < rows; ++r) {
    const int now = mentor_of[Idx(r)];
    const std::string_view was = before[Idx(r)];
    if (was.empty() && now < 0) continue;
    AddChange(mentee_ids[Idx(r)], was,
              now >= 0 ? mentor_ids[Idx(now)] : std::string_view(), diff);
  }
  for (const PreviousPair* p : departed) {
    AddChange(p->mentee_id, p->mentor_id, "", diff);
  }
  return diff;
}

}  // namespace sopu
