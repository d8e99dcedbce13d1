// Test instances for the match workflow: hand-made score matrices, and seeded
// random cohorts (tests/engine/scoring/test_cohorts.h) scored by a policy,
// with random capacities and random, consistent pair lists.
#ifndef SOPU_TESTS_ENGINE_MATCH_MATCH_TESTING_H_
#define SOPU_TESTS_ENGINE_MATCH_MATCH_TESTING_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/common/index.h"
#include "engine/match/match_problem.h"
#include "engine/model/cohort.h"
#include "engine/model/policy.h"
#include "engine/scoring/score_matrix.h"
#include "engine/scoring/scoring_model.h"
#include "tests/engine/scoring/test_cohorts.h"

namespace sopu::testing {

// MatrixOf: a rows x cols ScoreMatrix of row-major `scores`, every pair
// allowed unless `verdicts` (row-major) says otherwise.
inline ScoreMatrix MatrixOf(int rows, int cols,
                            const std::vector<float>& scores,
                            const std::vector<std::uint8_t>& verdicts = {}) {
  ScoreMatrix m;
  m.scores.resize(rows, cols);
  m.verdicts.setZero(rows, cols);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      m.scores(r, c) = scores[At(r, c, cols)];
      if (!verdicts.empty()) m.verdicts(r, c) = verdicts[At(r, c, cols)];
    }
  }
  return m;
}

// CaseShape: the size of a random case and how many pairs each list holds.
struct CaseShape {
  int mentees = 5;
  int mentors = 3;
  int both = 1;           // participants with both roles
  int max_capacity = 2;   // mentors take 0..max_capacity
  double lock = 0.2;      // chance a mentee is locked (to an allowed mentor)
  double forbid = 0.15;   // chance a pair is forbidden by the request
  double previous = 0.5;  // chance a mentee has a previous pair
  double wishes = 0.0;    // chance a mentee wishes for 1..3 mentors
  bool strict = false;    // StrictPolicy (few pairs allowed) or Lenient
};

// MatchCase: a scored random cohort and its pair lists. The model points
// into `cohort`, so a case is neither copied nor moved.
struct MatchCase {
  MatchCase(std::uint64_t seed, const CaseShape& shape)
      : cohort(RandomCohort(seed, shape.mentees, shape.mentors, shape.both)),
        policy(shape.strict ? StrictPolicy() : LenientPolicy()),
        rng(seed * 7919 + 17) {
    std::vector<std::string> mentor_ids;
    for (Participant& p : cohort.participants) {
      p.capacity = Uniform(0, shape.max_capacity);
      if (p.Has(kRoleMentor)) mentor_ids.push_back(p.id);
    }
    for (Participant& p : cohort.participants) {
      if (!p.Has(kRoleMentee) || !Chance(shape.wishes)) continue;
      for (int k = Uniform(1, 3); k > 0; --k) {
        const std::string& id = mentor_ids[Idx(
            Uniform(0, static_cast<int>(mentor_ids.size()) - 1))];
        if (id != p.id &&
            std::find(p.wishes.begin(), p.wishes.end(), id) == p.wishes.end()) {
          p.wishes.push_back(id);
        }
      }
    }
    model.emplace(*ScoringModel::Build(cohort, policy));
    matrix = model->ComputeMatrix({.threads = 1});
    for (const int person : model->mentors()) {
      capacity.push_back(cohort.participants[Idx(person)].capacity);
    }
    MakeLocks(shape.lock);
    MakeForbidden(shape.forbid);
    MakePrevious(shape.previous);
  }
  MatchCase(const MatchCase&) = delete;
  MatchCase& operator=(const MatchCase&) = delete;

  [[nodiscard]] int rows() const { return matrix.rows(); }
  [[nodiscard]] int cols() const { return matrix.cols(); }
  [[nodiscard]] const std::string& MenteeId(int r) const {
    return cohort.participants[Idx(model->mentees()[Idx(r)])].id;
  }
  [[nodiscard]] const std::string& MentorId(int c) const {
    return cohort.participants[Idx(model->mentors()[Idx(c)])].id;
  }
  [[nodiscard]] bool Excluded(int r, int c) const {
    for (const MatchPair& p : pairs.forbidden) {
      if (p.row == r && p.col == c) return true;
    }
    return false;
  }
  // PreviousCol: row r's previous mentor column, -1 when none (or left).
  [[nodiscard]] int PreviousCol(int r) const {
    for (const PreviousPair& p : pairs.previous) {
      if (p.row == r) return p.col;
    }
    return -1;
  }
  // LockedCol: row r's locked mentor column, -1 when none.
  [[nodiscard]] int LockedCol(int r) const {
    for (const MatchPair& p : pairs.locked) {
      if (p.row == r) return p.col;
    }
    return -1;
  }

  int Uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  }
  bool Chance(double p) {
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p;
  }

  Cohort cohort;
  Policy policy;
  std::mt19937_64 rng;
  std::optional<ScoringModel> model;
  ScoreMatrix matrix;
  std::vector<int> capacity;
  MatchPairs pairs;

 private:
  // MakeLocks: each mentee with chance p locked to a random allowed mentor
  // that still has a seat.
  void MakeLocks(double p) {
    std::vector<int> room = capacity;
    for (int r = 0; r < rows(); ++r) {
      if (!Chance(p)) continue;
      std::vector<int> open;
      for (int c = 0; c < cols(); ++c) {
        if (matrix.allowed(r, c) && room[Idx(c)] > 0) open.push_back(c);
      }
      if (open.empty()) continue;
      const int c = open[Idx(Uniform(0, static_cast<int>(open.size()) - 1))];
      --room[Idx(c)];
      pairs.locked.push_back({.row = r, .col = c});
    }
  }
  // MakeForbidden: each pair with chance p, never a locked one.
  void MakeForbidden(double p) {
    for (int r = 0; r < rows(); ++r) {
      for (int c = 0; c < cols(); ++c) {
        if (LockedCol(r) != c && Chance(p)) {
          pairs.forbidden.push_back({.row = r, .col = c});
        }
      }
    }
  }
  // MakePrevious: each mentee with chance p had a random mentor (now and
  // then one who has left); a mentee who has left had one too.
  void MakePrevious(double p) {
    for (int r = 0; r < rows(); ++r) {
      if (!Chance(p)) continue;
      if (Chance(0.1)) {
        pairs.previous.push_back(
            {.row = r, .col = -1, .mentee_id = MenteeId(r), .mentor_id = "x"});
        continue;
      }
      const int c = Uniform(0, cols() - 1);
      pairs.previous.push_back({.row = r,
                                .col = c,
                                .mentee_id = MenteeId(r),
                                .mentor_id = MentorId(c)});
    }
    if (Chance(0.3)) {
      pairs.previous.push_back(
          {.row = -1, .col = 0, .mentee_id = "gone", .mentor_id = MentorId(0)});
    }
  }
};

}  // namespace sopu::testing

#endif  // SOPU_TESTS_ENGINE_MATCH_MATCH_TESTING_H_
