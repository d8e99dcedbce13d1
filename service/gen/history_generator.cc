#include "service/gen/history_generator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "engine/scoring/pool_scores.h"
#include "engine/scoring/scoring_model.h"
#include "service/gen/gen_random.h"
#include "service/handlers/prepare_inputs.h"
#include "service/history/calibration_data.h"
#include "service/validation/violation_list.h"

namespace sopu::gen {
namespace {

// kMaxGroupSize bounds HistoryGenOptions::group_max.
constexpr int kMaxGroupSize = 50;

bool HasRole(const sopu::v1::Cohort& cohort, sopu::v1::Role role) {
  return std::any_of(cohort.participants().begin(), cohort.participants().end(),
                     [role](const sopu::v1::Participant& p) {
                       return std::any_of(p.roles().begin(), p.roles().end(),
                                          [role](int r) { return r == role; });
                     });
}

// SplitSizes: the sizes of the groups staff make of n members within
// min..max: ceil(n / max) groups of balanced sizes when each then has at
// least min members, otherwise floor(n / max) groups of max (the rest, fewer
// than min, is left over).
std::vector<int> SplitSizes(int n, int min, int max) {
  int g = (n + max - 1) / max;
  if (g * min > n) g = n / max;
  std::vector<int> sizes;
  if (g == 0) return sizes;
  const int used = std::min(n, g * max);
  for (int i = 0; i < g; ++i)
    sizes.push_back(used / g + (i < used % g ? 1 : 0));
  return sizes;
}

// FormStaffGroups splits the pool (indices 0..n-1 of `people`) as staff
// often do: random order, region first, then the rest mixed, then the last
// few into groups with room (see history_generator.h).
std::vector<std::vector<int>> FormStaffGroups(
    const std::vector<sopu::Participant>& people, int min, int max,
    GenRandom& rng) {
  std::vector<int> order(people.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = static_cast<int>(i);
  }
  rng.Shuffle(order);
  std::vector<std::string> regions;  // in order of first appearance
  std::map<std::string, std::vector<int>> by_region;
  for (const int i : order) {
    const std::string& region = people[static_cast<std::size_t>(i)].region;
    auto [it, fresh] = by_region.try_emplace(region);
    if (fresh) regions.push_back(region);
    it->second.push_back(i);
  }
  std::vector<std::vector<int>> groups;
  auto split = [&](const std::vector<int>& members, std::vector<int>& rest) {
    std::size_t at = 0;
    for (const int size :
         SplitSizes(static_cast<int>(members.size()), min, max)) {
      groups.emplace_back(
          members.begin() + static_cast<std::ptrdiff_t>(at),
          members.begin() + static_cast<std::ptrdiff_t>(at + size));
      at += static_cast<std::size_t>(size);
    }
    rest.insert(rest.end(), members.begin() + static_cast<std::ptrdiff_t>(at),
                members.end());
  };
  std::vector<int> mixed;
  for (const std::string& region : regions) split(by_region[region], mixed);
  std::vector<int> last;
  split(mixed, last);
  for (const int i : last) {
    std::vector<std::size_t> room;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (static_cast<int>(groups[g].size()) < max) room.push_back(g);
    }
    if (room.empty()) break;  // the rest stays ungrouped
    groups[room[static_cast<std::size_t>(
               rng.Int(0, static_cast<int>(room.size()) - 1))]]
        .push_back(i);
  }
  return groups;
}

// AddGroups writes the staff-made groups of the pool and their outcomes.
absl::Status AddGroups(const service::PreparedInputs& inputs, bool peers,
                       const std::vector<double>& t, double truth_sum,
                       const HistoryGenOptions& options,
                       sopu::v1::PastCohort& past) {
  const sopu::Cohort pool =
      PoolCohort(inputs.cohort, peers ? kRolePeer : kRoleMentee);
  absl::StatusOr<ScoringModel> model = ScoringModel::Build(pool, inputs.policy);
  if (!model.ok()) return model.status();
  GenRandom rng(MixSeed(options.seed, 2));
  for (const std::vector<int>& members : FormStaffGroups(
           pool.participants, options.group_min, options.group_max, rng)) {
    const service::GroupFeatures f = service::ScoreGroup(*model, members);
    double s = 0.0;
    for (std::size_t k = 0; k < f.values.size(); ++k) s += t[k] * f.values[k];
    s /= truth_sum;
    double rating = 0.0;
    for (std::size_t m = 0; m < members.size(); ++m) {
      const double noise = rng.Normal() * options.noise;
      rating += std::round(std::clamp(1.0 + 4.0 * s + noise, 1.0, 5.0));
    }
    rating /= static_cast<double>(members.size());
    const bool completed =
        rng.Real() < 1.0 / (1.0 + std::exp(-8.0 * (s - 0.3)));
    const bool rated = rng.Chance(options.rating_rate);
    const bool known = rng.Chance(options.completed_rate);
    auto* group = past.add_groups();
    for (const int i : members) {
      group->add_member_ids(pool.participants[static_cast<std::size_t>(i)].id);
    }
    if (rated) group->set_rating(rating);
    if (known) group->set_completed(completed);
  }
  return absl::OkStatus();
}

// MentorChoices: the mentors with room whom mentee row r may meet; only
// those of the mentee's region when there are any (staff look near first).
std::vector<int> MentorChoices(const ScoringModel& model,
                               const ScoreMatrix& matrix,
                               const std::vector<sopu::Participant>& people,
                               const std::vector<int>& room, int r) {
  const auto& mentee = people[static_cast<std::size_t>(
      model.mentees()[static_cast<std::size_t>(r)])];
  std::vector<int> near;
  std::vector<int> any;
  for (int c = 0; c < matrix.cols(); ++c) {
    if (room[static_cast<std::size_t>(c)] <= 0 || !matrix.allowed(r, c)) {
      continue;
    }
    any.push_back(c);
    const auto& mentor = people[static_cast<std::size_t>(
        model.mentors()[static_cast<std::size_t>(c)])];
    if (!mentee.region.empty() && mentee.region == mentor.region) {
      near.push_back(c);
    }
  }
  return near.empty() ? any : near;
}

// StaffPairs: the mentees in random order each take a random one of their
// MentorChoices while mentors have room; each row's column, or -1.
std::vector<int> StaffPairs(const ScoringModel& model,
                            const ScoreMatrix& matrix,
                            const std::vector<sopu::Participant>& people,
                            GenRandom& rng) {
  const int rows = matrix.rows();
  const int cols = matrix.cols();
  std::vector<int> order(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) order[static_cast<std::size_t>(r)] = r;
  rng.Shuffle(order);
  std::vector<int> room(static_cast<std::size_t>(cols));
  for (int c = 0; c < cols; ++c) {
    room[static_cast<std::size_t>(c)] =
        people[static_cast<std::size_t>(
                   model.mentors()[static_cast<std::size_t>(c)])]
            .capacity;
  }
  std::vector<int> mentor_of(static_cast<std::size_t>(rows), -1);
  for (const int r : order) {
    const std::vector<int> pool = MentorChoices(model, matrix, people, room, r);
    if (pool.empty()) continue;
    const int c = pool[static_cast<std::size_t>(
        rng.Int(0, static_cast<int>(pool.size()) - 1))];
    --room[static_cast<std::size_t>(c)];
    mentor_of[static_cast<std::size_t>(r)] = c;
  }
  return mentor_of;
}

// TrueFit: the pair's score under the true weights `t` (summing to
// truth_sum), 0..1.
double TrueFit(const PairExplanation& why, const std::vector<double>& t,
               double truth_sum) {
  double s = 0.0;
  for (const CriterionValue& v : why.values) {
    s += t[static_cast<std::size_t>(v.criterion)] * v.value;
  }
  return s / truth_sum;
}

// AddPairOutcome records one staff pair with outcomes drawn from its true
// fit s, in this order: a noisy 1..5 rating, completion (likelier with a
// higher fit), whether the rating and the completion are known.
void AddPairOutcome(const std::string& mentee_id, const std::string& mentor_id,
                    double s, const HistoryGenOptions& options, GenRandom& rng,
                    sopu::v1::PastCohort& past) {
  const double noise = rng.Normal() * options.noise;
  const double rating = std::round(std::clamp(1.0 + 4.0 * s + noise, 1.0, 5.0));
  const bool completed = rng.Real() < 1.0 / (1.0 + std::exp(-8.0 * (s - 0.3)));
  const bool rated = rng.Chance(options.rating_rate);
  const bool known = rng.Chance(options.completed_rate);
  auto* pair = past.add_pairs();
  pair->set_mentee_id(mentee_id);
  pair->set_mentor_id(mentor_id);
  if (rated) pair->set_rating(rating);
  if (known) pair->set_completed(completed);
}

// AddPairs makes the staff pairs and their outcomes (see the header).
absl::Status AddPairs(const service::PreparedInputs& inputs,
                      const std::vector<double>& t, double truth_sum,
                      const HistoryGenOptions& options,
                      sopu::v1::PastCohort& past) {
  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs.cohort, inputs.policy);
  if (!model.ok()) return model.status();
  const ScoreMatrix matrix = model->ComputeMatrix({.threads = 1});
  const auto& people = inputs.cohort.participants;
  GenRandom rng(options.seed);
  const std::vector<int> mentor_of = StaffPairs(*model, matrix, people, rng);
  for (int r = 0; r < matrix.rows(); ++r) {
    const int c = mentor_of[static_cast<std::size_t>(r)];
    if (c < 0) continue;
    const double s = TrueFit(model->Explain(r, c), t, truth_sum);
    const std::string& mentee_id =
        people[static_cast<std::size_t>(
                   model->mentees()[static_cast<std::size_t>(r)])]
            .id;
    const std::string& mentor_id =
        people[static_cast<std::size_t>(
                   model->mentors()[static_cast<std::size_t>(c)])]
            .id;
    AddPairOutcome(mentee_id, mentor_id, s, options, rng, past);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<sopu::v1::PastCohort> GeneratePastCohort(
    const std::string& name, const sopu::v1::Cohort& cohort,
    const sopu::v1::Policy& staff_policy, const sopu::v1::Policy& truth,
    const HistoryGenOptions& options) {
  if (truth.criteria_size() != staff_policy.criteria_size()) {
    return absl::InvalidArgumentError(
        "the true weights must name the staff policy's criteria");
  }
  double truth_sum = 0.0;
  std::vector<double> t;
  for (const auto& c : truth.criteria()) {
    if (!std::isfinite(c.weight()) || c.weight() < 0.0) {
      return absl::InvalidArgumentError(
          "a true weight is negative or not finite");
    }
    t.push_back(c.weight());
    truth_sum += c.weight();
  }
  if (!(truth_sum > 0.0)) {
    return absl::InvalidArgumentError("the true weights sum to 0");
  }
  if (options.groups &&
      !(options.group_min >= 2 && options.group_min <= options.group_max &&
        options.group_max <= kMaxGroupSize)) {
    return absl::InvalidArgumentError(
        "group sizes must satisfy 2 <= min <= max <= 50");
  }
  const bool peers = HasRole(cohort, sopu::v1::ROLE_PEER);
  if (options.groups && !peers && !HasRole(cohort, sopu::v1::ROLE_MENTEE)) {
    return absl::InvalidArgumentError(
        "groups need peers or mentees in the cohort");
  }
  // Without groups, pairs are what is made, so both sides are needed; with
  // groups, pairs are made when the cohort has both sides.
  const bool make_pairs =
      !options.groups || (HasRole(cohort, sopu::v1::ROLE_MENTOR) &&
                          HasRole(cohort, sopu::v1::ROLE_MENTEE));
  service::ViolationList violations;
  absl::StatusOr<service::PreparedInputs> inputs = service::PrepareInputs(
      cohort, &staff_policy, /*need_both_sides=*/make_pairs, violations);
  if (!inputs.ok()) return inputs.status();
  sopu::v1::PastCohort past;
  past.set_name(name);
  *past.mutable_cohort() = cohort;
  *past.mutable_policy() = staff_policy;
  if (make_pairs) {
    if (absl::Status pairs = AddPairs(*inputs, t, truth_sum, options, past);
        !pairs.ok()) {
      return pairs;
    }
  }
  if (options.groups) {
    if (absl::Status groups =
            AddGroups(*inputs, peers, t, truth_sum, options, past);
        !groups.ok()) {
      return groups;
    }
  }
  return past;
}

}  // namespace sopu::gen
