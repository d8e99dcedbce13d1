#include "engine/scoring/top_k.h"

#include <algorithm>

namespace sopu {
namespace {

// Better is the strict order of the ranking: higher score, then lower column.
bool Better(const RankedColumn& a, const RankedColumn& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.col < b.col;
}

}  // namespace

std::vector<std::vector<RankedColumn>> TopKPerRow(const ScoreMatrix& matrix,
                                                  int k) {
  const int rows = matrix.rows();
  const int cols = matrix.cols();
  const auto limit = static_cast<std::size_t>(std::max(1, k));
  std::vector<std::vector<RankedColumn>> result(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    // A heap whose top is the worst kept entry.
    std::vector<RankedColumn>& heap = result[static_cast<std::size_t>(r)];
    heap.reserve(limit);
    for (int c = 0; c < cols; ++c) {
      if (!matrix.allowed(r, c)) continue;
      RankedColumn entry{c, matrix.scores(r, c)};
      if (heap.size() < limit) {
        heap.push_back(entry);
        std::push_heap(heap.begin(), heap.end(), Better);
      } else if (Better(entry, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), Better);
        heap.back() = entry;
        std::push_heap(heap.begin(), heap.end(), Better);
      }
    }
    std::sort_heap(heap.begin(), heap.end(), Better);
  }
  return result;
}

int AllowedCount(const ScoreMatrix& matrix, int row) {
  int count = 0;
  for (int c = 0; c < matrix.cols(); ++c)
    count += matrix.allowed(row, c) ? 1 : 0;
  return count;
}

}  // namespace sopu
