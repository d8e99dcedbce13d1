// Index helpers: the engine keeps element, row and group numbers as `int`
// (they fit, and signed loops read better) and indexes vectors with
// std::size_t. These are the only conversions between the two.
#ifndef SOPU_ENGINE_COMMON_INDEX_H_
#define SOPU_ENGINE_COMMON_INDEX_H_

#include <cstddef>

namespace sopu {

// Idx: a non-negative int as a vector index.
[[nodiscard]] constexpr std::size_t Idx(int k) {
  return static_cast<std::size_t>(k);
}

// At: the index of (row, col) in a row-major matrix with `cols` columns.
[[nodiscard]] constexpr std::size_t At(int row, int col, int cols) {
  return static_cast<std::size_t>(row) * static_cast<std::size_t>(cols) +
         static_cast<std::size_t>(col);
}

}  // namespace sopu

#endif  // SOPU_ENGINE_COMMON_INDEX_H_
