#include "service/handlers/match_handler.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/assignment/capacitated_assignment.h"
#include "engine/assignment/fair_assignment.h"
#include "engine/assignment/stable_matching.h"
#include "engine/scoring/scoring_model.h"
#include "engine/version.h"
#include "service/convert/policy_convert.h"
#include "service/handlers/pair_explanations.h"
#include "service/handlers/prepare_inputs.h"
#include "service/status/bad_request.h"

namespace sopu::service {
namespace {

using sopu::v1::MatchRequest;
using sopu::v1::PairRef;
using PairList = google::protobuf::RepeatedPtrField<PairRef>;

// Sides maps participant ids to rows (mentees) and columns (mentors).
struct Sides {
  std::unordered_map<std::string, int> row_of;
  std::unordered_map<std::string, int> col_of;
};

// IndexSides numbers mentees and mentors in cohort order, exactly as
// ScoringModel orders its rows and columns.
Sides IndexSides(const sopu::v1::Cohort& cohort) {
  Sides sides;
  for (const auto& p : cohort.participants()) {
    for (int role : p.roles()) {
      if (role == sopu::v1::ROLE_MENTEE) {
        sides.row_of.try_emplace(p.id(), static_cast<int>(sides.row_of.size()));
      } else if (role == sopu::v1::ROLE_MENTOR) {
        sides.col_of.try_emplace(p.id(), static_cast<int>(sides.col_of.size()));
      }
    }
  }
  return sides;
}

// A pair list entry resolved to matrix indices; -1 where invalid.
struct ResolvedPair {
  int row = -1;
  int col = -1;
};

// ResolvePairs checks one pair list of the request against the cohort.
std::vector<ResolvedPair> ResolvePairs(const PairList& pairs,
                                       const std::string& field,
                                       const Sides& sides,
                                       const sopu::v1::Cohort& cohort,
                                       bool one_per_mentee, bool departed_ok,
                                       ViolationList& violations) {
  std::unordered_map<std::string, int> ids;
  for (const auto& p : cohort.participants()) ids.emplace(p.id(), 0);
  std::unordered_map<int, int> first_of_row;
  std::vector<ResolvedPair> out;
  for (int k = 0; k < pairs.size(); ++k) {
    const PairRef& pair = pairs[k];
    const std::string base = absl::StrCat(field, "[", k, "]");
    ResolvedPair resolved;
    auto check = [&](const std::string& id, const std::string& path,
                     const std::unordered_map<std::string, int>& side,
                     const char* role, int& index) {
      if (id.empty()) {
        violations.Add(path, "is required");
      } else if (auto it = side.find(id); it != side.end()) {
        index = it->second;
      } else if (ids.contains(id)) {
        violations.Add(path, absl::StrCat("the participant is not a ", role));
      } else if (!departed_ok) {
        violations.Add(path, "names no participant of the cohort");
      }
    };
    check(pair.mentee_id(), base + ".mentee_id", sides.row_of, "mentee",
          resolved.row);
    check(pair.mentor_id(), base + ".mentor_id", sides.col_of, "mentor",
          resolved.col);
    if (one_per_mentee && resolved.row >= 0) {
      auto [it, inserted] = first_of_row.try_emplace(resolved.row, k);
      if (!inserted) {
        violations.Add(base + ".mentee_id",
                       absl::StrCat("the mentee is already in ", field, "[",
                                    it->second, "]"));
        resolved.row = -1;
      }
    }
    out.push_back(resolved);
  }
  return out;
}

// Problem is the assignment instance plus what the report needs.
struct Problem {
  AssignmentProblem assignment;        // locked rows removed, bonus added
  std::vector<std::uint8_t> excluded;  // request-forbidden pairs
  std::vector<int> locked_col;         // per row, -1 = not locked
  std::vector<int> capacity;           // per column, before locks
};

[[nodiscard]] std::size_t At(int r, int c, int cols) {
  return static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) +
         static_cast<std::size_t>(c);
}

// kMaxCompetitionWork bounds the work spent counting competing mentees for
// the unmatched reasons (unmatched x rows x cols cell visits).
constexpr double kMaxCompetitionWork = 5e7;

// UnmatchedReason explains, in rules and capacities, why row `r` has no
// mentor in `mentor_of`. With `count_competition`, also how many mentees can
// only use the same mentors (O(rows x cols) per call).
std::string UnmatchedReason(const ScoringModel& model,
                            const ScoreMatrix& matrix, const Problem& problem,
                            const std::vector<int>& mentor_of,
                            const MatchRequest& request, int r,
                            bool count_competition) {
  const int rows = matrix.rows();
  const int cols = matrix.cols();
  const bool min_filter =
      request.objective() == sopu::v1::OBJECTIVE_MAX_SCORE &&
      request.has_min_score();
  auto allowed = [&](int row, int c) {
    return matrix.allowed(row, c) && problem.excluded[At(row, c, cols)] == 0;
  };
  auto usable = [&](int row, int c) {
    return allowed(row, c) &&
           (!min_filter || matrix.scores(row, c) >= request.min_score());
  };
  std::vector<int> options;
  bool any_allowed = false;
  bool any_policy_allowed = false;
  for (int c = 0; c < cols; ++c) {
    any_policy_allowed = any_policy_allowed || matrix.allowed(r, c);
    any_allowed = any_allowed || allowed(r, c);
    if (usable(r, c)) options.push_back(c);
  }
  if (!any_policy_allowed) return ExplainExclusion(model, r).sentence;
  if (!any_allowed) {
    return "every mentor the policy allows is in the request's forbidden "
           "pairs";
  }
  if (options.empty()) {
    return absl::StrCat("no allowed mentor scores at least the minimum ",
                        request.min_score());
  }
  const std::string qualifier =
      min_filter ? absl::StrCat(" scoring at least ", request.min_score()) : "";
  std::vector<int> used(static_cast<std::size_t>(cols), 0);
  for (int row = 0; row < rows; ++row) {
    const int c = mentor_of[static_cast<std::size_t>(row)];
    if (c >= 0) ++used[static_cast<std::size_t>(c)];
  }
  int seats = 0;
  bool all_full = true;
  for (int c : options) {
    seats += problem.capacity[static_cast<std::size_t>(c)];
    all_full = all_full && used[static_cast<std::size_t>(c)] >=
                               problem.capacity[static_cast<std::size_t>(c)];
  }
  if (!all_full) {
    if (request.objective() == sopu::v1::OBJECTIVE_STABLE) {
      return request.use_wishes()
                 ? "the allowed mentors with room are not on this mentee's "
                   "wish-list"
                 : "no allowed mentor with room was left for this mentee";
    }
    return "a mentor with room was allowed, but leaving this mentee out "
           "scored more";
  }
  std::string competition;
  if (count_competition) {
    // Mentees whose usable mentors all lie within `options`.
    std::vector<char> in_options(static_cast<std::size_t>(cols), 0);
    for (int c : options) in_options[static_cast<std::size_t>(c)] = 1;
    int competing = 0;
    for (int row = 0; row < rows; ++row) {
      bool inside = true;
      bool any = false;
      for (int c = 0; c < cols && inside; ++c) {
        if (!usable(row, c)) continue;
        any = true;
        inside = in_options[static_cast<std::size_t>(c)] != 0;
      }
      competing += (any && inside) ? 1 : 0;
    }
    competition = absl::StrCat(
        "; ", competing == 1 ? "1 mentee" : absl::StrCat(competing, " mentees"),
        " can only be matched with ",
        options.size() == 1 ? "this mentor" : "these mentors");
  }
  if (options.size() == 1) {
    const auto& people = model.cohort().participants;
    const std::string& id =
        people[static_cast<std::size_t>(
                   model.mentors()[static_cast<std::size_t>(options[0])])]
            .id;
    return absl::StrCat("the only allowed mentor", qualifier, ", ", id,
                        ", is full (capacity ", seats, competition, ")");
  }
  return absl::StrCat("all ", options.size(), " allowed mentors", qualifier,
                      " are full (capacity ", seats, " in all", competition,
                      ")");
}

// Wishes maps each mentee's wish-list to mentor columns (wishes naming
// someone who is not a mentor are left out).
std::vector<std::vector<int>> Wishes(const ScoringModel& model) {
  const auto& people = model.cohort().participants;
  std::unordered_map<std::string, int> col_of;
  for (std::size_t c = 0; c < model.mentors().size(); ++c) {
    col_of.emplace(people[static_cast<std::size_t>(model.mentors()[c])].id,
                   static_cast<int>(c));
  }
  std::vector<std::vector<int>> wishes(model.mentees().size());
  for (std::size_t r = 0; r < model.mentees().size(); ++r) {
    for (const std::string& id :
         people[static_cast<std::size_t>(model.mentees()[r])].wishes) {
      if (auto it = col_of.find(id); it != col_of.end()) {
        wishes[r].push_back(it->second);
      }
    }
  }
  return wishes;
}

// Solve runs the request's objective on `problem` and returns each row's
// column (-1 unmatched); sets the status and the objective's own figures
// (fairness cost, blocking pairs, gap) in `response`.
absl::StatusOr<std::vector<int>> Solve(const MatchRequest& request,
                                       const ScoringModel& model,
                                       const ScoreMatrix& matrix,
                                       const AssignmentProblem& problem,
                                       const AssignmentOptions& options,
                                       sopu::v1::MatchResponse& response) {
  auto* summary = response.mutable_summary();
  // PolicyTotal: a solution's total in policy scores (no continuity bonus).
  auto policy_total = [&](const std::vector<int>& mentor_of) {
    double total = 0.0;
    for (std::size_t r = 0; r < mentor_of.size(); ++r) {
      if (mentor_of[r] >= 0)
        total += matrix.scores(static_cast<int>(r), mentor_of[r]);
    }
    return total;
  };
  // OptimalPolicyTotal: the exact optimum's total, for the price of fairness
  // and the stable gap; nullopt when cancelled.
  auto optimal_policy_total = [&]() -> absl::StatusOr<std::optional<double>> {
    AssignmentOptions exact;
    exact.cancel = options.cancel;
    absl::StatusOr<AssignmentResult> optimal =
        SolveCapacitatedAssignment(problem, exact);
    if (!optimal.ok()) return optimal.status();
    if (optimal->status != AssignmentStatus::kOptimal) return std::nullopt;
    return policy_total(optimal->solution.mentor_of);
  };
  switch (request.objective()) {
    case sopu::v1::OBJECTIVE_FAIR: {
      FairAssignmentOptions fair;
      fair.compute_price_of_fairness =
          false;  // computed below, in policy scores
      fair.cancel = options.cancel;
      fair.progress = options.progress;
      absl::StatusOr<FairAssignmentResult> result =
          SolveFairAssignment(problem, fair);
      if (!result.ok()) return result.status();
      const bool cancelled = result->status == FairAssignmentStatus::kCancelled;
      response.set_status(cancelled ? sopu::v1::SOLVER_STATUS_CANCELLED
                                    : sopu::v1::SOLVER_STATUS_OPTIMAL);
      if (!cancelled) {
        absl::StatusOr<std::optional<double>> optimal = optimal_policy_total();
        if (!optimal.ok()) return optimal.status();
        if (optimal->has_value()) {
          summary->set_fairness_cost(std::max(
              0.0, **optimal - policy_total(result->solution.mentor_of)));
        }
      }
      return result->solution.mentor_of;
    }
    case sopu::v1::OBJECTIVE_STABLE: {
      absl::StatusOr<StableMatchingProblem> rankings =
          RankingsFromScores(problem);
      if (request.use_wishes()) {
        rankings = RankingsFromScoresAndWishes(problem, Wishes(model));
        if (!rankings.ok()) return rankings.status();
      }
      StableMatchingOptions stable;
      stable.cancel = options.cancel;
      stable.progress = options.progress;
      absl::StatusOr<StableMatchingResult> result =
          SolveStableMatching(*rankings, stable);
      if (!result.ok()) return result.status();
      if (result->status == StableMatchingStatus::kCancelled) {
        response.set_status(sopu::v1::SOLVER_STATUS_CANCELLED);
        return std::vector<int>();
      }
      if (result->blocking_pairs != 0) {
        return absl::InternalError("the stable matching has a blocking pair");
      }
      response.set_status(sopu::v1::SOLVER_STATUS_STABLE);
      summary->set_blocking_pairs(static_cast<int>(result->blocking_pairs));
      absl::StatusOr<std::optional<double>> optimal = optimal_policy_total();
      if (!optimal.ok()) return optimal.status();
      if (optimal->has_value()) {
        summary->set_gap_to_optimal(**optimal -
                                    policy_total(result->mentor_of));
      }
      return result->mentor_of;
    }
    default: {
      absl::StatusOr<AssignmentResult> result =
          SolveCapacitatedAssignment(problem, options);
      if (!result.ok()) return result.status();
      if (result->status == AssignmentStatus::kCancelled) {
        response.set_status(sopu::v1::SOLVER_STATUS_CANCELLED);
      } else if (!CheckAssignmentCertificate(problem, options, *result)) {
        return absl::InternalError(
            "the assignment solver's optimality certificate did not check");
      } else {
        response.set_status(sopu::v1::SOLVER_STATUS_OPTIMAL);
      }
      return result->solution.mentor_of;
    }
  }
}

}  // namespace

