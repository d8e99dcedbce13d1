#include "engine/match/match_problem.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/common/index.h"

namespace sopu {
namespace {

// IndexRules: what CheckIndices accepts in one list.
struct IndexRules {
  PairList list = PairList::kLocked;
  bool one_per_mentee = false;  // a mentee's second entry is an issue
  bool departed_ok = false;     // -1 names someone who has left
};

// Accepted: whether index k is inside 0..n-1 (or -1 when departed_ok).
bool Accepted(int k, int n, bool departed_ok) {
  return (k >= 0 && k < n) || (departed_ok && k == -1);
}

// CheckIndices appends the index issues of one list: rows and columns inside
// the matrix, with one_per_mentee each row at most once.
template <typename Pair>
void CheckIndices(const std::vector<Pair>& pairs, const IndexRules& rules,
                  int rows, int cols, std::vector<PairIssue>& issues) {
  std::vector<int> first_of_row(Idx(rows), -1);
  for (int k = 0; k < static_cast<int>(pairs.size()); ++k) {
    const Pair& p = pairs[Idx(k)];
    if (!Accepted(p.row, rows, rules.departed_ok)) {
      issues.push_back({.list = rules.list,
                        .index = k,
                        .field = PairField::kMenteeId,
                        .problem = PairProblem::kNoSuchMentee});
    }
    if (!Accepted(p.col, cols, rules.departed_ok)) {
      issues.push_back({.list = rules.list,
                        .index = k,
                        .field = PairField::kMentorId,
                        .problem = PairProblem::kNoSuchMentor});
    }
    if (!rules.one_per_mentee || p.row < 0 || p.row >= rows) continue;
    int& first = first_of_row[Idx(p.row)];
    if (first >= 0) {
      issues.push_back({.list = rules.list,
                        .index = k,
                        .field = PairField::kMenteeId,
                        .problem = PairProblem::kRepeatedMentee,
                        .earlier = first});
    } else {
      first = k;
    }
  }
}

// CheckLocks appends the rule, forbidden and capacity issues of the locked
// pairs (all indices valid). Seats run out in list order.
void CheckLocks(const ScoreMatrix& matrix, const std::vector<int>& capacity,
                const MatchPairs& pairs, std::vector<PairIssue>& issues) {
  const int cols = matrix.cols();
  std::unordered_set<std::size_t> forbidden;
  for (const MatchPair& p : pairs.forbidden) {
    forbidden.insert(At(p.row, p.col, cols));
  }
  std::vector<int> room = capacity;
  room.resize(Idx(cols), 0);  // a missing capacity is none
  for (int k = 0; k < static_cast<int>(pairs.locked.size()); ++k) {
    const MatchPair& p = pairs.locked[Idx(k)];
    PairIssue issue{.list = PairList::kLocked, .index = k};
    if (!matrix.allowed(p.row, p.col)) {
      issue.problem = PairProblem::kForbiddenByRule;
      issue.verdict = matrix.verdicts(p.row, p.col);
    } else if (forbidden.contains(At(p.row, p.col, cols))) {
      issue.problem = PairProblem::kAlsoForbidden;
    } else if (--room[Idx(p.col)] < 0) {
      issue.field = PairField::kMentorId;
      issue.problem = PairProblem::kOverCapacity;
    } else {
      continue;
    }
    issues.push_back(issue);
  }
}

// ValidateShape: capacities one per column and >= 0, every score finite.
absl::Status ValidateShape(const ScoreMatrix& matrix,
                           const std::vector<int>& capacity) {
  if (capacity.size() != Idx(matrix.cols())) {
    return absl::InvalidArgumentError(
        absl::StrCat("capacity: ", capacity.size(), " entries, expected ",
                     matrix.cols(), " (one per mentor)"));
  }
  for (int c = 0; c < matrix.cols(); ++c) {
    if (capacity[Idx(c)] < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "capacity[", c, "]: ", capacity[Idx(c)], " is negative"));
    }
  }
  if (matrix.verdicts.rows() != matrix.scores.rows() ||
      matrix.verdicts.cols() != matrix.scores.cols()) {
    return absl::InvalidArgumentError("verdicts: not the shape of the scores");
  }
  if (matrix.scores.allFinite()) return absl::OkStatus();
  for (int r = 0; r < matrix.rows(); ++r) {
    for (int c = 0; c < matrix.cols(); ++c) {
      if (!std::isfinite(matrix.scores(r, c))) {
        return absl::InvalidArgumentError(
            absl::StrCat("scores[", r, "][", c, "]: not a finite number"));
      }
    }
  }
  return absl::OkStatus();
}

