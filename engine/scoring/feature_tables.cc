#include "engine/scoring/feature_tables.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <set>
#include <unordered_map>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "engine/scoring/pair_evaluation.h"

namespace sopu::scoring_internal {
namespace {

constexpr int kWordBits = 32;
constexpr double kMaxWeight = 1000.0;
// kChordSlack: geo chords (unit sphere) closer than this to the threshold are
// decided in double precision. Float rounding of the centred unit vectors and
// of d2 stays below 3e-7 (components at most 2 in magnitude, < 0.2 for a
// regional cohort); 4e-6 is ~25 m on the ground.
constexpr double kChordSlack = 4e-6;

absl::Status Bad(int k, absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("criteria[", k, "].", field, ": ", what));
}

bool Finite(double x) { return std::isfinite(x); }

// FieldRegistry hands out one table index per distinct field name.
class FieldRegistry {
 public:
  // Index returns the table of `field`, adding it when new.
  int Index(const std::string& field) {
    auto [it, inserted] =
        index_.try_emplace(field, static_cast<int>(names_.size()));
    if (inserted) names_.push_back(field);
    return it->second;
  }
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }

 private:
  std::unordered_map<std::string, int> index_;
  std::vector<std::string> names_;
};

// ParticipantsOf returns the profiles of rows then columns, in that order.
struct Sides {
  std::vector<const Participant*> rows;
  std::vector<const Participant*> cols;
};

CodeTable BuildCodes(const Sides& sides, const std::string& field) {
  std::unordered_map<std::string, std::int32_t> dictionary;
  auto code_of = [&](const Participant* p) -> std::int32_t {
    const std::string* value = CategoricalValue(*p, field);
    if (value == nullptr) return -1;
    auto [it, inserted] = dictionary.try_emplace(
        *value, static_cast<std::int32_t>(dictionary.size()));
    return it->second;
  };
  CodeTable table;
  table.rows.reserve(sides.rows.size());
  for (const Participant* p : sides.rows) table.rows.push_back(code_of(p));
  table.cols.reserve(sides.cols.size());
  for (const Participant* p : sides.cols) table.cols.push_back(code_of(p));
  return table;
}

TagTable BuildTags(const Sides& sides, const std::string& field) {
  std::unordered_map<std::string, int> vocabulary;
  auto collect = [&](const Participant* p) {
    const std::vector<std::string>* values = TagValues(*p, field);
    if (values == nullptr) return;
    for (const std::string& v : *values) {
      vocabulary.try_emplace(v, static_cast<int>(vocabulary.size()));
    }
  };
  for (const Participant* p : sides.rows) collect(p);
  for (const Participant* p : sides.cols) collect(p);

  TagTable table;
  table.words = std::max<int>(
      1, (static_cast<int>(vocabulary.size()) + kWordBits - 1) / kWordBits);
  const std::size_t rows = sides.rows.size();
  const std::size_t cols = sides.cols.size();
  const auto words = static_cast<std::size_t>(table.words);
  table.rows.assign(rows * words, 0U);
  table.cols.assign(words * cols, 0U);
  auto set_bits = [&](const Participant* p, std::uint32_t* base,
                      std::size_t stride) {
    const std::vector<std::string>* values = TagValues(*p, field);
    if (values == nullptr) return;
    for (const std::string& v : *values) {
      const auto bit = static_cast<std::size_t>(vocabulary.at(v));
      base[(bit / kWordBits) * stride] |= 1U << (bit % kWordBits);
    }
  };
  for (std::size_t r = 0; r < rows; ++r) {
    set_bits(sides.rows[r], table.rows.data() + r * words, 1);
  }
  for (std::size_t c = 0; c < cols; ++c) {
    set_bits(sides.cols[c], table.cols.data() + c, cols);
  }
  return table;
}

