#include "service/history/calibration_data.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/scoring/pool_scores.h"
#include "engine/scoring/scoring_model.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/prepare_inputs.h"
#include "service/status/bad_request.h"
#include "service/validation/violation_list.h"

namespace sopu::service {
namespace {

// kPoolRoles: the roles a group can be scored in, in GroupPoolRole's order.
constexpr std::array<RoleBit, 4> kPoolRoles = {kRolePeer, kRoleMentee,
                                               kRoleMentor, kRoleFacilitator};

// Observations: the rows of CalibrationData as they are collected.
struct Observations {
  std::vector<std::vector<double>> rows;
  std::vector<double> outcome;
  std::vector<double> baseline;
  std::vector<int> group;
};

// AddGroupObservations appends the rated groups with a fit of round `round`.
void AddGroupObservations(const sopu::v1::PastCohort& past,
                          const std::vector<GroupFeatures>& features, int round,
                          CalibrationInput& input, Observations& out) {
  for (int i = 0; i < past.groups_size(); ++i) {
    const GroupFeatures& f = features[static_cast<std::size_t>(i)];
    if (!past.groups(i).has_rating() || f.pairs == 0) {
      ++input.unrated_groups;
      continue;
    }
    std::vector<double> row;
    row.reserve(input.criteria.size());
    for (const int k : input.criteria) {
      row.push_back(f.values[static_cast<std::size_t>(k)]);
    }
    out.rows.push_back(std::move(row));
    out.outcome.push_back(past.groups(i).rating());
    out.baseline.push_back(f.fit);
    out.group.push_back(round);
    ++input.group_observations;
  }
}

// PrepareProblem: why a round's cohort or the policy does not fit it: the
// status message, with its first violation when it has any.
std::string PrepareProblem(const absl::Status& status) {
  const std::vector<FieldViolation> problems = ViolationsOf(status);
  return problems.empty() ? std::string(status.message())
                          : absl::StrCat(problems[0].field(), ": ",
                                         problems[0].description());
}

// AddPairObservations appends the rated historical pairs of round `round`
// (pairs without a rating are counted as unrated).
void AddPairObservations(const sopu::v1::PastCohort& past,
                         const ScoringModel& model, int round,
                         CalibrationInput& input, Observations& out) {
  const auto& people = model.cohort().participants;
  std::unordered_map<std::string, int> row_of;
  std::unordered_map<std::string, int> col_of;
  for (std::size_t r = 0; r < model.mentees().size(); ++r) {
    row_of.emplace(people[static_cast<std::size_t>(model.mentees()[r])].id,
                   static_cast<int>(r));
  }
  for (std::size_t c = 0; c < model.mentors().size(); ++c) {
    col_of.emplace(people[static_cast<std::size_t>(model.mentors()[c])].id,
                   static_cast<int>(c));
  }
  for (const auto& pair : past.pairs()) {
    if (!pair.has_rating()) {
      ++input.unrated_pairs;
      continue;
    }
    auto r = row_of.find(pair.mentee_id());
    auto c = col_of.find(pair.mentor_id());
    if (r == row_of.end() || c == col_of.end()) continue;  // validated
    const PairExplanation why = model.Explain(r->second, c->second);
    std::vector<double> features;
    for (const int k : input.criteria) {
      features.push_back(why.values[static_cast<std::size_t>(k)].value);
    }
    out.rows.push_back(std::move(features));
    out.outcome.push_back(pair.rating());
    out.baseline.push_back(why.score);
    out.group.push_back(round);
    ++input.pair_observations;
  }
}

// AddRound appends the observations of round `round` (its rated pairs, then
// its rated groups), or the reason it is skipped.
void AddRound(const sopu::v1::PastCohort& past, int round,
              const sopu::v1::Policy& policy, CalibrationInput& input,
              Observations& out) {
  ViolationList violations;
  // A groups-only round (e.g. peers) needs no mentor or mentee.
  const bool groups_only = past.pairs_size() == 0 && past.groups_size() > 0;
  absl::StatusOr<PreparedInputs> prepared = PrepareInputs(
      past.cohort(), &policy, /*need_both_sides=*/!groups_only, violations);
  if (!prepared.ok()) {
    input.skipped.push_back(
        absl::StrCat(past.name(), ": ", PrepareProblem(prepared.status())));
    return;
  }
  absl::StatusOr<std::vector<GroupFeatures>> group_features =
      ScoreHistoricalGroups(prepared->cohort, prepared->policy, past.groups());
  if (!group_features.ok()) {
    input.skipped.push_back(
        absl::StrCat(past.name(), ": ", group_features.status().message()));
    return;
  }
  if (groups_only) {
    ++input.rounds_used;
  } else {
    absl::StatusOr<ScoringModel> model =
        ScoringModel::Build(prepared->cohort, prepared->policy);
    if (!model.ok()) {
      input.skipped.push_back(
          absl::StrCat(past.name(), ": ", model.status().message()));
      return;
    }
    ++input.rounds_used;
    AddPairObservations(past, *model, round, input, out);
  }
  AddGroupObservations(past, *group_features, round, input, out);
}

// SetCalibrationData moves the collected observations into input.data (one
// row per observation, one column per soft criterion).
void SetCalibrationData(Observations observations, CalibrationInput& input) {
  const std::vector<std::vector<double>>& rows = observations.rows;
  const auto n = static_cast<Eigen::Index>(rows.size());
  const auto k = static_cast<Eigen::Index>(input.criteria.size());
  input.data.features.resize(n, k);
  input.data.outcome.resize(n);
  input.data.baseline.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < k; ++j) {
      input.data.features(i, j) =
          rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    }
    input.data.outcome(i) = observations.outcome[static_cast<std::size_t>(i)];
    input.data.baseline(i) = observations.baseline[static_cast<std::size_t>(i)];
  }
  input.data.group = std::move(observations.group);
}

}  // namespace

