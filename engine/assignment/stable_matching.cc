#include "engine/assignment/stable_matching.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <queue>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace sopu {
namespace {

constexpr std::int64_t kProgressEvery = 4096;

std::size_t Index(int a, int b, int width) {
  return static_cast<std::size_t>(a) * static_cast<std::size_t>(width) +
         static_cast<std::size_t>(b);
}

// ValidateLists checks one side's lists: `count` lists whose entries are
// distinct and in 0..other-1.
absl::Status ValidateLists(const std::vector<std::vector<int>>& lists,
                           int count, int other, const std::string& name) {
  if (lists.size() != static_cast<std::size_t>(count)) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": ", lists.size(), " lists, expected ", count));
  }
  std::vector<int> seen_in(static_cast<std::size_t>(other), -1);
  for (int a = 0; a < count; ++a) {
    const auto& list = lists[static_cast<std::size_t>(a)];
    for (std::size_t k = 0; k < list.size(); ++k) {
      const int b = list[k];
      if (b < 0 || b >= other) {
        return absl::InvalidArgumentError(absl::StrCat(
            name, "[", a, "][", k, "]: ", b, " not in 0..", other - 1));
      }
      if (seen_in[static_cast<std::size_t>(b)] == a) {
        return absl::InvalidArgumentError(
            absl::StrCat(name, "[", a, "][", k, "]: ", b, " listed twice"));
      }
      seen_in[static_cast<std::size_t>(b)] = a;
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateProblem(const StableMatchingProblem& problem) {
  if (problem.mentees < 0 || problem.mentors < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("mentees = ", problem.mentees,
                     ", mentors = ", problem.mentors, ": must be >= 0"));
  }
  if (problem.capacity.size() != static_cast<std::size_t>(problem.mentors)) {
    return absl::InvalidArgumentError(
        absl::StrCat("capacity: ", problem.capacity.size(),
                     " entries, expected ", problem.mentors));
  }
  for (int j = 0; j < problem.mentors; ++j) {
    if (problem.capacity[static_cast<std::size_t>(j)] < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "capacity[", j, "]: ", problem.capacity[static_cast<std::size_t>(j)],
          " is negative"));
    }
  }
  if (absl::Status s = ValidateLists(problem.mentee_prefs, problem.mentees,
                                     problem.mentors, "mentee_prefs");
      !s.ok()) {
    return s;
  }
  return ValidateLists(problem.mentor_prefs, problem.mentors, problem.mentees,
                       "mentor_prefs");
}

// RankTable: rank[owner * width + other] = position of `other` in owner's
// list, or -1 when not listed.
std::vector<int> RankTable(const std::vector<std::vector<int>>& lists,
                           int owners, int width) {
  std::vector<int> rank(Index(owners, 0, width), -1);
  for (int a = 0; a < owners; ++a) {
    const auto& list = lists[static_cast<std::size_t>(a)];
    for (std::size_t k = 0; k < list.size(); ++k) {
      rank[Index(a, list[k], width)] = static_cast<int>(k);
    }
  }
  return rank;
}

// RankBy: the allowed indices 0..count-1 by descending score, ties by the
// lower index.
std::vector<int> RankBy(int count, const std::vector<bool>& allowed,
                        const std::vector<double>& score) {
  std::vector<int> order;
  for (int k = 0; k < count; ++k) {
    if (allowed[static_cast<std::size_t>(k)]) order.push_back(k);
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return score[static_cast<std::size_t>(a)] >
           score[static_cast<std::size_t>(b)];
  });
  return order;
}

// BlockingPairs counts blocking pairs of a valid matching.
std::int64_t BlockingPairs(const StableMatchingProblem& problem,
                           const std::vector<int>& mentor_rank,
                           const std::vector<int>& mentor_of) {
  const int mentees = problem.mentees;
  std::vector<int> assigned(static_cast<std::size_t>(problem.mentors), 0);
  // worst[j]: the largest rank (least preferred) among j's mentees.
  std::vector<int> worst(static_cast<std::size_t>(problem.mentors), -1);
  for (int i = 0; i < mentees; ++i) {
    const int j = mentor_of[static_cast<std::size_t>(i)];
    if (j < 0) continue;
    ++assigned[static_cast<std::size_t>(j)];
    worst[static_cast<std::size_t>(j)] = std::max(
        worst[static_cast<std::size_t>(j)], mentor_rank[Index(j, i, mentees)]);
  }
  std::int64_t blocking = 0;
  for (int i = 0; i < mentees; ++i) {
    const int current = mentor_of[static_cast<std::size_t>(i)];
    // Mentors i prefers to its current one: those listed before it, or the
    // whole list when unmatched.
    for (const int j : problem.mentee_prefs[static_cast<std::size_t>(i)]) {
      if (j == current) break;
      const int rank = mentor_rank[Index(j, i, mentees)];
      if (rank < 0) continue;  // j does not accept i
      const auto sj = static_cast<std::size_t>(j);
      const bool free_seat = assigned[sj] < problem.capacity[sj];
      if (free_seat || (assigned[sj] > 0 && rank < worst[sj])) ++blocking;
    }
  }
  return blocking;
}

}  // namespace