NumberTable BuildNumbers(const Sides& sides, const std::string& field) {
  constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
  auto value_of = [&](const Participant* p) {
    auto it = p->numbers.find(field);
    return it == p->numbers.end() ? kMissing : it->second;
  };
  NumberTable table;
  std::vector<double> cols;
  double sum = 0.0;
  int present = 0;
  for (const Participant* p : sides.rows) {
    table.rows.push_back(value_of(p));
    if (!std::isnan(table.rows.back())) {
      sum += table.rows.back();
      ++present;
    }
  }
  for (const Participant* p : sides.cols) {
    cols.push_back(value_of(p));
    if (!std::isnan(cols.back())) {
      sum += cols.back();
      ++present;
      table.levels.push_back(cols.back());
    }
  }
  std::sort(table.levels.begin(), table.levels.end());
  table.levels.erase(std::unique(table.levels.begin(), table.levels.end()),
                     table.levels.end());
  const double reference = present > 0 ? sum / present : 0.0;
  auto centred = [reference](double x) {
    return std::isnan(x) ? 0.0F : static_cast<float>(x - reference);
  };
  for (double x : table.rows) table.row_value.push_back(centred(x));
  for (double y : cols) {
    table.col_value.push_back(centred(y));
    table.col_rank.push_back(std::isnan(y)
                                 ? -1
                                 : static_cast<std::int32_t>(
                                       std::lower_bound(table.levels.begin(),
                                                        table.levels.end(), y) -
                                       table.levels.begin()));
  }
  return table;
}

// RankRange returns {first, count}: the ranks k of `levels` (ascending) with
// lo <= levels[k] - x <= hi, the difference rounded in double exactly as
// pair_evaluation.cc computes it. It is monotone in levels[k], so the ranks
// form one range.
std::array<std::int32_t, 2> RankRange(const std::vector<double>& levels,
                                      double x, double lo, double hi) {
  const auto begin = std::partition_point(levels.begin(), levels.end(),
                                          [&](double y) { return y - x < lo; });
  const auto end = std::partition_point(begin, levels.end(),
                                        [&](double y) { return y - x <= hi; });
  return {static_cast<std::int32_t>(begin - levels.begin()),
          static_cast<std::int32_t>(end - begin)};
}

// GapRanges returns per row {first, first_count, second, second_count}.
// Signed: d = y - x in [lo, hi]. Absolute: |d| in [lo, hi] <=> with
// lo' = max(lo, 0): d in [lo', hi] or d in [-hi, -lo'] (negation is exact).
std::vector<std::int32_t> GapRanges(const NumberTable& numbers,
                                    const Criterion& criterion) {
  const double hi =
      criterion.max_gap.value_or(std::numeric_limits<double>::infinity());
  std::vector<std::int32_t> ranges;
  ranges.reserve(numbers.rows.size() * 4);
  for (double x : numbers.rows) {
    std::array<std::int32_t, 2> first = {0, 0};
    std::array<std::int32_t, 2> second = {0, 0};
    if (!std::isnan(x)) {
      if (criterion.absolute) {
        const double lo = std::max(criterion.min_gap, 0.0);
        first = RankRange(numbers.levels, x, lo, hi);
        second = RankRange(numbers.levels, x, -hi, -lo);
      } else {
        first = RankRange(numbers.levels, x, criterion.min_gap, hi);
      }
    }
    ranges.insert(ranges.end(), {first[0], first[1], second[0], second[1]});
  }
  return ranges;
}

