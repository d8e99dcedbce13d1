#include "engine/assignment/sap_cardinality.h"

#include <cstddef>
#include <vector>

namespace sopu::assignment_internal {
namespace {

// Matching: rows of each column, and the column of each row.
struct Matching {
  std::vector<int> col_of_row;
  std::vector<std::vector<int>> rows_of_col;
};

}  // namespace

// MaxCardinality stays one function: the greedy start, the per-row
// breadth-first search and the path flip share the matching, the stamps and
// the queue, and the search is the O(R (R C)) inner loop of every match.
// NOLINTNEXTLINE(readability-function-cognitive-complexity): hot BFS loop.
int MaxCardinality(const AllowedGraph& graph) {
  const auto rows = static_cast<std::size_t>(graph.rows);
  const auto cols = static_cast<std::size_t>(graph.cols);
  Matching m{std::vector<int>(rows, -1), std::vector<std::vector<int>>(cols)};
  int matched = 0;
  auto room = [&](int j) {
    return static_cast<int>(m.rows_of_col[static_cast<std::size_t>(j)].size()) <
           graph.capacity[j];
  };
  for (int i = 0; i < graph.rows; ++i) {
    for (int j = 0; j < graph.cols; ++j) {
      if (graph.edge(i, j) && room(j)) {
        m.col_of_row[static_cast<std::size_t>(i)] = j;
        m.rows_of_col[static_cast<std::size_t>(j)].push_back(i);
        ++matched;
        break;
      }
    }
  }
  std::vector<int> col_stamp(cols, -1);
  std::vector<int> via_row(cols, -1);  // row from which column was reached
  std::vector<int> queue;
  for (int start = 0; start < graph.rows; ++start) {
    if (m.col_of_row[static_cast<std::size_t>(start)] >= 0) continue;
    queue.assign(1, start);
    int sink = -1;
    for (std::size_t head = 0; head < queue.size() && sink < 0; ++head) {
      const int i = queue[head];
      for (int j = 0; j < graph.cols; ++j) {
        const auto sj = static_cast<std::size_t>(j);
        if (col_stamp[sj] == start || !graph.edge(i, j)) continue;
        col_stamp[sj] = start;
        via_row[sj] = i;
        if (room(j)) {
          sink = j;
          break;
        }
        for (const int r : m.rows_of_col[sj]) queue.push_back(r);
      }
    }
    if (sink < 0) continue;
    for (int j = sink;;) {
      const int i = via_row[static_cast<std::size_t>(j)];
      const int previous = m.col_of_row[static_cast<std::size_t>(i)];
      if (previous >= 0) {
        auto& list = m.rows_of_col[static_cast<std::size_t>(previous)];
        for (auto& r : list) {
          if (r == i) {
            r = list.back();
            break;
          }
        }
        list.pop_back();
      }
      m.col_of_row[static_cast<std::size_t>(i)] = j;
      m.rows_of_col[static_cast<std::size_t>(j)].push_back(i);
      if (i == start) break;
      j = previous;
    }
    ++matched;
  }
  return matched;
}

bool HasAugmentingPath(const AllowedGraph& graph,
                       const std::vector<int>& col_of_row) {
  const auto cols = static_cast<std::size_t>(graph.cols);
  std::vector<std::vector<int>> rows_of_col(cols);
  std::vector<int> queue;
  for (int i = 0; i < graph.rows; ++i) {
    const int j = col_of_row[static_cast<std::size_t>(i)];
    if (j >= 0) {
      rows_of_col[static_cast<std::size_t>(j)].push_back(i);
    } else {
      queue.push_back(i);
    }
  }
  std::vector<bool> seen(cols, false);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const int i = queue[head];
    for (int j = 0; j < graph.cols; ++j) {
      const auto sj = static_cast<std::size_t>(j);
      if (seen[sj] || !graph.edge(i, j)) continue;
      seen[sj] = true;
      if (static_cast<int>(rows_of_col[sj].size()) < graph.capacity[j]) {
        return true;
      }
      for (const int r : rows_of_col[sj]) queue.push_back(r);
    }
  }
  return false;
}

}  // namespace sopu::assignment_internal
