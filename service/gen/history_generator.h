// GeneratePastCohort: a past round for a cohort, as staff might have made it,
// with outcomes drawn from a hidden "true" satisfaction model, so that
// `sopu bench` and `sopu calibrate` can be checked against a known truth.
//
// Pairs: the mentees in random order; each takes a random mentor among those
// with a free seat that the staff policy allows (its hard rules, avoid-lists
// and organisation rule), preferring the mentee's own region ("same region
// first, then anyone with capacity"). A mentee with no such mentor stays
// unpaired. Staff never look at scores.
//
// Outcomes of a pair with criterion values v_k (ScoringModel::Explain under
// the staff policy) and true weights t_k (`truth`, same criteria):
//   s = sum_k t_k v_k / sum_k t_k                                (0..1)
//   rating = round(clamp(1 + 4 s + N(0, noise^2), 1, 5))          (1..5)
//   completed ~ Bernoulli(1 / (1 + exp(-8 (s - 0.3))))
// Each rating is left unset with probability 1 - rating_rate, each
// completion flag with probability 1 - completed_rate.
//
// Groups (options.groups, `sopu gen --history --groups`): staff-made groups
// of the round's peers (or, in a cohort without peers, its mentees), made
// the way staff often do: the members in random order, split by region
// first (a region's members form ceil(n / max) groups of balanced sizes when
// that many groups can have at least `group_min` members each, otherwise
// floor(n / max) groups of `group_max`), then the members left over from
// every region together, split the same way; the last few (fewer than
// `group_min`) join random groups that still have room, and stay ungrouped
// when none has. Every group has group_min..group_max members, each member
// in one group. Outcomes of a group come from the same truth applied to the
// group as FormGroups scores it (service/history/calibration_data.h,
// ScoreGroup): with f_k the mean over the member pairs of criterion k's
// value both ways,
//   s = sum_k t_k f_k / sum_k t_k                                 (0..1)
//   rating = mean over the m members of round(clamp(1 + 4 s + N(0,
//            noise^2), 1, 5))  (each member's own feedback, 1..5)
//   completed ~ Bernoulli(1 / (1 + exp(-8 (s - 0.3))))
// with the same rating_rate and completed_rate. The groups draw from their
// own random stream (MixSeed(seed, 2)), so the pairs are the same with or
// without groups. A cohort without mentors or mentees (e.g. peers only)
// gets groups and no pairs.
//
// Determinism: the same inputs and seed give the same past cohort.
#ifndef SOPU_SERVICE_GEN_HISTORY_GENERATOR_H_
#define SOPU_SERVICE_GEN_HISTORY_GENERATOR_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/history.pb.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::gen {

struct HistoryGenOptions {
  double noise = 0.5;            // standard deviation of the rating noise, 0..5
  double rating_rate = 0.85;     // share of pairs with a rating, 0..1
  double completed_rate = 0.95;  // share of pairs with a completion flag, 0..1
  std::uint64_t seed = 1;
  bool groups = false;  // also write historical groups (see above)
  int group_min = 4;    // group sizes, 2 <= group_min <= group_max <= 50
  int group_max = 6;
};

// GeneratePastCohort. InvalidArgument when the cohort or the policy is
// invalid (the validators' problems, as a BadRequest), or `truth` does not
// have the staff policy's criteria count, or its weights are negative, not
// finite or sum to 0, or the group sizes are out of range (with groups), or
// without groups the cohort lacks mentors or mentees, or with groups it
// has no peer and no mentee.
[[nodiscard]] absl::StatusOr<sopu::v1::PastCohort> GeneratePastCohort(
    const std::string& name, const sopu::v1::Cohort& cohort,
    const sopu::v1::Policy& staff_policy, const sopu::v1::Policy& truth,
    const HistoryGenOptions& options);

}  // namespace sopu::gen

#endif  // SOPU_SERVICE_GEN_HISTORY_GENERATOR_H_