GeoTable BuildGeo(const Sides& sides) {
  // Reference: the mean unit vector. Storing u - reference in float keeps
  // the rounding error of a regional cohort's vectors ~10x below that of u.
  std::array<double, 3> reference = {0.0, 0.0, 0.0};
  int located = 0;
  for (const auto* side : {&sides.rows, &sides.cols}) {
    for (const Participant* p : *side) {
      if (!p->coordinates.has_value()) continue;
      const std::array<double, 3> u = UnitVector(*p->coordinates);
      for (int i = 0; i < 3; ++i) reference[i] += u[i];
      ++located;
    }
  }
  if (located > 0) {
    for (double& x : reference) x /= located;
  }
  auto centred = [&](const Participant* p) {
    std::array<float, 3> out = {kFarAway, kFarAway, kFarAway};
    if (p->coordinates.has_value()) {
      const std::array<double, 3> u = UnitVector(*p->coordinates);
      for (int i = 0; i < 3; ++i) {
        out[i] = static_cast<float>(u[i] - reference[i]);
      }
    }
    return out;
  };
  GeoTable geo;
  for (const Participant* p : sides.rows) {
    const std::array<float, 3> u = centred(p);
    geo.row_x.push_back(u[0]);
    geo.row_y.push_back(u[1]);
    geo.row_z.push_back(u[2]);
    geo.row_valid.push_back(p->coordinates.has_value() ? 1 : 0);
  }
  for (const Participant* p : sides.cols) {
    const std::array<float, 3> u = centred(p);
    geo.col_x.push_back(u[0]);
    geo.col_y.push_back(u[1]);
    geo.col_z.push_back(u[2]);
    geo.col_valid.push_back(p->coordinates.has_value() ? 1.0F : 0.0F);
  }
  return geo;
}

// FillComplement writes goals / goal sum * scale into `goals` columns
// [offset, offset + T) and competences / 5 into `competences` rows
// [offset, offset + T).
void FillComplement(const Sides& sides, const std::vector<std::string>& themes,
                    Eigen::Index offset, double scale, RowMatrixXf& goals,
                    RowMatrixXf& competences) {
  const auto t_count = static_cast<Eigen::Index>(themes.size());
  std::vector<double> g(themes.size());
  for (std::size_t r = 0; r < sides.rows.size(); ++r) {
    const Participant& p = *sides.rows[r];
    double sum = 0.0;
    for (std::size_t t = 0; t < themes.size(); ++t) {
      auto it = p.goals.find(themes[t]);
      g[t] = it == p.goals.end() ? 0.0 : it->second;
      sum += g[t];
    }
    for (Eigen::Index t = 0; t < t_count; ++t) {
      goals(static_cast<Eigen::Index>(r), offset + t) =
          sum > 0.0
              ? static_cast<float>(scale * g[static_cast<std::size_t>(t)] / sum)
              : 0.0F;
    }
  }
  for (std::size_t c = 0; c < sides.cols.size(); ++c) {
    const Participant& p = *sides.cols[c];
    for (Eigen::Index t = 0; t < t_count; ++t) {
      auto it = p.competences.find(themes[static_cast<std::size_t>(t)]);
      competences(offset + t, static_cast<Eigen::Index>(c)) =
          it == p.competences.end()
              ? 0.0F
              : static_cast<float>(it->second / kMaxLevel);
    }
  }
}

// CheckComplement: every theme is one of the cohort's, and the minimum
// coverage is a fraction.
absl::Status CheckComplement(int k, const Criterion& c,
                             const std::set<std::string, std::less<>>& themes) {
  for (std::size_t t = 0; t < c.themes.size(); ++t) {
    if (!themes.contains(c.themes[t])) {
      return Bad(
          k, absl::StrCat("themes[", t, "]"),
          absl::StrCat("\"", c.themes[t], "\" is not a theme of the cohort"));
    }
  }
  if (!(c.min_coverage >= 0.0 && c.min_coverage <= 1.0)) {
    return Bad(k, "min_coverage",
               absl::StrCat(c.min_coverage, " is not in 0..1"));
  }
  return absl::OkStatus();
}

// CheckOverlap: an overlap needs at least one shared tag and saturates at
// one or more.
absl::Status CheckOverlap(int k, const Criterion& c) {
  if (c.minimum < 1) {
    return Bad(k, "minimum", absl::StrCat(c.minimum, " is below 1"));
  }
  if (c.saturation < 1) {
    return Bad(k, "saturation", absl::StrCat(c.saturation, " is below 1"));
  }
  return absl::OkStatus();
}

