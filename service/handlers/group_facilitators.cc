#include "service/handlers/group_facilitators.h"

#include <cstddef>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "engine/assignment/capacitated_assignment.h"
#include "engine/scoring/scoring_model.h"
#include "service/handlers/group_partition.h"

namespace sopu::service {
namespace {

std::size_t Idx(int k) { return static_cast<std::size_t>(k); }

}  // namespace

absl::StatusOr<std::vector<FacilitatorChoice>> AssignFacilitators(
    const sopu::Cohort& cohort, const Policy& policy, RoleBit facilitator_role,
    const std::string& key_attribute,
    const std::vector<FacilitatedGroup>& groups) {
  // Members of any group as mentees, facilitators as mentors, in cohort
  // order; row_of / col_of map cohort indices to the model's.
  const int people = static_cast<int>(cohort.participants.size());
  std::vector<std::uint8_t> is_member(Idx(people), 0);
  for (const FacilitatedGroup& g : groups) {
    for (const int i : g.members) is_member[Idx(i)] = 1;
  }
  sopu::Cohort scoring;
  scoring.program = cohort.program;
  scoring.themes = cohort.themes;
  std::vector<int> row_of(Idx(people), -1);
  std::vector<int> col_of(Idx(people), -1);
  std::vector<int> facilitators;
  int rows = 0;
  for (int i = 0; i < people; ++i) {
    const Participant& p = cohort.participants[Idx(i)];
    const bool facilitates = p.Has(facilitator_role);
    if (is_member[Idx(i)] == 0 && !facilitates) continue;
    Participant& copy = scoring.participants.emplace_back(p);
    copy.roles = 0;
    if (is_member[Idx(i)] != 0) {
      copy.roles |= kRoleMentee;
      row_of[Idx(i)] = rows++;
    }
    if (facilitates) {
      copy.roles |= kRoleMentor;
      col_of[Idx(i)] = static_cast<int>(facilitators.size());
      facilitators.push_back(i);
    }
  }
  std::vector<FacilitatorChoice> out(groups.size());
  if (facilitators.empty()) {
    for (FacilitatorChoice& c : out) c.note = "no participant can facilitate";
    return out;
  }
  absl::StatusOr<ScoringModel> model = ScoringModel::Build(scoring, policy);
  if (!model.ok()) return model.status();
  const ScoreMatrix matrix = model->ComputeMatrix();

  const int f_count = static_cast<int>(facilitators.size());
  AssignmentProblem problem;
  problem.rows = static_cast<int>(groups.size());
  problem.cols = f_count;
  problem.scores.assign(Idx(problem.rows) * Idx(f_count), 0.0);
  problem.forbidden.assign(problem.scores.size(), 0);
  std::vector<int> key_mismatch(groups.size(), 0);
  for (int f = 0; f < f_count; ++f) {
    problem.capacity.push_back(
        cohort.participants[Idx(facilitators[Idx(f)])].capacity);
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (int f = 0; f < f_count; ++f) {
      const Participant& fp = cohort.participants[Idx(facilitators[Idx(f)])];
      const std::size_t cell = g * Idx(f_count) + Idx(f);
      if (!key_attribute.empty() &&
          AttributeValue(fp, key_attribute) != groups[g].key_value) {
        problem.forbidden[cell] = 1;
        ++key_mismatch[g];
        continue;
      }
      double sum = 0.0;
      for (const int i : groups[g].members) {
        const int r = row_of[Idx(i)];
        if (!matrix.allowed(r, f)) {
          problem.forbidden[cell] = 1;
          break;
        }
        sum += matrix.scores(r, f);
      }
      if (problem.forbidden[cell] == 0 && !groups[g].members.empty()) {
        problem.scores[cell] =
            sum / static_cast<double>(groups[g].members.size());
      }
    }
  }
  absl::StatusOr<AssignmentResult> result =
      SolveCapacitatedAssignment(problem, {});
  if (!result.ok()) return result.status();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const int f = result->solution.mentor_of[g];
    FacilitatorChoice& c = out[g];
    if (f >= 0) {
      c.facilitator = facilitators[Idx(f)];
      c.fit = problem.score(static_cast<int>(g), f);
      continue;
    }
    int allowed = 0;
    for (int k = 0; k < f_count; ++k) {
      allowed += problem.allowed(static_cast<int>(g), k) ? 1 : 0;
    }
    if (allowed > 0) {
      c.note =
          absl::StrCat("all ", allowed, " allowed facilitator",
                       allowed == 1 ? " leads" : "s lead", " other groups");
    } else if (key_mismatch[g] == f_count) {
      c.note = absl::StrCat("no facilitator has this group's ", key_attribute);
    } else {
      c.note = absl::StrCat("the policy forbids each of the ",
                            f_count - key_mismatch[g],
                            " possible facilitators with some member");
    }
  }
  return out;
}

}  // namespace sopu::service
