#include "engine/assignment/peer_pairs.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace sopu {
namespace {

// The blossom algorithm below follows the structure (and the names) of
// van Rantwijk's mwmatching: vertices 0..n-1, blossoms n..2n-1; an edge k
// has endpoints 2k (its first vertex) and 2k+1 (its second); mate_[v] is the
// remote endpoint of v's matched edge. Labels: 0 free, 1 S (outer), 2 T
// (inner); bit 4 marks a blossom during ScanBlossom.

constexpr int kFree = 0;
constexpr int kOuter = 1;
constexpr int kInner = 2;
constexpr int kScanMark = 4;

struct Edge {
  int u = 0;
  int v = 0;
  double weight = 0.0;
};

// Wrap: index j of a cyclic list of `size` entries, j possibly negative.
std::size_t Wrap(int j, std::size_t size) {
  const int n = static_cast<int>(size);
  return static_cast<std::size_t>(((j % n) + n) % n);
}

// BlossomMatcher: maximum-weight (optionally maximum-cardinality) matching
// on a general graph. Owns copies of the edges; single use.
class BlossomMatcher {
 public:
  BlossomMatcher(int vertices, std::vector<Edge> edges, bool max_cardinality)
      : n_(vertices),
        edges_(std::move(edges)),
        max_cardinality_(max_cardinality),
        endpoint_(2 * edges_.size()),
        neighbend_(Size(n_)),
        mate_(Size(n_), -1),
        label_(Size(2 * n_), kFree),
        labelend_(Size(2 * n_), -1),
        inblossom_(Size(n_)),
        blossomparent_(Size(2 * n_), -1),
        blossomchilds_(Size(2 * n_)),
        blossombase_(Size(2 * n_), -1),
        blossomendps_(Size(2 * n_)),
        bestedge_(Size(2 * n_), -1),
        blossombestedges_(Size(2 * n_)),
        has_bestedges_(Size(2 * n_), 0),
        dualvar_(Size(2 * n_), 0.0),
        allowedge_(edges_.size(), 0) {
    double max_weight = 0.0;
    for (std::size_t k = 0; k < edges_.size(); ++k) {
      const Edge& e = edges_[k];
      endpoint_[2 * k] = e.u;
      endpoint_[2 * k + 1] = e.v;
      neighbend_[Size(e.u)].push_back(static_cast<int>(2 * k + 1));
      neighbend_[Size(e.v)].push_back(static_cast<int>(2 * k));
      max_weight = std::max(max_weight, e.weight);
    }
    for (int v = 0; v < n_; ++v) {
      inblossom_[Size(v)] = v;
      blossombase_[Size(v)] = v;
      dualvar_[Size(v)] = max_weight;
    }
    for (int b = 2 * n_ - 1; b >= n_; --b) unusedblossoms_.push_back(b);
  }

  // Run: computes the matching; false when cancelled. `stage` is called
  // after every augmentation stage with the number of stages done; it returns
  // false to cancel.
  template <typename StageHook>
  bool Run(StageHook stage) {
    for (int t = 0; t < n_; ++t) {
      std::fill(label_.begin(), label_.end(), kFree);
      std::fill(bestedge_.begin(), bestedge_.end(), -1);
      for (int b = n_; b < 2 * n_; ++b) {
        blossombestedges_[Size(b)].clear();
        has_bestedges_[Size(b)] = 0;
      }
      std::fill(allowedge_.begin(), allowedge_.end(), 0);
      queue_.clear();
      for (int v = 0; v < n_; ++v) {
        if (mate_[Size(v)] == -1 && label_[Size(inblossom_[Size(v)])] == 0) {
          AssignLabel(v, kOuter, -1);
        }
      }
      if (!Stage()) break;  // no augmenting path: optimal
      EndStage();
      if (!stage(t + 1)) return false;
    }
    return true;
  }

  // MateOf: v's partner vertex or -1, after Run.
  [[nodiscard]] int MateOf(int v) const {
    const int p = mate_[Size(v)];
    return p < 0 ? -1 : endpoint_[Size(p)];
  }

 private:
  static std::size_t Size(int x) { return static_cast<std::size_t>(x); }

  [[nodiscard]] double Slack(int k) const {
    const Edge& e = edges_[Size(k)];
    return dualvar_[Size(e.u)] + dualvar_[Size(e.v)] - 2.0 * e.weight;
  }