// CheckGap: finite bounds min_gap <= max_gap (max_gap optional) and a
// positive tolerance.
absl::Status CheckGap(int k, const Criterion& c) {
  if (!Finite(c.min_gap)) {
    return Bad(k, "min_gap", "must be a finite number");
  }
  if (c.max_gap.has_value() &&
      !(Finite(*c.max_gap) && *c.max_gap >= c.min_gap)) {
    return Bad(k, "max_gap",
               absl::StrCat(*c.max_gap, " is below min_gap ", c.min_gap,
                            " or not finite"));
  }
  if (!(Finite(c.tolerance) && c.tolerance > 0.0)) {
    return Bad(k, "tolerance",
               absl::StrCat(c.tolerance, " is not a number > 0"));
  }
  return absl::OkStatus();
}

// CheckFieldCriterion: a similar, different, gap or overlap criterion names
// its field, then its kind's own parameters.
absl::Status CheckFieldCriterion(int k, const Criterion& c) {
  if (c.field.empty()) {
    return Bad(k, "field",
               absl::StrCat("a ", std::string(KindName(c.kind)),
                            " criterion needs a field name"));
  }
  if (c.kind == CriterionKind::kOverlap) return CheckOverlap(k, c);
  if (c.kind == CriterionKind::kGap) return CheckGap(k, c);
  return absl::OkStatus();
}

// CheckCriterion: criterion k's weight, then its kind's parameters.
absl::Status CheckCriterion(int k, const Criterion& c,
                            const std::set<std::string, std::less<>>& themes) {
  if (!Finite(c.weight) || c.weight < 0.0 || c.weight > kMaxWeight) {
    return Bad(k, "weight", absl::StrCat(c.weight, " is not in 0..1000"));
  }
  switch (c.kind) {
    case CriterionKind::kComplement:
      return CheckComplement(k, c, themes);
    case CriterionKind::kSimilar:
    case CriterionKind::kDifferent:
    case CriterionKind::kGap:
    case CriterionKind::kOverlap:
      return CheckFieldCriterion(k, c);
    case CriterionKind::kDistance:
      if (c.distance_mode == DistanceMode::kGeo &&
          !(Finite(c.max_km) && c.max_km > 0.0)) {
        return Bad(k, "max_km", absl::StrCat(c.max_km, " is not a number > 0"));
      }
      break;
  }
  return absl::OkStatus();
}

// Roles: who is a row (mentee) and who a column (mentor), both ways.
struct Roles {
  std::vector<int> row_of;  // per participant: row index or -1
  std::vector<int> col_of;  // per participant: column index or -1
  Sides sides;
};

// AssignRoles: rows and columns in participant order (someone with both
// roles is both); fills f->mentees and f->mentors.
Roles AssignRoles(const Cohort& cohort, FeatureTables* f) {
  const auto participants = static_cast<int>(cohort.participants.size());
  Roles roles;
  roles.row_of.assign(cohort.participants.size(), -1);
  roles.col_of.assign(cohort.participants.size(), -1);
  for (int i = 0; i < participants; ++i) {
    const Participant& p = cohort.participants[static_cast<std::size_t>(i)];
    if (p.Has(kRoleMentee)) {
      roles.row_of[static_cast<std::size_t>(i)] =
          static_cast<int>(f->mentees.size());
      f->mentees.push_back(i);
      roles.sides.rows.push_back(&p);
    }
    if (p.Has(kRoleMentor)) {
      roles.col_of[static_cast<std::size_t>(i)] =
          static_cast<int>(f->mentors.size());
      f->mentors.push_back(i);
      roles.sides.cols.push_back(&p);
    }
  }
  return roles;
}

// TableNeeds: what the compiled criteria read: the fields of each table
// kind (one table per distinct field), the geo table, the soft complement
// themes and the hard coverage tables.
struct TableNeeds {
  FieldRegistry code_fields;
  FieldRegistry tag_fields;
  FieldRegistry number_fields;
  bool need_geo = false;
  Eigen::Index soft_themes = 0;
  int hard_coverages = 0;
};

