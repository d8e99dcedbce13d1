#include "service/validation/policy_validator.h"

#include <cmath>
#include <set>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "engine/scoring/score_matrix.h"
#include "service/convert/policy_convert.h"

namespace sopu::service {
namespace {

using sopu::v1::Criterion;

constexpr std::size_t kMaxNameLength = 64;
constexpr int kMaxCount = 1000;

// CohortFields lists which field names some participant of the cohort has.
struct CohortFields {
  std::set<std::string, std::less<>> themes;
  std::set<std::string, std::less<>> attributes;
  std::set<std::string, std::less<>> tags;
  std::set<std::string, std::less<>> numbers;

  explicit CohortFields(const sopu::v1::Cohort& cohort) {
    for (const auto& t : cohort.taxonomy().themes()) themes.insert(t.id());
    for (const auto& p : cohort.participants()) {
      for (const auto& [key, value] : p.attributes()) attributes.insert(key);
      for (const auto& [key, value] : p.tags()) tags.insert(key);
      for (const auto& [key, value] : p.numbers()) numbers.insert(key);
      if (!p.location().municipality().empty())
        attributes.insert("municipality");
      if (!p.location().region().empty()) attributes.insert("region");
      if (!p.availability().empty()) tags.insert("availability");
    }
  }
};

class PolicyChecker {
 public:
  PolicyChecker(const sopu::v1::Policy& policy, const sopu::v1::Cohort& cohort,
                const std::string& prefix, bool is_default,
                ViolationList& violations)
      : policy_(policy),
        fields_(cohort),
        prefix_(prefix),
        is_default_(is_default),
        out_(violations) {}

  void Run() {
    const auto& criteria = policy_.criteria();
    if (criteria.empty()) {
      out_.Add(Path("criteria"), "at least one criterion is required");
      return;
    }
    if (criteria.size() > kMaxCriteria) {
      out_.Add(Path("criteria"),
               absl::StrCat("at most ", kMaxCriteria, " criteria are allowed"));
      return;
    }
    double weight_sum = 0.0;
    bool weights_finite = true;
    std::unordered_map<std::string, int> names;
    for (int k = 0; k < criteria.size(); ++k) {
      const Criterion& c = criteria[k];
      const std::string base = Path(absl::StrCat("criteria[", k, "]"));
      CheckCriterion(c, base);
      if (std::isfinite(c.weight()) && c.weight() >= 0.0) {
        weight_sum += c.weight();
      } else {
        weights_finite = false;
      }
      const std::string name = CriterionName(c);
      if (name.size() > kMaxNameLength) {
        out_.Add(base + ".name", "must be at most 64 characters");
      } else if (auto [it, inserted] = names.try_emplace(name, k); !inserted) {
        out_.Add(base + ".name",
                 absl::StrCat("the same name as criteria[", it->second,
                              "]; give each criterion a distinct name"));
      }
    }
    if (weights_finite && weight_sum <= 0.0) {
      out_.Add(Path("criteria"),
               "the weights sum to 0; give at least one criterion a positive "
               "weight");
    }
    if (policy_.forbid_same_organisation()) {
      const std::string& attribute = policy_.organisation_attribute().empty()
                                         ? kDefaultOrganisationAttribute
                                         : policy_.organisation_attribute();
      RequireField(fields_.attributes, attribute,
                   Path("organisation_attribute"), "attribute");
    }
  }

 private:
  [[nodiscard]] std::string Path(absl::string_view rest) const {
    return prefix_.empty() ? std::string(rest)
                           : absl::StrCat(prefix_, ".", rest);
  }

  void RequireField(const std::set<std::string, std::less<>>& known,
                    const std::string& name, const std::string& path,
                    absl::string_view what) {
    if (name.empty()) {
      out_.Add(path, "is required");
    } else if (!known.contains(name)) {
      out_.Add(
          path,
          is_default_
              ? absl::StrCat("the default policy needs the ", what, " '", name,
                             "' but no participant has it; add it to the "
                             "cohort or give a policy")
              : absl::StrCat("no participant has this ", what,
                             "; check the spelling"));
    }
  }

  void CheckCount(int value, const std::string& path) {
    if (value < 0 || value > kMaxCount) out_.Add(path, "must be in 0..1000");
  }