  void Leaves(int b, std::vector<int>& out) const {
    if (b < n_) {
      out.push_back(b);
      return;
    }
    for (const int child : blossomchilds_[Size(b)]) Leaves(child, out);
  }

  [[nodiscard]] std::vector<int> Leaves(int b) const {
    std::vector<int> out;
    Leaves(b, out);
    return out;
  }

  // AssignLabel: labels w's top-level blossom with t reached through
  // endpoint p; a T blossom labels its base's mate S.
  void AssignLabel(int w, int t, int p) {
    const int b = inblossom_[Size(w)];
    label_[Size(w)] = label_[Size(b)] = t;
    labelend_[Size(w)] = labelend_[Size(b)] = p;
    bestedge_[Size(w)] = bestedge_[Size(b)] = -1;
    if (t == kOuter) {
      Leaves(b, queue_);
    } else {
      const int base = blossombase_[Size(b)];
      const int mate = mate_[Size(base)];
      AssignLabel(endpoint_[Size(mate)], kOuter, mate ^ 1);
    }
  }

  // ScanBlossom: traces back from v and w; returns the base of a new blossom
  // or -1 when the two paths reach different roots (an augmenting path).
  int ScanBlossom(int v, int w) {
    std::vector<int> path;
    int base = -1;
    while (v != -1 || w != -1) {
      int b = inblossom_[Size(v)];
      if ((label_[Size(b)] & kScanMark) != 0) {
        base = blossombase_[Size(b)];
        break;
      }
      path.push_back(b);
      label_[Size(b)] = kOuter | kScanMark;
      if (labelend_[Size(b)] == -1) {
        v = -1;  // reached a root
      } else {
        v = endpoint_[Size(labelend_[Size(b)])];
        b = inblossom_[Size(v)];
        v = endpoint_[Size(labelend_[Size(b)])];
      }
      if (w != -1) std::swap(v, w);
    }
    for (const int b : path) label_[Size(b)] = kOuter;
    return base;
  }

  // AddBlossom: contracts the odd cycle closed by edge k through `base`.
  // It stays one function, as in van Rantwijk's mwmatching which this follows
  // step by step: relinking the cycle and recomputing the least-slack edges
  // read and write the same blossom arrays in one order.
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): blossom step.
  void AddBlossom(int base, int k) {
    int v = edges_[Size(k)].u;
    int w = edges_[Size(k)].v;
    const int bb = inblossom_[Size(base)];
    int bv = inblossom_[Size(v)];
    int bw = inblossom_[Size(w)];
    const int b = unusedblossoms_.back();
    unusedblossoms_.pop_back();
    const auto sb = Size(b);
    blossombase_[sb] = base;
    blossomparent_[sb] = -1;
    blossomparent_[Size(bb)] = b;
    std::vector<int>& path = blossomchilds_[sb];
    std::vector<int>& endps = blossomendps_[sb];
    path.clear();
    endps.clear();
    while (bv != bb) {
      blossomparent_[Size(bv)] = b;
      path.push_back(bv);
      endps.push_back(labelend_[Size(bv)]);
      v = endpoint_[Size(labelend_[Size(bv)])];
      bv = inblossom_[Size(v)];
    }
    path.push_back(bb);
    std::reverse(path.begin(), path.end());
    std::reverse(endps.begin(), endps.end());
    endps.push_back(2 * k);
    while (bw != bb) {
      blossomparent_[Size(bw)] = b;
      path.push_back(bw);
      endps.push_back(labelend_[Size(bw)] ^ 1);
      w = endpoint_[Size(labelend_[Size(bw)])];
      bw = inblossom_[Size(w)];
    }
    label_[sb] = kOuter;
    labelend_[sb] = labelend_[Size(bb)];
    dualvar_[sb] = 0.0;
    for (const int leaf : Leaves(b)) {
      if (label_[Size(inblossom_[Size(leaf)])] == kInner) {
        queue_.push_back(leaf);
      }
      inblossom_[Size(leaf)] = b;
    }
    // The least-slack edges from the new blossom to each other S blossom.
    std::vector<int> bestedgeto(Size(2 * n_), -1);
    for (const int child : path) {
      const auto sc = Size(child);
      std::vector<int> candidates;
      if (has_bestedges_[sc] != 0) {
        candidates = blossombestedges_[sc];
      } else {
        for (const int leaf : Leaves(child)) {
          for (const int p : neighbend_[Size(leaf)]) {
            candidates.push_back(p / 2);
          }
        }
      }
      for (const int e : candidates) {
        int j = edges_[Size(e)].v;
        if (inblossom_[Size(j)] == b) j = edges_[Size(e)].u;
        const int bj = inblossom_[Size(j)];
        if (bj != b && label_[Size(bj)] == kOuter &&
            (bestedgeto[Size(bj)] == -1 ||
             Slack(e) < Slack(bestedgeto[Size(bj)]))) {
          bestedgeto[Size(bj)] = e;
        }
      }
      blossombestedges_[sc].clear();
      has_bestedges_[sc] = 0;
      bestedge_[sc] = -1;
    }
    std::vector<int>& best = blossombestedges_[sb];
    best.clear();
    for (const int e : bestedgeto) {
      if (e != -1) best.push_back(e);
    }
    has_bestedges_[sb] = 1;
    bestedge_[sb] = -1;
    for (const int e : best) {
      if (bestedge_[sb] == -1 || Slack(e) < Slack(bestedge_[sb])) {
        bestedge_[sb] = e;
      }
    }
  }

