#include "engine/scoring/pool_scores.h"

#include <cstddef>

#include "engine/common/index.h"

namespace sopu {

Cohort PoolCohort(const Cohort& cohort, RoleBit role) {
  Cohort pool;
  pool.program = cohort.program;
  pool.themes = cohort.themes;
  for (const Participant& p : cohort.participants) {
    if (!p.Has(role)) continue;
    Participant& member = pool.participants.emplace_back(p);
    member.roles = static_cast<std::uint8_t>(kRoleMentee | kRoleMentor | role);
  }
  return pool;
}

PoolAffinity MakePoolAffinity(const ScoreMatrix& matrix) {
  PoolAffinity out;
  const int n = matrix.rows();
  out.size = n;
  const std::size_t cells = Idx(n) * Idx(n);
  out.score.resize(cells);
  out.allowed.resize(cells);
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) {
      const std::size_t i = At(a, b, n);
      out.score[i] =
          (static_cast<double>(matrix.scores(a, b)) + matrix.scores(b, a)) /
          2.0;
      out.allowed[i] = static_cast<std::uint8_t>(matrix.allowed(a, b) &&
                                                 matrix.allowed(b, a));
    }
  }
  return out;
}

PairExplanation ExplainBothWays(const ScoringModel& model, int a, int b) {
  PairExplanation ab = model.Explain(a, b);
  const PairExplanation ba = model.Explain(b, a);
  ab.score = (ab.score + ba.score) / 2.0;
  for (std::size_t k = 0; k < ab.values.size(); ++k) {
    ab.values[k].value = (ab.values[k].value + ba.values[k].value) / 2.0;
    ab.values[k].contribution =
        (ab.values[k].contribution + ba.values[k].contribution) / 2.0;
  }
  return ab;
}

}  // namespace sopu