GroupFeatures ScoreGroup(const ScoringModel& pool_model,
                         const std::vector<int>& members) {
  GroupFeatures out;
  out.values.assign(pool_model.policy().criteria.size(), 0.0);
  for (std::size_t a = 0; a < members.size(); ++a) {
    for (std::size_t b = a + 1; b < members.size(); ++b) {
      const PairExplanation pair =
          ExplainBothWays(pool_model, members[a], members[b]);
      out.fit += pair.score;
      ++out.pairs;
      for (std::size_t k = 0; k < pair.values.size(); ++k) {
        out.values[k] += pair.values[k].value;
      }
    }
  }
  if (out.pairs > 0) {
    const auto n = static_cast<double>(out.pairs);
    out.fit /= n;
    for (double& v : out.values) v /= n;
  }
  return out;
}

RoleBit GroupPoolRole(const std::vector<const Participant*>& members) {
  for (const RoleBit role : kPoolRoles) {
    if (std::all_of(members.begin(), members.end(),
                    [role](const Participant* p) { return p->Has(role); })) {
      return role;
    }
  }
  return static_cast<RoleBit>(0);
}

absl::StatusOr<std::vector<GroupFeatures>> ScoreHistoricalGroups(
    const Cohort& cohort, const Policy& policy,
    const google::protobuf::RepeatedPtrField<sopu::v1::HistoricalGroup>&
        groups) {
  std::unordered_map<std::string, int> index;
  for (std::size_t i = 0; i < cohort.participants.size(); ++i) {
    index.emplace(cohort.participants[i].id, static_cast<int>(i));
  }
  // Per role, the pool (built on first use; a model points into its pool,
  // so both stay in place) and each participant's index in it.
  std::array<std::optional<Cohort>, kPoolRoles.size()> pools;
  std::array<std::optional<ScoringModel>, kPoolRoles.size()> models;
  std::array<std::vector<int>, kPoolRoles.size()> pool_index;
  std::vector<GroupFeatures> out;
  out.reserve(static_cast<std::size_t>(groups.size()));
  for (const sopu::v1::HistoricalGroup& group : groups) {
    GroupFeatures& features = out.emplace_back();
    std::vector<const Participant*> people;
    std::vector<int> at;
    for (const std::string& id : group.member_ids()) {
      auto it = index.find(id);
      if (it == index.end()) continue;  // validated
      at.push_back(it->second);
      people.push_back(
          &cohort.participants[static_cast<std::size_t>(it->second)]);
    }
    const RoleBit role = GroupPoolRole(people);
    if (people.size() < 2 || role == 0) continue;
    const auto r = static_cast<std::size_t>(
        std::find(kPoolRoles.begin(), kPoolRoles.end(), role) -
        kPoolRoles.begin());
    if (!models[r].has_value()) {
      pools[r].emplace(PoolCohort(cohort, role));
      absl::StatusOr<ScoringModel> model =
          ScoringModel::Build(*pools[r], policy);
      if (!model.ok()) return model.status();
      models[r].emplace(*std::move(model));
      pool_index[r].assign(cohort.participants.size(), -1);
      int next = 0;
      for (std::size_t i = 0; i < cohort.participants.size(); ++i) {
        if (cohort.participants[i].Has(role)) pool_index[r][i] = next++;
      }
    }
    std::vector<int> members;
    members.reserve(at.size());
    for (const int i : at) {
      members.push_back(pool_index[r][static_cast<std::size_t>(i)]);
    }
    features = ScoreGroup(*models[r], members);
  }
  return out;
}