  // ExpandBlossom: undoes blossom b; at the end of a stage (endstage) also
  // its zero-dual sub-blossoms, otherwise relabels a T blossom's children.
  // It stays one function, as in van Rantwijk's mwmatching which this follows
  // step by step: the relabelling walks the child cycle with the same
  // j/jstep/endptrick cursor the dissolution set up.
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): blossom step.
  void ExpandBlossom(int b, bool endstage) {
    const auto sb = Size(b);
    // Copies: recursion and relabelling below must not see a moved list.
    const std::vector<int> childs = blossomchilds_[sb];
    const std::vector<int> endps = blossomendps_[sb];
    for (const int s : childs) {
      blossomparent_[Size(s)] = -1;
      if (s < n_) {
        inblossom_[Size(s)] = s;
      } else if (endstage && dualvar_[Size(s)] == 0.0) {
        ExpandBlossom(s, endstage);
      } else {
        for (const int leaf : Leaves(s)) inblossom_[Size(leaf)] = s;
      }
    }
    if (!endstage && label_[sb] == kInner) {
      const std::size_t len = childs.size();
      const int entrychild =
          inblossom_[Size(endpoint_[Size(labelend_[sb] ^ 1)])];
      int j = static_cast<int>(
          std::find(childs.begin(), childs.end(), entrychild) - childs.begin());
      int jstep = 0;
      int endptrick = 0;
      if ((j & 1) != 0) {
        j -= static_cast<int>(len);
        jstep = 1;
        endptrick = 0;
      } else {
        jstep = -1;
        endptrick = 1;
      }
      int p = labelend_[sb];
      while (j != 0) {
        label_[Size(endpoint_[Size(p ^ 1)])] = kFree;
        label_[Size(
            endpoint_[Size(endps[Wrap(j - endptrick, len)] ^ endptrick ^ 1)])] =
            kFree;
        AssignLabel(endpoint_[Size(p ^ 1)], kInner, p);
        allowedge_[Size(endps[Wrap(j - endptrick, len)] / 2)] = 1;
        j += jstep;
        p = endps[Wrap(j - endptrick, len)] ^ endptrick;
        allowedge_[Size(p / 2)] = 1;
        j += jstep;
      }
      int bv = childs[Wrap(j, len)];
      label_[Size(endpoint_[Size(p ^ 1)])] = label_[Size(bv)] = kInner;
      labelend_[Size(endpoint_[Size(p ^ 1)])] = labelend_[Size(bv)] = p;
      bestedge_[Size(bv)] = -1;
      j += jstep;
      while (childs[Wrap(j, len)] != entrychild) {
        bv = childs[Wrap(j, len)];
        if (label_[Size(bv)] == kOuter) {
          j += jstep;
          continue;
        }
        int labelled = -1;
        for (const int leaf : Leaves(bv)) {
          if (label_[Size(leaf)] != kFree) {
            labelled = leaf;
            break;
          }
        }
        if (labelled != -1) {
          label_[Size(labelled)] = kFree;
          label_[Size(endpoint_[Size(mate_[Size(blossombase_[Size(bv)])])])] =
              kFree;
          AssignLabel(labelled, kInner, labelend_[Size(labelled)]);
        }
        j += jstep;
      }
    }
    label_[sb] = labelend_[sb] = -1;
    blossomchilds_[sb].clear();
    blossomendps_[sb].clear();
    blossombase_[sb] = -1;
    blossombestedges_[sb].clear();
    has_bestedges_[sb] = 0;
    bestedge_[sb] = -1;
    unusedblossoms_.push_back(b);
  }

  // AugmentBlossom: swaps matched and unmatched edges inside blossom b along
  // the even path from vertex v to the base, making v the new base.
  void AugmentBlossom(int b, int v) {
    const auto sb = Size(b);
    int t = v;
    while (blossomparent_[Size(t)] != b) t = blossomparent_[Size(t)];
    if (t >= n_) AugmentBlossom(t, v);
    const std::vector<int> childs = blossomchilds_[sb];
    const std::vector<int> endps = blossomendps_[sb];
    const std::size_t len = childs.size();
    const int i = static_cast<int>(std::find(childs.begin(), childs.end(), t) -
                                   childs.begin());
    int j = i;
    int jstep = 0;
    int endptrick = 0;
    if ((i & 1) != 0) {
      j -= static_cast<int>(len);
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    while (j != 0) {
      j += jstep;
      t = childs[Wrap(j, len)];
      const int p = endps[Wrap(j - endptrick, len)] ^ endptrick;
      if (t >= n_) AugmentBlossom(t, endpoint_[Size(p)]);
      j += jstep;
      t = childs[Wrap(j, len)];
      if (t >= n_) AugmentBlossom(t, endpoint_[Size(p ^ 1)]);
      mate_[Size(endpoint_[Size(p)])] = p ^ 1;
      mate_[Size(endpoint_[Size(p ^ 1)])] = p;
    }
    std::rotate(blossomchilds_[sb].begin(), blossomchilds_[sb].begin() + i,
                blossomchilds_[sb].end());
    std::rotate(blossomendps_[sb].begin(), blossomendps_[sb].begin() + i,
                blossomendps_[sb].end());
    blossombase_[sb] = blossombase_[Size(blossomchilds_[sb].front())];
  }

  // AugmentMatching: augments along the path through edge k between two
  // S vertices of different trees.
  void AugmentMatching(int k) {
    const Edge& edge = edges_[Size(k)];
    const std::array<std::pair<int, int>, 2> sides = {
        {{edge.u, 2 * k + 1}, {edge.v, 2 * k}}};
    for (const auto& [start, start_p] : sides) {
      int s = start;
      int p = start_p;
      while (true) {
        const int bs = inblossom_[Size(s)];
        if (bs >= n_) AugmentBlossom(bs, s);
        mate_[Size(s)] = p;
        if (labelend_[Size(bs)] == -1) break;  // reached a root
        const int t = endpoint_[Size(labelend_[Size(bs)])];
        const int bt = inblossom_[Size(t)];
        s = endpoint_[Size(labelend_[Size(bt)])];
        const int j = endpoint_[Size(labelend_[Size(bt)] ^ 1)];
        if (bt >= n_) AugmentBlossom(bt, j);
        mate_[Size(j)] = labelend_[Size(bt)];
        p = labelend_[Size(bt)] ^ 1;
      }
    }
  }

  // Stage: grows alternating trees and adjusts duals until an augmentation
  // (true) or proof that none exists (false).
  // It stays one function, as in van Rantwijk's mwmatching which this follows
  // step by step: tree growth and the dual update (four delta kinds) loop
  // together over the same labels and best edges, O(n^2) per stage, and the
  // order of the comparisons decides ties.
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): solver stage.
  bool Stage() {
    while (true) {
      // Grow the trees from the queued S vertices along tight edges.
      while (!queue_.empty()) {
        const int v = queue_.back();
        queue_.pop_back();
        for (const int p : neighbend_[Size(v)]) {
          const int k = p / 2;
          const int w = endpoint_[Size(p)];
          if (inblossom_[Size(v)] == inblossom_[Size(w)]) continue;
          double kslack = 0.0;
          if (allowedge_[Size(k)] == 0) {
            kslack = Slack(k);
            if (kslack <= 0.0) allowedge_[Size(k)] = 1;
          }
          const int bw = inblossom_[Size(w)];
          if (allowedge_[Size(k)] != 0) {
            if (label_[Size(bw)] == kFree) {
              AssignLabel(w, kInner, p ^ 1);
            } else if (label_[Size(bw)] == kOuter) {
              const int base = ScanBlossom(v, w);
              if (base >= 0) {
                AddBlossom(base, k);
              } else {
                AugmentMatching(k);
                return true;
              }
            } else if (label_[Size(w)] == kFree) {
              label_[Size(w)] = kInner;
              labelend_[Size(w)] = p ^ 1;
            }
          } else if (label_[Size(bw)] == kOuter) {
            const int b = inblossom_[Size(v)];
            if (bestedge_[Size(b)] == -1 ||
                kslack < Slack(bestedge_[Size(b)])) {
              bestedge_[Size(b)] = k;
            }
          } else if (label_[Size(w)] == kFree) {
            if (bestedge_[Size(w)] == -1 ||
                kslack < Slack(bestedge_[Size(w)])) {
              bestedge_[Size(w)] = k;
            }
          }
        }
      }
      // No tight edge left: the dual update.
      int deltatype = -1;
      double delta = 0.0;
      int deltaedge = -1;
      int deltablossom = -1;
      if (!max_cardinality_) {
        deltatype = 1;
        delta = *std::min_element(dualvar_.begin(), dualvar_.begin() + n_);
      }
      for (int v = 0; v < n_; ++v) {
        if (label_[Size(inblossom_[Size(v)])] == kFree &&
            bestedge_[Size(v)] != -1) {
          const double d = Slack(bestedge_[Size(v)]);
          if (deltatype == -1 || d < delta) {
            delta = d;
            deltatype = 2;
            deltaedge = bestedge_[Size(v)];
          }
        }
      }
      for (int b = 0; b < 2 * n_; ++b) {
        if (blossomparent_[Size(b)] == -1 && label_[Size(b)] == kOuter &&
            bestedge_[Size(b)] != -1) {
          const double d = Slack(bestedge_[Size(b)]) / 2.0;
          if (deltatype == -1 || d < delta) {
            delta = d;
            deltatype = 3;
            deltaedge = bestedge_[Size(b)];
          }
        }
      }
      for (int b = n_; b < 2 * n_; ++b) {
        if (blossombase_[Size(b)] >= 0 && blossomparent_[Size(b)] == -1 &&
            label_[Size(b)] == kInner &&
            (deltatype == -1 || dualvar_[Size(b)] < delta)) {
          delta = dualvar_[Size(b)];
          deltatype = 4;
          deltablossom = b;
        }
      }
      if (deltatype == -1) {
        // Max-cardinality mode and nothing left to grow: optimal.
        deltatype = 1;
        delta = std::max(
            0.0, *std::min_element(dualvar_.begin(), dualvar_.begin() + n_));
      }
      for (int v = 0; v < n_; ++v) {
        const int l = label_[Size(inblossom_[Size(v)])];
        if (l == kOuter) {
          dualvar_[Size(v)] -= delta;
        } else if (l == kInner) {
          dualvar_[Size(v)] += delta;
        }
      }
      for (int b = n_; b < 2 * n_; ++b) {
        if (blossombase_[Size(b)] >= 0 && blossomparent_[Size(b)] == -1) {
          if (label_[Size(b)] == kOuter) {
            dualvar_[Size(b)] += delta;
          } else if (label_[Size(b)] == kInner) {
            dualvar_[Size(b)] -= delta;
          }
        }
      }
      if (deltatype == 1) return false;
      if (deltatype == 2) {
        allowedge_[Size(deltaedge)] = 1;
        int i = edges_[Size(deltaedge)].u;
        if (label_[Size(inblossom_[Size(i)])] == kFree) {
          i = edges_[Size(deltaedge)].v;
        }
        queue_.push_back(i);
      } else if (deltatype == 3) {
        allowedge_[Size(deltaedge)] = 1;
        queue_.push_back(edges_[Size(deltaedge)].u);
      } else {
        ExpandBlossom(deltablossom, false);
      }
    }
  }

  // EndStage: expands the S blossoms whose dual reached zero (run after each
  // augmentation, before the next stage).
  void EndStage() {
    for (int b = n_; b < 2 * n_; ++b) {
      if (blossomparent_[Size(b)] == -1 && blossombase_[Size(b)] >= 0 &&
          label_[Size(b)] == kOuter && dualvar_[Size(b)] == 0.0) {
        ExpandBlossom(b, true);
      }
    }
  }

  int n_;
  std::vector<Edge> edges_;
  bool max_cardinality_;
  std::vector<int> endpoint_;
  std::vector<std::vector<int>> neighbend_;
  std::vector<int> mate_;
  std::vector<int> label_;
  std::vector<int> labelend_;
  std::vector<int> inblossom_;
  std::vector<int> blossomparent_;
  std::vector<std::vector<int>> blossomchilds_;
  std::vector<int> blossombase_;
  std::vector<std::vector<int>> blossomendps_;
  std::vector<int> bestedge_;
  std::vector<std::vector<int>> blossombestedges_;
  std::vector<char> has_bestedges_;
  std::vector<double> dualvar_;
  std::vector<char> allowedge_;
  std::vector<int> queue_;
  std::vector<int> unusedblossoms_;
};

