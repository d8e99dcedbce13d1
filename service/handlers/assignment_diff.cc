#include "service/handlers/assignment_diff.h"

#include <cstddef>
#include <string>
#include <vector>

namespace sopu::service {

void AddAssignmentDiff(const sopu::v1::MatchRequest& request,
                       const std::vector<ResolvedPair>& previous,
                       const ScoringModel& model,
                       const std::vector<int>& mentor_of,
                       sopu::v1::MatchResponse& response) {
  if (previous.empty()) return;
  const auto& people = model.cohort().participants;
  auto id_of_row = [&](int r) -> const std::string& {
    return people[static_cast<std::size_t>(
                      model.mentees()[static_cast<std::size_t>(r)])]
        .id;
  };
  auto id_of_col = [&](int c) -> const std::string& {
    return people[static_cast<std::size_t>(
                      model.mentors()[static_cast<std::size_t>(c)])]
        .id;
  };
  const auto rows = static_cast<int>(mentor_of.size());
  auto* summary = response.mutable_summary();
  // Previous mentor per row, by id: a mentor who has left the cohort has
  // no column but still counts as "before".
  std::vector<std::string> before(static_cast<std::size_t>(rows));
  std::vector<const sopu::v1::PairRef*> departed;
  for (int k = 0; k < request.previous_size(); ++k) {
    const ResolvedPair& p = previous[static_cast<std::size_t>(k)];
    if (p.row >= 0) {
      before[static_cast<std::size_t>(p.row)] = request.previous(k).mentor_id();
    } else {
      departed.push_back(&request.previous(k));
    }
  }
  auto add_change = [&](const std::string& mentee, const std::string& was,
                        const std::string& now) {
    auto* change = response.add_changes();
    change->set_mentee_id(mentee);
    change->set_previous_mentor_id(was);
    change->set_mentor_id(now);
    if (was == now) {
      change->set_kind(sopu::v1::PairChange::KIND_KEPT);
      summary->set_kept(summary->kept() + 1);
    } else if (was.empty()) {
      change->set_kind(sopu::v1::PairChange::KIND_NEW);
      summary->set_added(summary->added() + 1);
    } else if (now.empty()) {
      change->set_kind(sopu::v1::PairChange::KIND_DROPPED);
      summary->set_dropped(summary->dropped() + 1);
    } else {
      change->set_kind(sopu::v1::PairChange::KIND_CHANGED);
      summary->set_changed(summary->changed() + 1);
    }
  };
  for (int r = 0; r < rows; ++r) {
    const int now = mentor_of[static_cast<std::size_t>(r)];
    const std::string& was = before[static_cast<std::size_t>(r)];
    if (was.empty() && now < 0) continue;
    add_change(id_of_row(r), was, now >= 0 ? id_of_col(now) : "");
  }
  for (const sopu::v1::PairRef* pair : departed) {
    // The mentee has left the cohort: the earlier pair is dropped.
    add_change(pair->mentee_id(), pair->mentor_id(), "");
  }
}

}  // namespace sopu::service
