// DiffAssignment: a match result compared with the previous assignment: one
// PairChange per mentee whose pair is kept, new, changed or dropped, and
// their counts.
//
// Steps: each previous pair gives its mentee's row the previous mentor's id
// (a mentor who has left the cohort has no column but still counts as
// "before"); previous pairs whose mentee has left are set aside. Then, in row
// order, every mentee with a mentor before or now gets one change, compared
// by mentor id: the same id is kept, none before is new, none now is
// dropped, otherwise changed. Last, in list order, each set-aside pair is
// dropped (its mentee has left).
//
// Complexity: O(R + P) for R mentees and P previous pairs.
//
// Invariants: kept + changed + added + dropped = changes.size(); each
// previous pair (with a mentor id) gives exactly one change, kept, changed
// or dropped (the list holds a mentee at most once); every other change is
// new; a mentee without a mentor before or now gives none. No changes at
// all when there are no previous pairs.
//
// Usage:
//   AssignmentDiff diff =
//       DiffAssignment(pairs.previous, mentor_of, mentee_ids, mentor_ids);
#ifndef SOPU_ENGINE_MATCH_ASSIGNMENT_DIFF_H_
#define SOPU_ENGINE_MATCH_ASSIGNMENT_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/match/match_problem.h"

namespace sopu {

enum class PairChangeKind { kKept, kChanged, kNew, kDropped };

// PairChange: one mentee's pair before and now, by participant id (empty =
// no mentor).
struct PairChange {
  std::string mentee_id;
  PairChangeKind kind = PairChangeKind::kKept;
  std::string previous_mentor_id;
  std::string mentor_id;
};

struct AssignmentDiff {
  // Mentees in row order, then the departed mentees' pairs in list order.
  std::vector<PairChange> changes;
  int kept = 0;
  int changed = 0;
  int added = 0;
  int dropped = 0;
};

// DiffAssignment: `previous` as CheckMatchPairs accepts it; `mentor_of` the
// final assignment (-1 = unmatched); `mentee_ids` and `mentor_ids` the ids
// of the rows and the columns (views into the caller's strings).
[[nodiscard]] AssignmentDiff DiffAssignment(
    const std::vector<PreviousPair>& previous,
    const std::vector<int>& mentor_of,
    const std::vector<std::string_view>& mentee_ids,
    const std::vector<std::string_view>& mentor_ids);

}  // namespace sopu

#endif  // SOPU_ENGINE_MATCH_ASSIGNMENT_DIFF_H_