absl::Status ValidateProblem(const PeerPairsProblem& problem,
                             const PeerPairsOptions& options) {
  if (problem.size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("size: ", problem.size, " is negative"));
  }
  const std::size_t cells = static_cast<std::size_t>(problem.size) *
                            static_cast<std::size_t>(problem.size);
  if (problem.scores.size() != cells) {
    return absl::InvalidArgumentError(
        absl::StrCat("scores: ", problem.scores.size(), " entries, expected ",
                     problem.size, " x ", problem.size));
  }
  if (!problem.forbidden.empty() && problem.forbidden.size() != cells) {
    return absl::InvalidArgumentError(absl::StrCat(
        "forbidden: ", problem.forbidden.size(), " entries, expected ",
        problem.size, " x ", problem.size, " or none"));
  }
  for (int a = 0; a < problem.size; ++a) {
    for (int b = 0; b < problem.size; ++b) {
      if (a == b) continue;
      const double s = problem.score(a, b);
      if (!std::isfinite(s)) {
        return absl::InvalidArgumentError(
            absl::StrCat("scores[", a, "][", b, "]: ", s, " is not finite"));
      }
      if (a < b && s != problem.score(b, a)) {
        return absl::InvalidArgumentError(
            absl::StrCat("scores[", a, "][", b, "] = ", s, " but scores[", b,
                         "][", a, "] = ", problem.score(b, a)));
      }
    }
  }
  if (options.min_score && !std::isfinite(*options.min_score)) {
    return absl::InvalidArgumentError(
        absl::StrCat("min_score: ", *options.min_score, " is not finite"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<PeerPairsResult> SolvePeerPairs(const PeerPairsProblem& problem,
                                               const PeerPairsOptions& options,
                                               const CallContext& context) {
  if (absl::Status s = ValidateProblem(problem, options); !s.ok()) return s;
  const int n = problem.size;
  const bool max_cardinality =
      options.objective == PeerPairsObjective::kMaxCardinalityThenScore;

  std::vector<Edge> edges;
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      if (!problem.allowed(a, b)) continue;
      const double s = problem.score(a, b);
      if (options.min_score && s < *options.min_score) continue;
      // A negative pair never raises the total: leave it out unless pairs
      // count first.
      if (!max_cardinality && s < 0.0) continue;
      edges.push_back(Edge{a, b, s});
    }
  }

  BlossomMatcher matcher(n, std::move(edges), max_cardinality);
  const std::int64_t stages_total = n / 2 + 1;
  const bool finished = matcher.Run([&](int stages) {
    if (context.cancelled()) return false;
    if (context.progress) {
      context.progress(Progress{stages, stages_total, 0.0});
    }
    return true;
  });

  PeerPairsResult result;
  if (!finished) {
    result.status = PeerPairsStatus::kCancelled;
    return result;
  }
  result.partner_of.assign(static_cast<std::size_t>(n), -1);
  for (int a = 0; a < n; ++a) {
    const int b = matcher.MateOf(a);
    result.partner_of[static_cast<std::size_t>(a)] = b;
    if (b < 0) {
      result.unpaired.push_back(a);
    } else if (a < b) {
      result.pairs.emplace_back(a, b);
      result.total += problem.score(a, b);
    }
  }
  return result;
}

}  // namespace sopu