// LockRows: step 2, each locked row's column, and the seats left.
void LockRows(const std::vector<MatchPair>& locked, MatchProblem& problem,
              std::vector<int>& room) {
  for (const MatchPair& p : locked) {
    problem.locked_col[Idx(p.row)] = p.col;
    --room[Idx(p.col)];
  }
}

// FillAssignment: step 3, the policy scores and every forbidden pair.
void FillAssignment(const ScoreMatrix& matrix, MatchProblem& problem) {
  AssignmentProblem& a = problem.assignment;
  const int cols = a.cols;
  a.scores.resize(Idx(a.rows) * Idx(cols));
  a.forbidden.resize(a.scores.size());
  for (int r = 0; r < a.rows; ++r) {
    const bool row_locked = problem.locked_col[Idx(r)] >= 0;
    for (int c = 0; c < cols; ++c) {
      const std::size_t i = At(r, c, cols);
      a.scores[i] = matrix.scores(r, c);
      a.forbidden[i] = static_cast<std::uint8_t>(
          row_locked || !matrix.allowed(r, c) || problem.excluded[i] != 0);
    }
  }
}

// AddContinuityBonus: step 5.
void AddContinuityBonus(const ScoreMatrix& matrix,
                        const std::vector<PreviousPair>& previous, double bonus,
                        MatchProblem& problem) {
  for (const PreviousPair& p : previous) {
    if (p.row < 0 || p.col < 0) continue;
    if (!MeetsMinScore(problem.solver_options, matrix.scores(p.row, p.col))) {
      continue;  // unusable either way; the bonus must not lift it
    }
    problem.assignment.scores[At(p.row, p.col, matrix.cols())] += bonus;
  }
}

}  // namespace

std::vector<PairIssue> CheckMatchPairs(const ScoreMatrix& matrix,
                                       const std::vector<int>& capacity,
                                       const MatchPairs& pairs) {
  std::vector<PairIssue> issues;
  const int rows = matrix.rows();
  const int cols = matrix.cols();
  CheckIndices(pairs.locked,
               {.list = PairList::kLocked, .one_per_mentee = true}, rows, cols,
               issues);
  CheckIndices(pairs.forbidden, {.list = PairList::kForbidden}, rows, cols,
               issues);
  CheckIndices(pairs.previous,
               {.list = PairList::kPrevious,
                .one_per_mentee = true,
                .departed_ok = true},
               rows, cols, issues);
  if (issues.empty()) CheckLocks(matrix, capacity, pairs, issues);
  return issues;
}

absl::StatusOr<MatchProblem> BuildMatchProblem(const ScoreMatrix& matrix,
                                               const std::vector<int>& capacity,
                                               const MatchPairs& pairs,
                                               const MatchOptions& options) {
  if (absl::Status status = ValidateMatchOptions(options); !status.ok()) {
    return status;
  }
  if (absl::Status status = ValidateShape(matrix, capacity); !status.ok()) {
    return status;
  }
  if (const std::size_t n = CheckMatchPairs(matrix, capacity, pairs).size();
      n > 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("pair lists: ", n, " problems (see CheckMatchPairs)"));
  }
  const int rows = matrix.rows();
  const int cols = matrix.cols();
  MatchProblem problem;
  problem.capacity = capacity;
  problem.excluded.assign(Idx(rows) * Idx(cols), 0);
  for (const MatchPair& p : pairs.forbidden) {
    problem.excluded[At(p.row, p.col, cols)] = 1;
  }
  problem.locked_col.assign(Idx(rows), -1);
  std::vector<int> room = capacity;
  LockRows(pairs.locked, problem, room);
  problem.assignment.rows = rows;
  problem.assignment.cols = cols;
  problem.assignment.capacity = std::move(room);
  if (options.objective == MatchObjective::kMaxScore) {
    problem.solver_options.objective = AssignmentObjective::kMaxScore;
    problem.solver_options.min_score = options.min_score;
  }
  FillAssignment(matrix, problem);
  AddContinuityBonus(matrix, pairs.previous, options.continuity_bonus, problem);
  return problem;
}

}  // namespace sopu
