#include "engine/assignment/bipartite_matching.h"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace sopu {
namespace {

std::size_t Index(std::int64_t i) { return static_cast<std::size_t>(i); }

}  // namespace

CapacitatedBipartiteMatching::CapacitatedBipartiteMatching(
    std::vector<int> capacity, std::vector<std::int64_t> offsets,
    std::vector<std::int32_t> adjacency)
    : capacity_(std::move(capacity)),
      offsets_(std::move(offsets)),
      adjacency_(std::move(adjacency)) {
  if (offsets_.empty()) offsets_.push_back(0);
  left_ = static_cast<int>(offsets_.size()) - 1;
  assert(offsets_.front() == 0);
  assert(offsets_.back() == static_cast<std::int64_t>(adjacency_.size()));
  const auto left = Index(left_);
  const std::size_t right = capacity_.size();
  active_.resize(left);
  for (std::size_t u = 0; u < left; ++u) {
    assert(offsets_[u] <= offsets_[u + 1]);
    active_[u] = static_cast<int>(offsets_[u + 1] - offsets_[u]);
  }
  // Right vertex v never holds more than min(c_v, in-degree(v)) left
  // vertices, so its slots need no more room than that.
  std::vector<std::int64_t> in_degree(right, 0);
  for (const std::int32_t v : adjacency_) {
    assert(v >= 0 && Index(v) < right);
    ++in_degree[Index(v)];
  }
  slot_begin_.assign(right + 1, 0);
  for (std::size_t v = 0; v < right; ++v) {
    slot_begin_[v + 1] =
        slot_begin_[v] +
        std::min<std::int64_t>(std::max(capacity_[v], 0), in_degree[v]);
  }
  slots_.assign(Index(slot_begin_[right]), -1);
  mate_pos_.assign(left, -1);
  slot_of_.assign(left, -1);
  load_.assign(right, 0);
  layer_.assign(left, kUnreached);
  right_layer_.assign(right, kUnreached);
  next_edge_.assign(left, 0);
  next_slot_.assign(right, 0);
  queue_.reserve(left);
}

int CapacitatedBipartiteMatching::mate(int u) const {
  const int position = mate_pos_[Index(u)];
  return position < 0 ? -1 : RightOf(u, position);
}

void CapacitatedBipartiteMatching::Clear() {
  std::fill(mate_pos_.begin(), mate_pos_.end(), -1);
  std::fill(slot_of_.begin(), slot_of_.end(), -1);
  std::fill(load_.begin(), load_.end(), 0);
  matched_ = 0;
}

void CapacitatedBipartiteMatching::Append(int u, int position) {
  const auto v = Index(RightOf(u, position));
  assert(load_[v] < capacity_[v]);
  const std::int64_t slot = slot_begin_[v] + load_[v];
  slots_[Index(slot)] = u;
  slot_of_[Index(u)] = slot;
  ++load_[v];
  mate_pos_[Index(u)] = position;
  ++matched_;
}

void CapacitatedBipartiteMatching::Detach(int u) {
  const auto v = Index(mate(u));
  const std::int64_t slot = slot_of_[Index(u)];
  const std::int64_t last = slot_begin_[v] + load_[v] - 1;
  const int moved = slots_[Index(last)];
  slots_[Index(slot)] = moved;
  slot_of_[Index(moved)] = slot;
  slots_[Index(last)] = -1;
  --load_[v];
  slot_of_[Index(u)] = -1;
  mate_pos_[Index(u)] = -1;
  --matched_;
}

void CapacitatedBipartiteMatching::SetActive(const std::vector<int>& active) {
  assert(active.size() == Index(left_));
  for (int u = 0; u < left_; ++u) {
    const int a = active[Index(u)];
    assert(a >= 0 && a <= offsets_[Index(u) + 1] - offsets_[Index(u)]);
    active_[Index(u)] = a;
    if (mate_pos_[Index(u)] >= a) Detach(u);
  }
}

void CapacitatedBipartiteMatching::SetMatching(
    const std::vector<int>& positions) {
  assert(positions.size() == Index(left_));
  Clear();
  for (int u = 0; u < left_; ++u) {
    const int position = positions[Index(u)];
    if (position < 0 || position >= active_[Index(u)]) continue;
    const auto v = Index(RightOf(u, position));
    if (load_[v] < capacity_[v]) Append(u, position);
  }
}

void CapacitatedBipartiteMatching::Greedy() {
  for (int u = 0; u < left_; ++u) {
    if (mate_pos_[Index(u)] >= 0) continue;
    const int active = active_[Index(u)];
    for (int e = 0; e < active; ++e) {
      const auto v = Index(RightOf(u, e));
      if (load_[v] < capacity_[v]) {
        Append(u, e);
        break;
      }
    }
  }
}

