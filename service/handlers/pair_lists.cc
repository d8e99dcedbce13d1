#include "service/handlers/pair_lists.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/common/index.h"

namespace sopu::service {

Sides IndexSides(const sopu::v1::Cohort& cohort) {
  Sides sides;
  for (const auto& p : cohort.participants()) {
    for (int role : p.roles()) {
      if (role == sopu::v1::ROLE_MENTEE) {
        sides.row_of.try_emplace(p.id(), static_cast<int>(sides.row_of.size()));
      } else if (role == sopu::v1::ROLE_MENTOR) {
        sides.col_of.try_emplace(p.id(), static_cast<int>(sides.col_of.size()));
      }
    }
  }
  return sides;
}

std::vector<MatchPair> ResolvePairs(
    const google::protobuf::RepeatedPtrField<sopu::v1::PairRef>& pairs,
    const std::string& field, const Sides& sides,
    const sopu::v1::Cohort& cohort, bool one_per_mentee, bool departed_ok,
    ViolationList& violations) {
  std::unordered_map<std::string, int> ids;
  for (const auto& p : cohort.participants()) ids.emplace(p.id(), 0);
  std::unordered_map<int, int> first_of_row;
  std::vector<MatchPair> out;
  for (int k = 0; k < pairs.size(); ++k) {
    const sopu::v1::PairRef& pair = pairs[k];
    const std::string base = absl::StrCat(field, "[", k, "]");
    MatchPair resolved;
    auto check = [&](const std::string& id, const std::string& path,
                     const std::unordered_map<std::string, int>& side,
                     const char* role, int& index) {
      if (id.empty()) {
        violations.Add(path, "is required");
      } else if (auto it = side.find(id); it != side.end()) {
        index = it->second;
      } else if (ids.contains(id)) {
        violations.Add(path, absl::StrCat("the participant is not a ", role));
      } else if (!departed_ok) {
        violations.Add(path, "names no participant of the cohort");
      }
    };
    check(pair.mentee_id(), base + ".mentee_id", sides.row_of, "mentee",
          resolved.row);
    check(pair.mentor_id(), base + ".mentor_id", sides.col_of, "mentor",
          resolved.col);
    if (one_per_mentee && resolved.row >= 0) {
      auto [it, inserted] = first_of_row.try_emplace(resolved.row, k);
      if (!inserted) {
        violations.Add(base + ".mentee_id",
                       absl::StrCat("the mentee is already in ", field, "[",
                                    it->second, "]"));
        resolved.row = -1;
      }
    }
    out.push_back(resolved);
  }
  return out;
}

MatchPairs ResolveMatchPairs(const sopu::v1::MatchRequest& request,
                             ViolationList& violations) {
  const Sides sides = IndexSides(request.cohort());
  MatchPairs pairs;
  pairs.locked =
      ResolvePairs(request.locked(), "locked", sides, request.cohort(),
                   /*one_per_mentee=*/true, /*departed_ok=*/false, violations);
  pairs.forbidden =
      ResolvePairs(request.forbidden(), "forbidden", sides, request.cohort(),
                   /*one_per_mentee=*/false, /*departed_ok=*/false, violations);
  const std::vector<MatchPair> previous =
      ResolvePairs(request.previous(), "previous", sides, request.cohort(),
                   /*one_per_mentee=*/true, /*departed_ok=*/true, violations);
  pairs.previous.reserve(previous.size());
  for (int k = 0; k < request.previous_size(); ++k) {
    const MatchPair& p = previous[Idx(k)];
    pairs.previous.push_back({.row = p.row,
                              .col = p.col,
                              .mentee_id = request.previous(k).mentee_id(),
                              .mentor_id = request.previous(k).mentor_id()});
  }
  return pairs;
}

}  // namespace sopu::service