// CompileGeo: the chord thresholds of a great-circle distance limit, in
// float with a slack band decided in double (kChordSlack).
void CompileGeo(const Criterion& c, CompiledCriterion& cc) {
  cc.pass = PassKind::kGeo;
  const double angle =
      std::min(c.max_km / (2.0 * kEarthRadiusKm), std::numbers::pi / 2);
  const double half_chord = std::sin(angle);
  const double chord = 2.0 * half_chord;
  cc.geo.chord2_max = static_cast<float>(chord * chord);
  cc.geo.chord2_slack =
      static_cast<float>(2.0 * chord * kChordSlack + kChordSlack * kChordSlack);
  cc.geo.km_scale = static_cast<float>(2.0 * kEarthRadiusKm / c.max_km);
  cc.geo.range = half_chord <= 0.05  ? AsinRange::kRegional
                 : half_chord <= 0.5 ? AsinRange::kHalf
                                     : AsinRange::kFull;
}

// CompileDistance: geo distance gets its own pass; the same municipality or
// region is a categorical pass on that field.
void CompileDistance(const Criterion& c, CompiledCriterion& cc,
                     TableNeeds* needs) {
  if (c.distance_mode == DistanceMode::kGeo) {
    CompileGeo(c, cc);
    needs->need_geo = true;
    return;
  }
  cc.pass = PassKind::kCategorical;
  cc.table = needs->code_fields.Index(
      c.distance_mode == DistanceMode::kSameMunicipality ? "municipality"
                                                         : "region");
}

// CompileGap: the gap bounds and tolerance in float (no max_gap: no upper
// bound).
void CompileGap(const Criterion& c, CompiledCriterion& cc, TableNeeds* needs) {
  cc.pass = PassKind::kGap;
  cc.table = needs->number_fields.Index(c.field);
  cc.gap.lo = static_cast<float>(c.min_gap);
  cc.gap.hi = c.max_gap.has_value() ? static_cast<float>(*c.max_gap)
                                    : std::numeric_limits<float>::infinity();
  cc.gap.inv_tolerance = static_cast<float>(1.0 / c.tolerance);
  cc.gap.absolute = c.absolute;
}

// CompilePass: the pass and parameters of a criterion that weighs (or is
// hard), registering the tables it needs. `theme_count`: its complement
// themes.
void CompilePass(const Criterion& c, std::size_t theme_count,
                 CompiledCriterion& cc, TableNeeds* needs) {
  switch (c.kind) {
    case CriterionKind::kComplement:
      if (c.hard) {
        cc.pass = PassKind::kCoverage;
        cc.table = needs->hard_coverages++;
        cc.min_coverage = static_cast<float>(c.min_coverage);
      } else {
        cc.pass = PassKind::kSoftComplement;
        needs->soft_themes += static_cast<Eigen::Index>(theme_count);
      }
      break;
    case CriterionKind::kSimilar:
    case CriterionKind::kDifferent:
      cc.pass = PassKind::kCategorical;
      cc.table = needs->code_fields.Index(c.field);
      cc.different = c.kind == CriterionKind::kDifferent;
      break;
    case CriterionKind::kOverlap:
      cc.pass = PassKind::kOverlap;
      cc.table = needs->tag_fields.Index(c.field);
      cc.overlap.inv_saturation = 1.0F / static_cast<float>(c.saturation);
      cc.overlap.minimum = c.minimum;
      break;
    case CriterionKind::kDistance:
      CompileDistance(c, cc, needs);
      break;
    case CriterionKind::kGap:
      CompileGap(c, cc, needs);
      break;
  }
}