  // CheckCriterion: the weight, then the parameters of the criterion's kind.
  void CheckCriterion(const Criterion& c, const std::string& base) {
    if (!std::isfinite(c.weight()) || c.weight() < 0.0 ||
        c.weight() > kMaxWeight) {
      out_.Add(base + ".weight", "must be a finite number in 0..1000");
    }
    switch (c.kind_case()) {
      case Criterion::kComplement:
        CheckComplement(c.complement(), base + ".complement");
        break;
      case Criterion::kSimilar:
        RequireField(fields_.attributes, c.similar().attribute(),
                     base + ".similar.attribute", "attribute");
        break;
      case Criterion::kDifferent:
        RequireField(fields_.attributes, c.different().attribute(),
                     base + ".different.attribute", "attribute");
        break;
      case Criterion::kOverlap:
        RequireField(fields_.tags, c.overlap().tags(), base + ".overlap.tags",
                     "tag set");
        CheckCount(c.overlap().minimum(), base + ".overlap.minimum");
        CheckCount(c.overlap().saturation(), base + ".overlap.saturation");
        break;
      case Criterion::kDistance:
        CheckDistance(c.distance(), base + ".distance");
        break;
      case Criterion::kGap:
        CheckGap(c.gap(), base + ".gap");
        break;
      case Criterion::KIND_NOT_SET:
        out_.Add(base,
                 "set one kind: complement, similar, different, overlap, "
                 "distance or gap");
        break;
    }
  }

  // CheckComplement: themes of the taxonomy (some must exist when none is
  // named) and a minimum coverage in 0..1. `path` ends in ".complement".
  void CheckComplement(const sopu::v1::Complement& complement,
                       const std::string& path) {
    const auto& themes = complement.themes();
    for (int t = 0; t < themes.size(); ++t) {
      if (!fields_.themes.contains(themes[t])) {
        out_.Add(absl::StrCat(path, ".themes[", t, "]"),
                 "unknown theme; it is not in the cohort's taxonomy");
      }
    }
    if (themes.empty() && fields_.themes.empty()) {
      out_.Add(path,
               "the cohort has no themes to compare; add competence and "
               "goal columns (or a taxonomy)");
    }
    const double min = complement.min_coverage();
    if (!std::isfinite(min) || min < 0.0 || min > 1.0) {
      out_.Add(path + ".min_coverage", "must be in 0..1");
    }
  }

  // CheckDistance: a known mode and a non-negative limit. `path` ends in
  // ".distance".
  void CheckDistance(const sopu::v1::Distance& distance,
                     const std::string& path) {
    if (!sopu::v1::Distance::Mode_IsValid(distance.mode())) {
      out_.Add(path + ".mode", "unknown mode");
    }
    const double max_km = distance.max_km();
    if (!std::isfinite(max_km) || max_km < 0.0) {
      out_.Add(path + ".max_km", "must be a positive number of kilometres");
    }
  }

  // CheckGap: a known number, finite bounds min_gap <= max_gap and a
  // positive tolerance. `path` ends in ".gap".
  void CheckGap(const sopu::v1::Gap& gap, const std::string& path) {
    RequireField(fields_.numbers, gap.number(), path + ".number", "number");
    if (!std::isfinite(gap.min_gap())) {
      out_.Add(path + ".min_gap", "must be a finite number");
    }
    if (gap.has_max_gap() &&
        (!std::isfinite(gap.max_gap()) || gap.max_gap() < gap.min_gap())) {
      out_.Add(path + ".max_gap", "must be a finite number not below min_gap");
    }
    if (gap.has_tolerance() &&
        (!std::isfinite(gap.tolerance()) || gap.tolerance() <= 0.0)) {
      out_.Add(path + ".tolerance", "must be a number above 0");
    }
  }

  const sopu::v1::Policy& policy_;
  CohortFields fields_;
  const std::string& prefix_;
  bool is_default_;
  ViolationList& out_;
};

}  // namespace

void ValidatePolicy(const sopu::v1::Policy& policy,
                    const sopu::v1::Cohort& cohort, const std::string& prefix,
                    bool is_default, ViolationList& violations) {
  PolicyChecker(policy, cohort, prefix, is_default, violations).Run();
}

}  // namespace sopu::service