absl::StatusOr<CalibrationInput> BuildCalibrationInput(
    const std::vector<sopu::v1::PastCohort>& rounds,
    const sopu::v1::Policy& policy) {
  CalibrationInput input;
  for (int k = 0; k < policy.criteria_size(); ++k) {
    if (!policy.criteria(k).hard()) {
      input.criteria.push_back(k);
      input.names.push_back(CriterionName(policy.criteria(k)));
    }
  }
  if (input.criteria.empty()) {
    return absl::InvalidArgumentError(
        "the policy has no soft criterion to calibrate");
  }
  Observations observations;
  for (std::size_t g = 0; g < rounds.size(); ++g) {
    AddRound(rounds[g], static_cast<int>(g), policy, input, observations);
  }
  SetCalibrationData(std::move(observations), input);
  return input;
}

Eigen::VectorXd SoftWeightShares(const sopu::v1::Policy& policy,
                                 const CalibrationInput& input) {
  Eigen::VectorXd w(static_cast<Eigen::Index>(input.criteria.size()));
  for (std::size_t j = 0; j < input.criteria.size(); ++j) {
    w(static_cast<Eigen::Index>(j)) =
        policy.criteria(input.criteria[j]).weight();
  }
  const double sum = w.sum();
  return sum > 0.0 ? Eigen::VectorXd(w / sum) : Eigen::VectorXd::Zero(w.size());
}

sopu::v1::Policy ProposedPolicy(const sopu::v1::Policy& policy,
                                const CalibrationInput& input,
                                const Eigen::VectorXd& shares) {
  double soft_sum = 0.0;
  for (const int k : input.criteria) soft_sum += policy.criteria(k).weight();
  if (!(soft_sum > 0.0)) soft_sum = 1.0;
  sopu::v1::Policy proposed = policy;
  for (auto& c : *proposed.mutable_criteria()) {
    if (c.hard()) c.set_weight(0.0);
  }
  for (std::size_t j = 0; j < input.criteria.size(); ++j) {
    const double w = shares(static_cast<Eigen::Index>(j)) * soft_sum;
    proposed.mutable_criteria(input.criteria[j])
        ->set_weight(std::round(w * 1e4) / 1e4);
  }
  proposed.set_name(absl::StrCat(
      policy.name().empty() ? std::string("policy") : policy.name(),
      " (calibrated)"));
  return proposed;
}

}  // namespace sopu::service