// CompileCriteria: f->criteria and f->themes in policy order (weights as
// fractions of f->weight_sum, hard ones with their verdict code); a soft
// criterion of weight 0 keeps PassKind::kSkip. Returns the tables needed.
TableNeeds CompileCriteria(const Cohort& cohort, const Policy& policy,
                           FeatureTables* f) {
  TableNeeds needs;
  const auto criteria_count = static_cast<int>(policy.criteria.size());
  f->criteria.resize(policy.criteria.size());
  f->themes.resize(policy.criteria.size());
  for (int k = 0; k < criteria_count; ++k) {
    const Criterion& c = policy.criteria[static_cast<std::size_t>(k)];
    CompiledCriterion& cc = f->criteria[static_cast<std::size_t>(k)];
    std::vector<std::string>& themes = f->themes[static_cast<std::size_t>(k)];
    cc.weight_fraction = c.weight / f->weight_sum;
    cc.weight.weight = static_cast<float>(cc.weight_fraction);
    cc.weight.code = c.hard ? kFirstCriterionVerdict + k : -1;
    if (c.kind == CriterionKind::kComplement) {
      themes = ComplementThemes(c, cohort);
    }
    if (!c.hard && c.weight == 0.0) continue;  // kSkip
    CompilePass(c, themes.size(), cc, &needs);
  }
  if (policy.forbid_same_organisation) {
    f->organisation_table =
        needs.code_fields.Index(policy.organisation_attribute);
  }
  return needs;
}

// FillComplementTables: the soft complement themes side by side in one
// goals x competences product (weighted by each criterion's fraction), and
// one unweighted table per hard coverage criterion.
void FillComplementTables(const Sides& sides, const TableNeeds& needs,
                          FeatureTables* f) {
  const Eigen::Index rows = f->rows();
  const Eigen::Index cols = f->cols();
  if (needs.soft_themes > 0) {
    f->soft_goals.setZero(rows, needs.soft_themes);
    f->soft_competences.setZero(needs.soft_themes, cols);
  }
  f->coverages.resize(static_cast<std::size_t>(needs.hard_coverages));
  Eigen::Index offset = 0;
  for (std::size_t k = 0; k < f->criteria.size(); ++k) {
    const CompiledCriterion& cc = f->criteria[k];
    const std::vector<std::string>& themes = f->themes[k];
    const auto t_count = static_cast<Eigen::Index>(themes.size());
    if (cc.pass == PassKind::kSoftComplement) {
      FillComplement(sides, themes, offset, cc.weight_fraction, f->soft_goals,
                     f->soft_competences);
      offset += t_count;
    } else if (cc.pass == PassKind::kCoverage) {
      CoverageTable& table = f->coverages[static_cast<std::size_t>(cc.table)];
      table.goals.setZero(rows, t_count);
      table.competences.setZero(t_count, cols);
      FillComplement(sides, themes, 0, 1.0, table.goals, table.competences);
    }
  }
}

// BuildFieldTables: one code, tag or number table per registered field, the
// gap criteria's rank ranges, and the geo table when a criterion needs it.
void BuildFieldTables(const Sides& sides, const Policy& policy,
                      const TableNeeds& needs, FeatureTables* f) {
  for (const std::string& field : needs.code_fields.names()) {
    f->codes.push_back(BuildCodes(sides, field));
  }
  for (const std::string& field : needs.tag_fields.names()) {
    f->tags.push_back(BuildTags(sides, field));
  }
  for (const std::string& field : needs.number_fields.names()) {
    f->numbers.push_back(BuildNumbers(sides, field));
  }
  for (std::size_t k = 0; k < f->criteria.size(); ++k) {
    CompiledCriterion& cc = f->criteria[k];
    if (cc.pass != PassKind::kGap) continue;
    cc.gap_ranges = static_cast<int>(f->gap_ranges.size());
    f->gap_ranges.push_back(GapRanges(
        f->numbers[static_cast<std::size_t>(cc.table)], policy.criteria[k]));
  }
  if (needs.need_geo) f->geo = BuildGeo(sides);
}

