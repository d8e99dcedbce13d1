#include "engine/groups/group_problem.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/strings/str_cat.h"

namespace sopu {
namespace {

absl::Status Invalid(const std::string& message) {
  return absl::InvalidArgumentError(message);
}

absl::Status ValidatePairs(const std::vector<std::pair<int, int>>& pairs,
                           const char* field, int n) {
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const auto [a, b] = pairs[k];
    if (a < 0 || a >= n || b < 0 || b >= n || a == b) {
      return Invalid(absl::StrCat(
          field, "[", k, "]: needs two different element ids in 0..", n - 1));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateCategoryRule(const CategoryRule& rule, std::size_t index,
                                  int n) {
  const std::string field = absl::StrCat("category_rules[", index, "]");
  if (rule.value_of.size() != static_cast<std::size_t>(n)) {
    return Invalid(absl::StrCat(field, ".value_of: has ", rule.value_of.size(),
                                " entries, expected ", n));
  }
  const std::size_t values = rule.max_per_group.size();
  if (rule.no_isolated.size() != values) {
    return Invalid(absl::StrCat(field, ".no_isolated: has ",
                                rule.no_isolated.size(), " entries, expected ",
                                values));
  }
  for (int i = 0; i < n; ++i) {
    const int v = rule.value_of[static_cast<std::size_t>(i)];
    if (v < -1 || v >= static_cast<int>(values)) {
      return Invalid(absl::StrCat(field, ".value_of[", i, "]: ", v,
                                  " is not -1 or a value index below ",
                                  values));
    }
  }
  for (std::size_t v = 0; v < values; ++v) {
    if (rule.max_per_group[v] < 1) {
      return Invalid(
          absl::StrCat(field, ".max_per_group[", v, "]: must be >= 1"));
    }
  }
  return absl::OkStatus();
}

// ValidateAffinity: n x n entries, finite and symmetric.
absl::Status ValidateAffinity(const GroupProblem& problem) {
  const int n = problem.elements;
  const std::size_t cells =
      static_cast<std::size_t>(n) * static_cast<std::size_t>(n);
  if (problem.affinity.size() != cells) {
    return Invalid(absl::StrCat("affinity: has ", problem.affinity.size(),
                                " entries, expected ", cells));
  }
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const double a = problem.d(i, j);
      if (!std::isfinite(a)) {
        return Invalid(
            absl::StrCat("affinity[", i, "][", j, "]: is not finite"));
      }
      if (a != problem.d(j, i)) {
        return Invalid(absl::StrCat("affinity[", i, "][", j,
                                    "]: differs from affinity[", j, "][", i,
                                    "]"));
      }
    }
  }
  return absl::OkStatus();
}

// ValidateBounds: each group's bounds, and their sums can hold n elements.
absl::Status ValidateBounds(const GroupProblem& problem) {
  const int n = problem.elements;
  if (problem.groups.empty() && n > 0) {
    return Invalid("groups: needs at least one group");
  }
  std::int64_t total_min = 0;
  std::int64_t total_max = 0;
  for (std::size_t g = 0; g < problem.groups.size(); ++g) {
    const GroupBounds& b = problem.groups[g];
    if (b.min_size < 0 || b.max_size < b.min_size) {
      return Invalid(
          absl::StrCat("groups[", g, "]: needs 0 <= min_size <= max_size"));
    }
    total_min += b.min_size;
    total_max += b.max_size;
  }
  if (total_min > n || total_max < n) {
    return Invalid(absl::StrCat("groups: sizes ", total_min, "..", total_max,
                                " in total cannot hold ", n, " elements"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateGroupProblem(const GroupProblem& problem) {
  const int n = problem.elements;
  if (n < 0) return Invalid("elements: must be >= 0");
  if (absl::Status s = ValidateAffinity(problem); !s.ok()) return s;
  if (absl::Status s = ValidateBounds(problem); !s.ok()) return s;
  if (absl::Status s = ValidatePairs(problem.apart, "apart", n); !s.ok()) {
    return s;
  }
  if (absl::Status s = ValidatePairs(problem.together, "together", n);
      !s.ok()) {
    return s;
  }
  for (std::size_t r = 0; r < problem.category_rules.size(); ++r) {
    if (absl::Status s = ValidateCategoryRule(problem.category_rules[r], r, n);
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

bool IsWithinBounds(const GroupProblem& problem,
                    std::span<const int> group_of) {
  const int m = problem.group_count();
  if (group_of.size() != static_cast<std::size_t>(problem.elements)) {
    return false;
  }
  std::vector<int> size(static_cast<std::size_t>(m), 0);
  for (const int g : group_of) {
    if (g < 0 || g >= m) return false;
    ++size[static_cast<std::size_t>(g)];
  }
  for (int g = 0; g < m; ++g) {
    const GroupBounds& b = problem.groups[static_cast<std::size_t>(g)];
    const int s = size[static_cast<std::size_t>(g)];
    if (s < b.min_size || s > b.max_size) return false;
  }
  return true;
}

GroupingScore EvaluateGrouping(const GroupProblem& problem,
                               std::span<const int> group_of) {
  GroupingScore score;
  const int n = problem.elements;
  for (int i = 0; i < n; ++i) {
    const int g = group_of[static_cast<std::size_t>(i)];
    for (int j = i + 1; j < n; ++j) {
      if (group_of[static_cast<std::size_t>(j)] == g) {
        score.objective += problem.d(i, j);
      }
    }
  }
  const auto same = [&](std::pair<int, int> p) {
    return group_of[static_cast<std::size_t>(p.first)] ==
           group_of[static_cast<std::size_t>(p.second)];
  };
  score.violations += static_cast<int>(
      std::count_if(problem.apart.begin(), problem.apart.end(), same));
  score.violations += static_cast<int>(std::count_if(
      problem.together.begin(), problem.together.end(), std::not_fn(same)));
  const std::size_t m = problem.groups.size();
  for (const CategoryRule& rule : problem.category_rules) {
    const std::size_t values = rule.max_per_group.size();
    std::vector<int> count(m * values, 0);
    for (int i = 0; i < n; ++i) {
      const int v = rule.value_of[static_cast<std::size_t>(i)];
      if (v < 0) continue;
      ++count[static_cast<std::size_t>(group_of[static_cast<std::size_t>(i)]) *
                  values +
              static_cast<std::size_t>(v)];
    }
    for (std::size_t g = 0; g < m; ++g) {
      for (std::size_t v = 0; v < values; ++v) {
        const int c = count[g * values + v];
        score.violations += std::max(0, c - rule.max_per_group[v]);
        if (rule.no_isolated[v] != 0 && c == 1) ++score.violations;
      }
    }
  }
  return score;
}

double GroupObjectiveUpperBound(const GroupProblem& problem) {
  const int n = problem.elements;
  int b_max = 0;
  for (const GroupBounds& b : problem.groups) {
    b_max = std::max(b_max, b.max_size);
  }
  const int partners = std::max(0, std::min(b_max - 1, n - 1));
  double bound = 0.0;
  std::vector<double> row;
  row.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    row.clear();
    for (int j = 0; j < n; ++j) {
      if (j != i && problem.d(i, j) > 0.0) row.push_back(problem.d(i, j));
    }
    const auto take = std::min(static_cast<std::size_t>(partners), row.size());
    std::partial_sort(row.begin(),
                      row.begin() + static_cast<std::ptrdiff_t>(take),
                      row.end(), std::greater<>());
    for (std::size_t k = 0; k < take; ++k) bound += 0.5 * row[k];
  }
  return bound;
}

}  // namespace sopu
