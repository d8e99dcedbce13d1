// Pair lists of a MatchRequest (locked, forbidden, previous): each entry's
// mentee and mentor ids resolved to score-matrix rows and columns (the
// engine's MatchPairs), every problem recorded as a field violation
// ("locked[2].mentor_id: the participant is not a mentor"). Ids only in the
// messages, never values.
//
// Resolution stays here, with the request's validation: it reads the proto
// cohort before it is converted, so a request's bad ids are reported in the
// same BadRequest as its cohort's and policy's problems. The rules a locked
// pair must meet (policy, forbidden, capacity) are the engine's
// (CheckMatchPairs, engine/match/match_problem.h).
//
// Complexity: IndexSides O(N) for N participants; ResolvePairs O(N + P) for
// P entries (hash maps).
#ifndef SOPU_SERVICE_HANDLERS_PAIR_LISTS_H_
#define SOPU_SERVICE_HANDLERS_PAIR_LISTS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/match/match_problem.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "service/validation/violation_list.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// Sides maps participant ids to rows (mentees) and columns (mentors).
struct Sides {
  std::unordered_map<std::string, int> row_of;
  std::unordered_map<std::string, int> col_of;
};

// IndexSides numbers mentees and mentors in cohort order, exactly as
// ScoringModel orders its rows and columns.
[[nodiscard]] Sides IndexSides(const sopu::v1::Cohort& cohort);

// ResolvePairs checks one pair list of the request (`field` names it in the
// violations) against the cohort: ids required, naming a mentee / mentor of
// the cohort. With `one_per_mentee`, a mentee's second entry is a violation
// (and resolves to row -1); with `departed_ok`, an id naming nobody in the
// cohort is no violation (it resolves to -1). One entry per pair, in order;
// -1 where invalid.
[[nodiscard]] std::vector<MatchPair> ResolvePairs(
    const google::protobuf::RepeatedPtrField<sopu::v1::PairRef>& pairs,
    const std::string& field, const Sides& sides,
    const sopu::v1::Cohort& cohort, bool one_per_mentee, bool departed_ok,
    ViolationList& violations);

// ResolveMatchPairs resolves the request's three lists in order: locked
// (one per mentee), forbidden, previous (one per mentee, departed people
// allowed; their ids kept for the diff).
[[nodiscard]] MatchPairs ResolveMatchPairs(
    const sopu::v1::MatchRequest& request, ViolationList& violations);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_PAIR_LISTS_H_