absl::StatusOr<sopu::v1::MatchResponse> HandleMatch(const MatchRequest& request,
                                                    const MatchHooks& hooks) {
  ViolationList violations;
  if (!sopu::v1::Objective_IsValid(request.objective())) {
    violations.Add("objective", "unknown objective");
  }
  if (request.has_continuity_bonus() && !(request.continuity_bonus() >= 0.0 &&
                                          request.continuity_bonus() <= 1.0)) {
    violations.Add("continuity_bonus", "must be in 0..1");
  }
  if (request.has_min_score()) {
    if (!(request.min_score() >= 0.0 && request.min_score() <= 1.0)) {
      violations.Add("min_score", "must be in 0..1");
    } else if (request.objective() != sopu::v1::OBJECTIVE_MAX_SCORE) {
      violations.Add("min_score", "only applies to OBJECTIVE_MAX_SCORE");
    }
  }
  if (request.use_wishes() &&
      request.objective() != sopu::v1::OBJECTIVE_STABLE) {
    violations.Add("use_wishes", "only applies to OBJECTIVE_STABLE");
  }
  const Sides sides = IndexSides(request.cohort());
  const std::vector<ResolvedPair> locked =
      ResolvePairs(request.locked(), "locked", sides, request.cohort(),
                   /*one_per_mentee=*/true, /*departed_ok=*/false, violations);
  const std::vector<ResolvedPair> forbidden =
      ResolvePairs(request.forbidden(), "forbidden", sides, request.cohort(),
                   /*one_per_mentee=*/false, /*departed_ok=*/false, violations);
  const std::vector<ResolvedPair> previous =
      ResolvePairs(request.previous(), "previous", sides, request.cohort(),
                   /*one_per_mentee=*/true, /*departed_ok=*/true, violations);
  absl::StatusOr<PreparedInputs> inputs = PrepareInputs(
      request.cohort(), request.has_policy() ? &request.policy() : nullptr,
      /*need_both_sides=*/true, violations);
  if (!inputs.ok()) return inputs.status();

  absl::StatusOr<ScoringModel> model =
      ScoringModel::Build(inputs->cohort, inputs->policy);
  if (!model.ok()) return model.status();

  const ScoreMatrix matrix = model->ComputeMatrix();
  const int rows = matrix.rows();
  const int cols = matrix.cols();
  const auto& people = model->cohort().participants;

  Problem problem;
  problem.excluded.assign(static_cast<std::size_t>(rows) * cols, 0);
  for (const ResolvedPair& p : forbidden) {
    problem.excluded[At(p.row, p.col, cols)] = 1;
  }
  problem.capacity.resize(static_cast<std::size_t>(cols));
  for (int c = 0; c < cols; ++c) {
    problem.capacity[static_cast<std::size_t>(c)] =
        people[static_cast<std::size_t>(
                   model->mentors()[static_cast<std::size_t>(c)])]
            .capacity;
  }
  problem.locked_col.assign(static_cast<std::size_t>(rows), -1);
  std::vector<int> room = problem.capacity;
  for (int k = 0; k < static_cast<int>(locked.size()); ++k) {
    const ResolvedPair& p = locked[static_cast<std::size_t>(k)];
    const std::string base = absl::StrCat("locked[", k, "]");
    if (!matrix.allowed(p.row, p.col)) {
      violations.Add(
          base, absl::StrCat("the pair is forbidden by rule ",
                             VerdictRuleName(model->policy(),
                                             matrix.verdicts(p.row, p.col))));
    } else if (problem.excluded[At(p.row, p.col, cols)] != 0) {
      violations.Add(base, "the pair is also in forbidden");
    } else if (--room[static_cast<std::size_t>(p.col)] < 0) {
      violations.Add(base + ".mentor_id",
                     "more locked pairs than the mentor's capacity");
    }
    problem.locked_col[static_cast<std::size_t>(p.row)] = p.col;
  }
  if (!violations.empty()) {
    return violations.ToStatus();
  }

  AssignmentProblem& a = problem.assignment;
  a.rows = rows;
  a.cols = cols;
  a.capacity = room;
  a.scores.resize(static_cast<std::size_t>(rows) * cols);
  a.forbidden.resize(a.scores.size());
  const bool min_filter =
      request.objective() == sopu::v1::OBJECTIVE_MAX_SCORE &&
      request.has_min_score();
  for (int r = 0; r < rows; ++r) {
    const bool row_locked =
        problem.locked_col[static_cast<std::size_t>(r)] >= 0;
    for (int c = 0; c < cols; ++c) {
      const std::size_t i = At(r, c, cols);
      a.scores[i] = matrix.scores(r, c);
      a.forbidden[i] = static_cast<std::uint8_t>(
          row_locked || !matrix.allowed(r, c) || problem.excluded[i] != 0 ||
          (min_filter && matrix.scores(r, c) < request.min_score()));
    }
  }
  const double bonus = request.has_continuity_bonus()
                           ? request.continuity_bonus()
                           : kDefaultContinuityBonus;
  for (const ResolvedPair& p : previous) {
    if (p.row >= 0 && p.col >= 0) a.scores[At(p.row, p.col, cols)] += bonus;
  }

  AssignmentOptions options;
  options.cancel = hooks.cancel;
  options.progress = hooks.progress;
  options.objective = request.objective() == sopu::v1::OBJECTIVE_MAX_SCORE
                          ? AssignmentObjective::kMaxScore
                          : AssignmentObjective::kMaxCardinalityThenScore;
  sopu::v1::MatchResponse response;
  absl::StatusOr<std::vector<int>> solved =
      Solve(request, *model, matrix, a, options, response);
  if (!solved.ok()) return solved.status();
  std::vector<int> mentor_of = *std::move(solved);
  if (mentor_of.empty()) mentor_of.assign(static_cast<std::size_t>(rows), -1);
  for (int r = 0; r < rows; ++r) {
    const int c = problem.locked_col[static_cast<std::size_t>(r)];
    if (c >= 0) mentor_of[static_cast<std::size_t>(r)] = c;
  }

  // Report.
  auto id_of_row = [&](int r) -> const std::string& {
    return people[static_cast<std::size_t>(
                      model->mentees()[static_cast<std::size_t>(r)])]
        .id;
  };
  auto id_of_col = [&](int c) -> const std::string& {
    return people[static_cast<std::size_t>(
                      model->mentors()[static_cast<std::size_t>(c)])]
        .id;
  };
  auto* summary = response.mutable_summary();
  summary->set_mentees(rows);
  double total = 0.0;
  double worst = 0.0;
  int top3 = 0;
  const auto unmatched_rows =
      static_cast<double>(std::count(mentor_of.begin(), mentor_of.end(), -1));
  const bool count_competition =
      unmatched_rows * rows * cols <= kMaxCompetitionWork;
  for (int r = 0; r < rows; ++r) {
    const int c = mentor_of[static_cast<std::size_t>(r)];
    if (c < 0) {
      auto* unmatched = response.add_unmatched();
      unmatched->set_mentee_id(id_of_row(r));
      unmatched->set_reason(UnmatchedReason(*model, matrix, problem, mentor_of,
                                            request, r, count_competition));
      continue;
    }
    const PairExplanation pair = model->Explain(r, c);
    auto* out = response.add_pairs();
    out->set_mentee_id(id_of_row(r));
    out->set_mentor_id(id_of_col(c));
    out->set_score(pair.score);
    AddTopReasons(*model, pair, *out->mutable_reasons());
    out->set_locked(problem.locked_col[static_cast<std::size_t>(r)] == c);
    int rank = 1;
    for (int other = 0; other < cols; ++other) {
      if (matrix.allowed(r, other) &&
          problem.excluded[At(r, other, cols)] == 0 &&
          matrix.scores(r, other) > matrix.scores(r, c)) {
        ++rank;
      }
    }
    out->set_rank_for_mentee(rank);
    top3 += rank <= 3 ? 1 : 0;
    worst =
        response.pairs_size() == 1 ? pair.score : std::min(worst, pair.score);
    total += pair.score;
  }
  const int matched = response.pairs_size();
  summary->set_matched(matched);
  summary->set_total(total);
  summary->set_mean(matched > 0 ? total / matched : 0.0);
  summary->set_worst(worst);
  summary->set_top3_percent(rows > 0 ? 100.0 * top3 / rows : 0.0);

  if (!previous.empty()) {
    // Previous mentor per row, by id: a mentor who has left the cohort has
    // no column but still counts as "before".
    std::vector<std::string> before(static_cast<std::size_t>(rows));
    std::vector<const PairRef*> departed;
    for (int k = 0; k < request.previous_size(); ++k) {
      const ResolvedPair& p = previous[static_cast<std::size_t>(k)];
      if (p.row >= 0) {
        before[static_cast<std::size_t>(p.row)] =
            request.previous(k).mentor_id();
      } else {
        departed.push_back(&request.previous(k));
      }
    }
    auto add_change = [&](const std::string& mentee, const std::string& was,
                          const std::string& now) {
      auto* change = response.add_changes();
      change->set_mentee_id(mentee);
      change->set_previous_mentor_id(was);
      change->set_mentor_id(now);
      if (was == now) {
        change->set_kind(sopu::v1::PairChange::KIND_KEPT);
        summary->set_kept(summary->kept() + 1);
      } else if (was.empty()) {
        change->set_kind(sopu::v1::PairChange::KIND_NEW);
        summary->set_added(summary->added() + 1);
      } else if (now.empty()) {
        change->set_kind(sopu::v1::PairChange::KIND_DROPPED);
        summary->set_dropped(summary->dropped() + 1);
      } else {
        change->set_kind(sopu::v1::PairChange::KIND_CHANGED);
        summary->set_changed(summary->changed() + 1);
      }
    };
    for (int r = 0; r < rows; ++r) {
      const int now = mentor_of[static_cast<std::size_t>(r)];
      const std::string& was = before[static_cast<std::size_t>(r)];
      if (was.empty() && now < 0) continue;
      add_change(id_of_row(r), was, now >= 0 ? id_of_col(now) : "");
    }
    for (const PairRef* pair : departed) {
      // The mentee has left the cohort: the earlier pair is dropped.
      add_change(pair->mentee_id(), pair->mentor_id(), "");
    }
  }
  *response.mutable_policy() = ToProtoPolicy(inputs->policy);
  response.set_objective(request.objective());
  response.set_engine_version(std::string(kVersion));
  return response;
}

}  // namespace sopu::service