int CapacitatedBipartiteMatching::Bfs() {
  std::fill(layer_.begin(), layer_.end(), kUnreached);
  std::fill(right_layer_.begin(), right_layer_.end(), kUnreached);
  queue_.clear();
  for (int u = 0; u < left_; ++u) {
    if (mate_pos_[Index(u)] < 0 && active_[Index(u)] > 0) {
      layer_[Index(u)] = 0;
      queue_.push_back(u);
    }
  }
  roots_ = static_cast<int>(queue_.size());
  int limit = kUnreached;
  for (std::size_t head = 0; head < queue_.size(); ++head) {
    const int u = queue_[head];
    const int d = layer_[Index(u)];
    // Paths through layer d would be longer than the shortest found.
    if (d + 1 >= limit) break;
    const int active = active_[Index(u)];
    const int own = mate_pos_[Index(u)];
    for (int e = 0; e < active; ++e) {
      if (e == own) continue;
      const auto v = Index(RightOf(u, e));
      if (right_layer_[v] != kUnreached) continue;
      right_layer_[v] = d;
      if (load_[v] < capacity_[v]) {
        limit = std::min(limit, d + 1);
        continue;
      }
      const std::int64_t end = slot_begin_[v] + load_[v];
      for (std::int64_t s = slot_begin_[v]; s < end; ++s) {
        const auto w = Index(slots_[Index(s)]);
        if (layer_[w] == kUnreached) {
          layer_[w] = d + 1;
          queue_.push_back(static_cast<int>(w));
        }
      }
    }
  }
  return limit;
}

// Augment stays one function: it is the phase's depth-first search, run for
// every free left vertex in every phase; its explicit stack (path_,
// path_slot_) and resumable cursors (next_edge_, next_slot_) are shared by the
// descend, dead-end and path-flip steps, so helpers would only pass them back
// and forth in the innermost loop.
// NOLINTNEXTLINE(readability-function-cognitive-complexity): hot DFS loop.
bool CapacitatedBipartiteMatching::Augment(int root, int limit) {
  path_.clear();
  path_slot_.clear();
  path_.push_back(root);
  while (!path_.empty()) {
    const int u = path_.back();
    const int d = layer_[Index(u)];
    const int active = active_[Index(u)];
    const int own = mate_pos_[Index(u)];
    int& e = next_edge_[Index(u)];
    bool descended = false;
    for (; e < active && !descended; ++e) {
      if (e == own) continue;
      const auto v = Index(RightOf(u, e));
      if (load_[v] < capacity_[v]) {
        if (d + 1 != limit) continue;
        // An augmenting path root .. u -> v: each left vertex on it moves to
        // the right vertex it reached, the deepest one into a new slot of v,
        // every other one into the slot its successor leaves.
        const int end_position = e;
        for (std::size_t k = path_.size(); k-- > 0;) {
          const int x = path_[k];
          if (k + 1 == path_.size()) {
            // Its old slot (if any) goes to its predecessor; Append counts
            // the one new matched left vertex, the root.
            Append(x, end_position);
          } else {
            const std::int64_t slot = path_slot_[k];
            slots_[Index(slot)] = x;
            slot_of_[Index(x)] = slot;
            mate_pos_[Index(x)] = next_edge_[Index(x)];
          }
        }
        ++e;
        return true;
      }
      // A full v: go on to a left vertex matched to v one layer deeper, when
      // the path can still end within the limit.
      if (d + 2 > limit || right_layer_[v] != d) continue;
      const std::int64_t end = slot_begin_[v] + load_[v];
      int& s = next_slot_[v];
      for (; slot_begin_[v] + s < end; ++s) {
        const std::int64_t slot = slot_begin_[v] + s;
        const int w = slots_[Index(slot)];
        if (layer_[Index(w)] == d + 1) {
          path_slot_.push_back(slot);
          path_.push_back(w);
          descended = true;
          break;
        }
      }
      if (descended) break;
    }
    if (descended) continue;
    // Dead end: u cannot reach the limit layer any more in this phase.
    layer_[Index(u)] = kUnreached;
    path_.pop_back();
    if (!path_slot_.empty()) path_slot_.pop_back();
  }
  return false;
}

int CapacitatedBipartiteMatching::Maximize(int target) {
  if (matched_ >= target) return matched_;
  Greedy();
  while (matched_ < target) {
    const int limit = Bfs();
    if (limit == kUnreached) break;
    std::fill(next_edge_.begin(), next_edge_.end(), 0);
    std::fill(next_slot_.begin(), next_slot_.end(), 0);
    for (int k = 0; k < roots_ && matched_ < target; ++k) {
      const int root = queue_[Index(k)];
      if (layer_[Index(root)] == 0) Augment(root, limit);
    }
  }
  return matched_;
}

bool CapacitatedBipartiteMatching::IsValid() const {
  if (mate_pos_.size() != Index(left_) || load_.size() != capacity_.size()) {
    return false;
  }
  std::vector<int> count(capacity_.size(), 0);
  int matched = 0;
  for (int u = 0; u < left_; ++u) {
    const int position = mate_pos_[Index(u)];
    if (position < 0) continue;
    if (position >= active_[Index(u)]) return false;
    const auto v = Index(RightOf(u, position));
    ++count[v];
    ++matched;
    const std::int64_t slot = slot_of_[Index(u)];
    if (slot < slot_begin_[v] || slot >= slot_begin_[v] + load_[v] ||
        slots_[Index(slot)] != u) {
      return false;
    }
  }
  for (std::size_t v = 0; v < capacity_.size(); ++v) {
    if (count[v] != load_[v] || load_[v] > capacity_[v]) return false;
  }
  return matched == matched_;
}

}  // namespace sopu