StableMatchingProblem RankingsFromScores(const AssignmentProblem& problem) {
  StableMatchingProblem ranked;
  ranked.mentees = problem.rows;
  ranked.mentors = problem.cols;
  ranked.capacity = problem.capacity;
  ranked.mentee_prefs.resize(static_cast<std::size_t>(problem.rows));
  ranked.mentor_prefs.resize(static_cast<std::size_t>(problem.cols));
  std::vector<bool> allowed;
  std::vector<double> score;
  for (int i = 0; i < problem.rows; ++i) {
    allowed.assign(static_cast<std::size_t>(problem.cols), false);
    score.assign(static_cast<std::size_t>(problem.cols), 0.0);
    for (int j = 0; j < problem.cols; ++j) {
      allowed[static_cast<std::size_t>(j)] = problem.allowed(i, j);
      score[static_cast<std::size_t>(j)] = problem.score(i, j);
    }
    ranked.mentee_prefs[static_cast<std::size_t>(i)] =
        RankBy(problem.cols, allowed, score);
  }
  for (int j = 0; j < problem.cols; ++j) {
    allowed.assign(static_cast<std::size_t>(problem.rows), false);
    score.assign(static_cast<std::size_t>(problem.rows), 0.0);
    for (int i = 0; i < problem.rows; ++i) {
      allowed[static_cast<std::size_t>(i)] = problem.allowed(i, j);
      score[static_cast<std::size_t>(i)] = problem.score(i, j);
    }
    ranked.mentor_prefs[static_cast<std::size_t>(j)] =
        RankBy(problem.rows, allowed, score);
  }
  return ranked;
}

absl::StatusOr<StableMatchingProblem> RankingsFromScoresAndWishes(
    const AssignmentProblem& problem,
    const std::vector<std::vector<int>>& wishes) {
  if (!wishes.empty() &&
      wishes.size() != static_cast<std::size_t>(problem.rows)) {
    return absl::InvalidArgumentError(
        absl::StrCat("wishes: ", wishes.size(), " lists, expected ",
                     problem.rows, " (one per mentee) or none"));
  }
  if (!wishes.empty()) {
    if (absl::Status s =
            ValidateLists(wishes, problem.rows, problem.cols, "wishes");
        !s.ok()) {
      return s;
    }
  }
  StableMatchingProblem ranked = RankingsFromScores(problem);
  for (std::size_t i = 0; i < wishes.size(); ++i) {
    std::vector<int> list;
    for (const int j : wishes[i]) {
      if (problem.allowed(static_cast<int>(i), j)) list.push_back(j);
    }
    // A list that names only forbidden mentors (or none) keeps the score
    // ranking, as an absent list does: the mentee still gets a mentor.
    if (!list.empty()) ranked.mentee_prefs[i] = std::move(list);
  }
  return ranked;
}

