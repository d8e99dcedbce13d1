// Test helpers for the group-planning tests: members with attributes, the
// pool of pointers the planning functions take, and allowed-pair matrices.
#ifndef SOPU_TESTS_ENGINE_GROUPS_PLANNING_PLANNING_FIXTURES_H_
#define SOPU_TESTS_ENGINE_GROUPS_PLANNING_PLANNING_FIXTURES_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/common/index.h"
#include "engine/model/cohort.h"

namespace sopu::testing {

// Peer: a participant with the role peer, an id and attributes.
inline Participant Peer(const std::string& id,
                        std::map<std::string, std::string> attributes = {}) {
  Participant p;
  p.id = id;
  p.roles = kRolePeer;
  p.attributes = std::move(attributes);
  return p;
}

// PoolOf: pointers to `people`, in order (the vector must outlive them).
inline std::vector<const Participant*> PoolOf(
    const std::vector<Participant>& people) {
  std::vector<const Participant*> pool;
  pool.reserve(people.size());
  for (const Participant& p : people) pool.push_back(&p);
  return pool;
}

// AllAllowed: an n x n matrix allowing every pair but the self-pairs.
inline std::vector<std::uint8_t> AllAllowed(int n) {
  std::vector<std::uint8_t> allowed(Idx(n) * Idx(n), 1);
  for (int i = 0; i < n; ++i) allowed[At(i, i, n)] = 0;
  return allowed;
}

// Forbid forbids the pair (a, b) both ways.
inline void Forbid(std::vector<std::uint8_t>& allowed, int n, int a, int b) {
  allowed[At(a, b, n)] = 0;
  allowed[At(b, a, n)] = 0;
}

}  // namespace sopu::testing

#endif  // SOPU_TESTS_ENGINE_GROUPS_PLANNING_PLANNING_FIXTURES_H_
