// Boost.Graph references for the bottleneck (fair) assignment tests: the
// largest number of mentees matchable with the pairs scoring >= a threshold,
// by push-relabel maximum flow (Boost.Graph's push_relabel_max_flow) on
// source -> mentee (1) -> mentor (1 per allowed pair >= threshold) -> sink
// (capacity_j), and the bottleneck threshold found by a binary search over
// the distinct usable scores with it. Independent of the engine's own
// CapacitatedBipartiteMatching; about 240 bytes per pair, for tests only.
#ifndef SOPU_TESTS_ENGINE_ASSIGNMENT_BOOST_MAX_FLOW_H_
#define SOPU_TESTS_ENGINE_ASSIGNMENT_BOOST_MAX_FLOW_H_

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/assignment/assignment_problem.h"

namespace sopu::testing {

// BoostMaxMatched: the maximum flow described above (pairs scoring
// >= threshold; every allowed pair when unset).
inline std::int64_t BoostMaxMatched(const AssignmentProblem& p,
                                    std::optional<double> threshold = {}) {
  using Traits =
      boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using Graph = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<
          boost::edge_capacity_t, std::int64_t,
          boost::property<boost::edge_residual_capacity_t, std::int64_t,
                          boost::property<boost::edge_reverse_t,
                                          Traits::edge_descriptor>>>>;
  const auto source = static_cast<std::size_t>(p.rows + p.cols);
  const std::size_t sink = source + 1;
  Graph g(sink + 1);
  auto capacity = get(boost::edge_capacity, g);
  auto reverse = get(boost::edge_reverse, g);
  auto add = [&](std::size_t a, std::size_t b, std::int64_t cap) {
    const auto e = add_edge(a, b, g).first;
    const auto r = add_edge(b, a, g).first;
    capacity[e] = cap;
    capacity[r] = 0;
    reverse[e] = r;
    reverse[r] = e;
  };
  for (int i = 0; i < p.rows; ++i) {
    add(source, static_cast<std::size_t>(i), 1);
    for (int j = 0; j < p.cols; ++j) {
      if (!p.allowed(i, j)) continue;
      if (threshold.has_value() && p.score(i, j) < *threshold) continue;
      add(static_cast<std::size_t>(i), static_cast<std::size_t>(p.rows + j), 1);
    }
  }
  for (int j = 0; j < p.cols; ++j) {
    add(static_cast<std::size_t>(p.rows + j), sink,
        p.capacity[static_cast<std::size_t>(j)]);
  }
  return boost::push_relabel_max_flow(g, source, sink);
}

// BoostBottleneck: the largest matchable count K, the largest threshold t
// keeping K matchable (unset when K = 0), and the number of max-flow tests
// the binary search over the distinct usable scores ran (the first, with
// every pair, included).
struct BoostBottleneck {
  std::int64_t matched = 0;
  std::optional<double> threshold;
  int tests = 0;
};

inline BoostBottleneck BoostBottleneckSearch(const AssignmentProblem& p) {
  std::vector<double> scores;
  for (int i = 0; i < p.rows; ++i) {
    for (int j = 0; j < p.cols; ++j) {
      if (p.allowed(i, j) && p.capacity[static_cast<std::size_t>(j)] > 0) {
        scores.push_back(p.score(i, j));
      }
    }
  }
  std::sort(scores.begin(), scores.end());
  scores.erase(std::unique(scores.begin(), scores.end()), scores.end());
  BoostBottleneck out;
  if (scores.empty()) return out;
  out.matched = BoostMaxMatched(p);
  out.tests = 1;
  std::size_t lo = 0;              // scores[lo] keeps K matchable
  std::size_t hi = scores.size();  // scores[hi] does not (D: +infinity)
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    ++out.tests;
    (BoostMaxMatched(p, scores[mid]) == out.matched ? lo : hi) = mid;
  }
  out.threshold = scores[lo];
  return out;
}

}  // namespace sopu::testing

#endif  // SOPU_TESTS_ENGINE_ASSIGNMENT_BOOST_MAX_FLOW_H_
