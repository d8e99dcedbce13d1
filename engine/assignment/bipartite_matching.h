// CapacitatedBipartiteMatching: maximum-cardinality matching of unit left
// vertices to capacitated right vertices on a compact (CSR) adjacency — the
// feasibility test of SolveFairAssignment's threshold search.
//
// Problem: left vertices u = 0..L-1 (mentees, each matched at most once),
// right vertices v = 0..C-1 (mentors, v matched at most c_v >= 0 times).
// Left u lists its neighbours adj(u) = (adj(u)[0], ..., adj(u)[deg(u) - 1])
// and may use only the first active(u) of them, its active prefix; the caller
// orders each list so that shrinking a prefix removes exactly the pairs it no
// longer wants (SolveFairAssignment sorts by decreasing score, so the pairs
// scoring >= t are a prefix). Find a largest set of active pairs respecting
// both kinds of capacity.
//
// Algorithm: Hopcroft & Karp, "An n^5/2 algorithm for maximum matchings in
// bipartite graphs", SIAM J. Comput. 2(4), 1973, generalised to right
// capacities — i.e. Dinic's blocking-flow algorithm on the unit-left network
// source -> u (1) -> v (1 per active pair) -> sink (c_v), without building
// it. Each phase runs a breadth-first search from the free left vertices (a
// right vertex with spare capacity ends a path, a full one leads on to the
// left vertices matched to it) and then a depth-first search with
// current-arc pointers that augments along a maximal set of shortest paths,
// disjoint in their left vertices. A greedy pass seeds each Maximize.
//
// Complexity: Maximize is O(sqrt(L) (E + L + C)) time, E = sum of the active
// prefixes. One phase is O(E + L + C): every adjacency entry and every
// matched slot is scanned once thanks to the current-arc pointers. After
// sqrt(L) phases every augmenting path visits more than sqrt(L) left
// vertices; the augmenting paths of the rest of a maximum flow are disjoint
// in left vertices (they carry one unit each), so fewer than sqrt(L) + 1
// further phases remain. Memory: 4 bytes per adjacency entry (int32 right
// vertex), 8 bytes per left vertex for the row offsets, and O(L + C + S)
// int32 working arrays, S = sum_v min(c_v, in-degree(v)) <= E.
//
// Invariants (between calls; IsValid checks them): only active pairs are
// matched, each left vertex at most once and right vertex v at most c_v
// times; matched() counts the matched left vertices, and v's slots list
// exactly the left vertices matched to v.
//
// Warm start: the matching persists across calls. SetActive drops only the
// matched pairs that leave their prefix, so the next Maximize augments from
// what remains; mate_positions() and SetMatching save and restore a
// matching (e.g. the last feasible one of a threshold search).
//
// Preconditions (checked by assert only; the caller builds the graph): the
// offsets start at 0 and do not decrease, adjacency entries lie in 0..C-1
// and no list repeats a right vertex.
//
// Ownership: the object owns its graph arrays (moved in) and working arrays;
// copying is disabled. Determinism: the same calls give the same matching.
//
// Usage:
//   CapacitatedBipartiteMatching m(capacity, offsets, adjacency);
//   const int all = m.Maximize();            // every pair active
//   m.SetActive(prefix_lengths);             // fewer pairs
//   const bool still = m.Maximize(all) == all;
#ifndef SOPU_ENGINE_ASSIGNMENT_BIPARTITE_MATCHING_H_
#define SOPU_ENGINE_ASSIGNMENT_BIPARTITE_MATCHING_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace sopu {

class CapacitatedBipartiteMatching {
 public:
  // --- Set-up ---

  // The graph: capacity[v] >= 0 for each right vertex (C = capacity.size());
  // offsets has L + 1 entries and adj(u) = adjacency[offsets[u] ..
  // offsets[u + 1]). Every prefix starts full; the matching starts empty.
  CapacitatedBipartiteMatching(std::vector<int> capacity,
                               std::vector<std::int64_t> offsets,
                               std::vector<std::int32_t> adjacency);
  CapacitatedBipartiteMatching(const CapacitatedBipartiteMatching&) = delete;
  CapacitatedBipartiteMatching& operator=(const CapacitatedBipartiteMatching&) =
      delete;

