// Maximum-cardinality capacitated bipartite matching (private to
// engine/assignment): the first stage of the lexicographic objective and the
// cardinality half of its certificate.
#ifndef SOPU_ENGINE_ASSIGNMENT_SAP_CARDINALITY_H_
#define SOPU_ENGINE_ASSIGNMENT_SAP_CARDINALITY_H_

#include <cstdint>
#include <vector>

namespace sopu::assignment_internal {

// AllowedGraph: row-major rows x cols, allowed[i * cols + j] != 0 when the
// pair may be used. Not owned.
struct AllowedGraph {
  int rows = 0;
  int cols = 0;
  const std::uint8_t* allowed = nullptr;
  const int* capacity = nullptr;

  [[nodiscard]] bool edge(int i, int j) const {
    return allowed[static_cast<std::size_t>(i) * cols + j] != 0;
  }
};

// MaxCardinality: the largest number of rows that can be matched (each
// column j at most capacity[j] times). Greedy start, then one alternating
// breadth-first search per unmatched row (Kuhn); a row without an augmenting
// path never gets one later (Berge), so each row is searched once.
// O(R (R C)) time worst case, O(R + C) memory beyond the graph.
[[nodiscard]] int MaxCardinality(const AllowedGraph& graph);

// HasAugmentingPath: whether `col_of_row` (-1 = unmatched) can be enlarged:
// one multi-source alternating search from all unmatched rows; false proves
// the matching has maximum cardinality (Berge). O(R C).
[[nodiscard]] bool HasAugmentingPath(const AllowedGraph& graph,
                                     const std::vector<int>& col_of_row);

}  // namespace sopu::assignment_internal

#endif  // SOPU_ENGINE_ASSIGNMENT_SAP_CARDINALITY_H_
