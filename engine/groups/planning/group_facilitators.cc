#include "engine/groups/planning/group_facilitators.h"

#include <cstddef>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "engine/assignment/capacitated_assignment.h"
#include "engine/common/index.h"
#include "engine/groups/planning/group_rules.h"
#include "engine/scoring/scoring_model.h"

namespace sopu {
namespace {

// ScoringSide: the members of any group as mentees and the facilitators as
// mentors, in cohort order; row_of maps cohort indices to model rows.
struct ScoringSide {
  Cohort cohort;
  std::vector<int> row_of;        // cohort index -> model row, or -1
  std::vector<int> facilitators;  // model column -> cohort index
};

ScoringSide MakeScoringSide(const Cohort& cohort, RoleBit facilitator_role,
                            const std::vector<FacilitatedGroup>& groups) {
  const int people = static_cast<int>(cohort.participants.size());
  std::vector<std::uint8_t> is_member(Idx(people), 0);
  for (const FacilitatedGroup& g : groups) {
    for (const int i : g.members) is_member[Idx(i)] = 1;
  }
  ScoringSide side;
  side.cohort.program = cohort.program;
  side.cohort.themes = cohort.themes;
  side.row_of.assign(Idx(people), -1);
  int rows = 0;
  for (int i = 0; i < people; ++i) {
    const Participant& p = cohort.participants[Idx(i)];
    const bool facilitates = p.Has(facilitator_role);
    if (is_member[Idx(i)] == 0 && !facilitates) continue;
    Participant& copy = side.cohort.participants.emplace_back(p);
    copy.roles = 0;
    if (is_member[Idx(i)] != 0) {
      copy.roles |= kRoleMentee;
      side.row_of[Idx(i)] = rows++;
    }
    if (facilitates) {
      copy.roles |= kRoleMentor;
      side.facilitators.push_back(i);
    }
  }
  return side;
}

// FacilitatorProblem: the assignment problem, and per group how many
// facilitators the key rules out.
struct FacilitatorProblem {
  AssignmentProblem problem;
  std::vector<int> key_mismatch;
};

// GroupFit: the group's mean score with facilitator column f, or false when
// the policy forbids the facilitator with some member.
bool GroupFit(const ScoreMatrix& matrix, const ScoringSide& side,
              const FacilitatedGroup& group, int f, double& fit) {
  double sum = 0.0;
  for (const int i : group.members) {
    const int r = side.row_of[Idx(i)];
    if (!matrix.allowed(r, f)) return false;
    sum += matrix.scores(r, f);
  }
  if (!group.members.empty()) {
    fit = sum / static_cast<double>(group.members.size());
  }
  return true;
}

FacilitatorProblem MakeProblem(const Cohort& cohort, const ScoringSide& side,
                               const ScoreMatrix& matrix,
                               const std::string& key_attribute,
                               const std::vector<FacilitatedGroup>& groups) {
  const int f_count = static_cast<int>(side.facilitators.size());
  FacilitatorProblem out;
  AssignmentProblem& problem = out.problem;
  problem.rows = static_cast<int>(groups.size());
  problem.cols = f_count;
  problem.scores.assign(Idx(problem.rows) * Idx(f_count), 0.0);
  problem.forbidden.assign(problem.scores.size(), 0);
  out.key_mismatch.assign(groups.size(), 0);
  for (const int f : side.facilitators) {
    problem.capacity.push_back(
        cohort.participants[Idx(f)].facilitator_capacity);
  }
  for (int g = 0; g < problem.rows; ++g) {
    const FacilitatedGroup& group = groups[Idx(g)];
    for (int f = 0; f < f_count; ++f) {
      const Participant& fp =
          cohort.participants[Idx(side.facilitators[Idx(f)])];
      const std::size_t cell = At(g, f, f_count);
      if (!key_attribute.empty() &&
          AttributeValue(fp, key_attribute) != group.key_value) {
        problem.forbidden[cell] = 1;
        ++out.key_mismatch[Idx(g)];
      } else if (!GroupFit(matrix, side, group, f, problem.scores[cell])) {
        problem.forbidden[cell] = 1;
      }
    }
  }
  return out;
}

// NoFacilitatorNote: why group g has no facilitator.
std::string NoFacilitatorNote(const FacilitatorProblem& fp, int g,
                              const std::string& key_attribute) {
  const int f_count = fp.problem.cols;
  int allowed = 0;
  for (int k = 0; k < f_count; ++k) {
    allowed += fp.problem.allowed(g, k) ? 1 : 0;
  }
  if (allowed > 0) {
    return absl::StrCat("all ", allowed, " allowed facilitator",
                        allowed == 1 ? " leads" : "s lead", " other groups");
  }
  if (fp.key_mismatch[Idx(g)] == f_count) {
    return absl::StrCat("no facilitator has this group's ", key_attribute);
  }
  return absl::StrCat("the policy forbids each of the ",
                      f_count - fp.key_mismatch[Idx(g)],
                      " possible facilitators with some member");
}

}  // namespace

absl::StatusOr<std::vector<FacilitatorChoice>> AssignFacilitators(
    const Cohort& cohort, const Policy& policy, RoleBit facilitator_role,
    const std::string& key_attribute,
    const std::vector<FacilitatedGroup>& groups) {
  if (groups.empty()) return std::vector<FacilitatorChoice>{};
  const ScoringSide side = MakeScoringSide(cohort, facilitator_role, groups);
  std::vector<FacilitatorChoice> out(groups.size());
  if (side.facilitators.empty()) {
    for (FacilitatorChoice& c : out) c.note = "no participant can facilitate";
    return out;
  }
  absl::StatusOr<ScoringModel> model = ScoringModel::Build(side.cohort, policy);
  if (!model.ok()) return model.status();
  const FacilitatorProblem fp =
      MakeProblem(cohort, side, model->ComputeMatrix(), key_attribute, groups);
  absl::StatusOr<AssignmentResult> result =
      SolveCapacitatedAssignment(fp.problem, {});
  if (!result.ok()) return result.status();
  for (int g = 0; g < fp.problem.rows; ++g) {
    const int f = result->solution.mentor_of[Idx(g)];
    FacilitatorChoice& c = out[Idx(g)];
    if (f >= 0) {
      c.facilitator = side.facilitators[Idx(f)];
      c.fit = fp.problem.score(g, f);
    } else {
      c.note = NoFacilitatorNote(fp, g, key_attribute);
    }
  }
  return out;
}

}  // namespace sopu
