// Explanations shared by the handlers: the criteria behind a pair's score,
// and the rules that leave a mentee without any allowed mentor. Rule and
// criterion names only; never profile values.
#ifndef SOPU_SERVICE_HANDLERS_PAIR_EXPLANATIONS_H_
#define SOPU_SERVICE_HANDLERS_PAIR_EXPLANATIONS_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/scoring/scoring_model.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

// kMaxReasons is how many criteria a pair's explanation lists.
inline constexpr int kMaxReasons = 3;

// AddTopReasons appends the criteria that contribute most to `pair` (at most
// kMaxReasons, each > 0), largest first.
void AddTopReasons(
    const ScoringModel& model, const PairExplanation& pair,
    google::protobuf::RepeatedPtrField<sopu::v1::CriterionContribution>& out);

// VerdictRuleName names the rule behind a verdict code: "self-pair",
// "avoid-list", "same-organisation", or the hard criterion's name.
[[nodiscard]] std::string VerdictRuleName(const Policy& policy,
                                          std::uint8_t verdict);

// Exclusion says why a mentee has no allowed mentor.
struct Exclusion {
  // E.g. "rule shared-language excludes all 15 mentors".
  std::string sentence;
  // (rule, mentors it forbids), most first; a mentor may fail several rules.
  std::vector<std::pair<std::string, int>> rules;
};

// ExplainExclusion explains row `row` of `model` (a mentee all of whose
// mentors are forbidden). O(C (T + K)).
[[nodiscard]] Exclusion ExplainExclusion(const ScoringModel& model, int row);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_PAIR_EXPLANATIONS_H_