// AvoidLists: per row, the columns it must not meet: each person's avoid
// list read both ways (as mentee and as mentor); unknown ids are ignored.
// Unsorted, possibly with repeats.
std::vector<std::vector<int>> AvoidLists(const Cohort& cohort,
                                         const Roles& roles, int rows) {
  const auto participants = static_cast<int>(cohort.participants.size());
  std::vector<std::vector<int>> avoid(static_cast<std::size_t>(rows));
  std::unordered_map<std::string, int> index_of;
  for (int i = 0; i < participants; ++i) {
    index_of.emplace(cohort.participants[static_cast<std::size_t>(i)].id, i);
  }
  for (int i = 0; i < participants; ++i) {
    const Participant& p = cohort.participants[static_cast<std::size_t>(i)];
    const int own_row = roles.row_of[static_cast<std::size_t>(i)];
    const int own_col = roles.col_of[static_cast<std::size_t>(i)];
    for (const std::string& id : p.avoid) {
      auto it = index_of.find(id);
      if (it == index_of.end()) continue;
      const auto other = static_cast<std::size_t>(it->second);
      if (own_row >= 0 && roles.col_of[other] >= 0) {
        avoid[static_cast<std::size_t>(own_row)].push_back(roles.col_of[other]);
      }
      if (own_col >= 0 && roles.row_of[other] >= 0) {
        avoid[static_cast<std::size_t>(roles.row_of[other])].push_back(own_col);
      }
    }
  }
  return avoid;
}

// SetPairRules: each row's own column (same person) and the avoid lists,
// sorted and deduplicated, flattened into avoid_begin / avoid_cols.
void SetPairRules(const Cohort& cohort, const Policy& policy,
                  const Roles& roles, FeatureTables* f) {
  const int rows = f->rows();
  f->self_col.assign(static_cast<std::size_t>(rows), -1);
  for (int r = 0; r < rows; ++r) {
    f->self_col[static_cast<std::size_t>(r)] =
        roles.col_of[static_cast<std::size_t>(
            f->mentees[static_cast<std::size_t>(r)])];
  }
  std::vector<std::vector<int>> avoid =
      policy.honour_avoid_lists
          ? AvoidLists(cohort, roles, rows)
          : std::vector<std::vector<int>>(static_cast<std::size_t>(rows));
  f->avoid_begin.reserve(static_cast<std::size_t>(rows) + 1);
  f->avoid_begin.push_back(0);
  for (std::vector<int>& list : avoid) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    f->avoid_cols.insert(f->avoid_cols.end(), list.begin(), list.end());
    f->avoid_begin.push_back(static_cast<int>(f->avoid_cols.size()));
  }
}

}  // namespace

absl::Status CheckPolicy(const Cohort& cohort, const Policy& policy) {
  if (policy.criteria.empty()) {
    return absl::InvalidArgumentError("criteria: the policy has no criterion");
  }
  if (policy.criteria.size() > static_cast<std::size_t>(kMaxCriteria)) {
    return absl::InvalidArgumentError(
        absl::StrCat("criteria: ", policy.criteria.size(),
                     " criteria; at most ", kMaxCriteria, " are supported"));
  }
  std::set<std::string, std::less<>> theme_ids;
  for (const Theme& t : cohort.themes) theme_ids.insert(t.id);
  double weight_sum = 0.0;
  for (int k = 0; k < static_cast<int>(policy.criteria.size()); ++k) {
    const Criterion& c = policy.criteria[static_cast<std::size_t>(k)];
    if (absl::Status status = CheckCriterion(k, c, theme_ids); !status.ok()) {
      return status;
    }
    weight_sum += c.weight;
  }
  if (!(weight_sum > 0.0) || !Finite(weight_sum)) {
    return absl::InvalidArgumentError(
        "criteria: the weights sum to 0; give some criterion a weight");
  }
  if (policy.forbid_same_organisation &&
      policy.organisation_attribute.empty()) {
    return absl::InvalidArgumentError(
        "organisation_attribute: empty while forbid_same_organisation is set");
  }
  return absl::OkStatus();
}

FeatureTables CompileFeatures(const Cohort& cohort, const Policy& policy) {
  FeatureTables f;
  const Roles roles = AssignRoles(cohort, &f);
  for (const Criterion& c : policy.criteria) f.weight_sum += c.weight;
  // Criteria: passes, parameters, and which tables they need.
  const TableNeeds needs = CompileCriteria(cohort, policy, &f);
  FillComplementTables(roles.sides, needs, &f);
  BuildFieldTables(roles.sides, policy, needs, &f);
  SetPairRules(cohort, policy, roles, &f);
  return f;
}

}  // namespace sopu::scoring_internal