  // SetActive: active(u) = active[u] (0..deg(u), L entries); matched pairs
  // outside the new prefixes are dropped. O(L).
  void SetActive(const std::vector<int>& active);

  // SetMatching: replaces the matching by positions[u] (an index into adj(u),
  // or -1 = unmatched; L entries, e.g. from mate_positions()). Pairs outside
  // the current active prefixes are left unmatched; capacities must hold.
  // O(L + C).
  void SetMatching(const std::vector<int>& positions);

  // --- Run ---

  // Maximize: augments until matched() >= target (default: no target, a
  // maximum matching) or no augmenting path is left; returns matched().
  int Maximize(int target = std::numeric_limits<int>::max());

  // --- Query ---

  [[nodiscard]] int left_count() const { return left_; }
  [[nodiscard]] int right_count() const {
    return static_cast<int>(capacity_.size());
  }
  [[nodiscard]] std::int64_t edge_count() const {
    return static_cast<std::int64_t>(adjacency_.size());
  }
  // degree: deg(u); neighbour: adj(u)[k], 0 <= k < deg(u).
  [[nodiscard]] int degree(int u) const {
    return static_cast<int>(offsets_[static_cast<std::size_t>(u) + 1] -
                            offsets_[static_cast<std::size_t>(u)]);
  }
  [[nodiscard]] int neighbour(int u, int k) const { return RightOf(u, k); }
  // active: active(u), the length of u's active prefix.
  [[nodiscard]] int active(int u) const {
    return active_[static_cast<std::size_t>(u)];
  }
  [[nodiscard]] int matched() const { return matched_; }
  // mate: the right vertex matched to u, or -1.
  [[nodiscard]] int mate(int u) const;
  // mate_positions: per left vertex, the index of its mate in adj(u), or -1.
  [[nodiscard]] const std::vector<int>& mate_positions() const {
    return mate_pos_;
  }
  // IsValid: the invariants above hold (a named predicate for tests).
  [[nodiscard]] bool IsValid() const;

 private:
  static constexpr int kUnreached = std::numeric_limits<int>::max();

  [[nodiscard]] int RightOf(int u, int position) const {
    return adjacency_[static_cast<std::size_t>(
        offsets_[static_cast<std::size_t>(u)] + position)];
  }
  void Clear();
  void Append(int u, int position);
  void Detach(int u);
  void Greedy();
  // Bfs: layers the left vertices; returns the length (in left vertices) of
  // the shortest augmenting paths, or kUnreached when there are none.
  int Bfs();
  // Augment: one depth-first search from the free left vertex root along the
  // layers; true when it augmented.
  bool Augment(int root, int limit);

  int left_ = 0;
  std::vector<int> capacity_;
  std::vector<std::int64_t> offsets_;
  std::vector<std::int32_t> adjacency_;
  std::vector<int> active_;

  // The matching: mate_pos_[u] indexes adj(u) or is -1; right vertex v's
  // matched left vertices are slots_[slot_begin_[v] .. + load_[v]), and
  // slot_of_[u] is u's index in slots_.
  int matched_ = 0;
  std::vector<int> mate_pos_;
  std::vector<int> load_;
  std::vector<std::int64_t> slot_begin_;
  std::vector<int> slots_;
  std::vector<std::int64_t> slot_of_;

  // Per-phase working arrays.
  // layer_[u]: u's BFS layer (free left vertices 0), kUnreached when not
  // reached or found a dead end. right_layer_[v]: the layer of the left
  // vertex that first reached v (v's matched left vertices are one deeper).
  std::vector<int> layer_;
  std::vector<int> right_layer_;
  // Current-arc pointers: next_edge_[u] indexes adj(u); next_slot_[v]
  // indexes v's slots.
  std::vector<int> next_edge_;
  std::vector<int> next_slot_;
  std::vector<int> queue_;
  int roots_ = 0;  // queue_[0 .. roots_) are the phase's free left vertices
  // The depth-first search's path of left vertices, and for each but the
  // last the slot (in its successor's old mate) it will take.
  std::vector<int> path_;
  std::vector<std::int64_t> path_slot_;
};

}  // namespace sopu

#endif  // SOPU_ENGINE_ASSIGNMENT_BIPARTITE_MATCHING_H_