absl::StatusOr<StableMatchingResult> SolveStableMatching(
    const StableMatchingProblem& problem, const CallContext& context) {
  if (absl::Status s = ValidateProblem(problem); !s.ok()) return s;
  const int mentees = problem.mentees;
  const std::vector<int> mentor_rank =
      RankTable(problem.mentor_prefs, problem.mentors, mentees);

  std::int64_t total_length = 0;
  for (const auto& list : problem.mentee_prefs) {
    total_length += static_cast<std::int64_t>(list.size());
  }

  StableMatchingResult result;
  result.mentor_of.assign(static_cast<std::size_t>(mentees), -1);
  // next[i]: position in mentee i's list of its next proposal.
  std::vector<std::size_t> next(static_cast<std::size_t>(mentees), 0);
  // held[j]: a max-heap of (rank, mentee) over j's tentatively accepted
  // mentees; the top is the least preferred.
  std::vector<std::priority_queue<std::pair<int, int>>> held(
      static_cast<std::size_t>(problem.mentors));
  // Free mentees, lowest index proposing first.
  std::vector<int> free_mentees;
  for (int i = mentees - 1; i >= 0; --i) free_mentees.push_back(i);

  while (!free_mentees.empty()) {
    const int i = free_mentees.back();
    const auto si = static_cast<std::size_t>(i);
    const auto& list = problem.mentee_prefs[si];
    if (next[si] >= list.size()) {  // list exhausted: stays unmatched
      free_mentees.pop_back();
      continue;
    }
    const int j = list[next[si]++];
    const auto sj = static_cast<std::size_t>(j);
    ++result.proposals;
    if (result.proposals % kProgressEvery == 1) {  // the 1st, 4097th, ...
      if (context.cancelled()) {
        StableMatchingResult cancelled;
        cancelled.status = StableMatchingStatus::kCancelled;
        cancelled.proposals = result.proposals;
        return cancelled;
      }
      if (context.progress) {
        context.progress(Progress{result.proposals, total_length, 0.0});
      }
    }
    const int rank = mentor_rank[Index(j, i, mentees)];
    if (rank < 0 || problem.capacity[sj] == 0) continue;  // rejected
    auto& heap = held[sj];
    if (static_cast<int>(heap.size()) < problem.capacity[sj]) {
      heap.emplace(rank, i);
      result.mentor_of[si] = j;
      free_mentees.pop_back();
    } else if (rank < heap.top().first) {
      const int evicted = heap.top().second;
      heap.pop();
      heap.emplace(rank, i);
      result.mentor_of[si] = j;
      result.mentor_of[static_cast<std::size_t>(evicted)] = -1;
      free_mentees.back() = evicted;
    }
    // Otherwise rejected: i stays free and proposes again.
  }
  for (const int j : result.mentor_of) result.matched += j >= 0 ? 1 : 0;
  result.blocking_pairs = BlockingPairs(problem, mentor_rank, result.mentor_of);
  return result;
}

absl::StatusOr<std::int64_t> CountBlockingPairs(
    const StableMatchingProblem& problem, const std::vector<int>& mentor_of) {
  if (absl::Status s = ValidateProblem(problem); !s.ok()) return s;
  if (mentor_of.size() != static_cast<std::size_t>(problem.mentees)) {
    return absl::InvalidArgumentError(
        absl::StrCat("mentor_of: ", mentor_of.size(), " entries, expected ",
                     problem.mentees));
  }
  const std::vector<int> mentor_rank =
      RankTable(problem.mentor_prefs, problem.mentors, problem.mentees);
  std::vector<int> assigned(static_cast<std::size_t>(problem.mentors), 0);
  for (int i = 0; i < problem.mentees; ++i) {
    const int j = mentor_of[static_cast<std::size_t>(i)];
    if (j == -1) continue;
    if (j < -1 || j >= problem.mentors) {
      return absl::InvalidArgumentError(absl::StrCat(
          "mentor_of[", i, "]: ", j, " not in -1..", problem.mentors - 1));
    }
    const auto& list = problem.mentee_prefs[static_cast<std::size_t>(i)];
    if (std::find(list.begin(), list.end(), j) == list.end() ||
        mentor_rank[Index(j, i, problem.mentees)] < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("mentor_of[", i, "]: mentee ", i, " and mentor ", j,
                       " are not mutually acceptable"));
    }
    if (++assigned[static_cast<std::size_t>(j)] >
        problem.capacity[static_cast<std::size_t>(j)]) {
      return absl::InvalidArgumentError(
          absl::StrCat("mentor_of: mentor ", j, " exceeds capacity ",
                       problem.capacity[static_cast<std::size_t>(j)]));
    }
  }
  return BlockingPairs(problem, mentor_rank, mentor_of);
}

AssignmentSolution ScoreMatching(const AssignmentProblem& problem,
                                 const std::vector<int>& mentor_of) {
  AssignmentSolution solution;
  solution.mentor_of = mentor_of;
  for (int i = 0; i < static_cast<int>(mentor_of.size()); ++i) {
    const int j = mentor_of[static_cast<std::size_t>(i)];
    if (j < 0) continue;
    ++solution.matched;
    solution.total += problem.score(i, j);
  }
  return solution;
}

}  // namespace sopu
