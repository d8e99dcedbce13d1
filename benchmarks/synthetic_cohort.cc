#include "benchmarks/synthetic_cohort.h"

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

namespace sopu::bench {
namespace {

struct Town {
  const char* municipality;
  const char* region;
  double lat;
  double lon;
};

constexpr std::array<Town, 16> kTowns = {{
    {"Helsinki", "Uusimaa", 60.1699, 24.9384},
    {"Espoo", "Uusimaa", 60.2055, 24.6559},
    {"Tampere", "Pirkanmaa", 61.4978, 23.7610},
    {"Turku", "Varsinais-Suomi", 60.4518, 22.2666},
    {"Oulu", "Pohjois-Pohjanmaa", 65.0121, 25.4651},
    {"Seinäjoki", "Etelä-Pohjanmaa", 62.7903, 22.8403},
    {"Jyväskylä", "Keski-Suomi", 62.2426, 25.7473},
    {"Kuopio", "Pohjois-Savo", 62.8924, 27.6770},
    {"Lahti", "Päijät-Häme", 60.9827, 25.6612},
    {"Vaasa", "Pohjanmaa", 63.0951, 21.6165},
    {"Rovaniemi", "Lappi", 66.5039, 25.7294},
    {"Joensuu", "Pohjois-Karjala", 62.6010, 29.7636},
    {"Pori", "Satakunta", 61.4851, 21.7974},
    {"Mikkeli", "Etelä-Savo", 61.6886, 27.2723},
    {"Kokkola", "Keski-Pohjanmaa", 63.8385, 23.1307},
    {"Hämeenlinna", "Kanta-Häme", 60.9929, 24.4590},
}};

constexpr std::array<const char*, 4> kStages = {"early", "mid", "senior",
                                                "lead"};
constexpr std::array<const char*, 8> kSectors = {
    "theatre",    "music", "visual_arts", "dance",
    "literature", "film",  "games",       "museums"};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  int Uniform(int lo, int hi) {  // inclusive
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  double Real(double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng_);
  }
  bool Chance(double p) { return Real(0.0, 1.0) < p; }

  // Levels sets `count` distinct themes to levels 1..5.
  std::map<std::string, double> Levels(const std::vector<Theme>& themes,
                                       int count) {
    std::vector<int> order(themes.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      order[i] = static_cast<int>(i);
    }
    std::shuffle(order.begin(), order.end(), rng_);
    std::map<std::string, double> out;
    for (int i = 0; i < count && i < static_cast<int>(order.size()); ++i) {
      out[themes[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])]
              .id] = Uniform(1, 5);
    }
    return out;
  }

 private:
  std::mt19937_64 rng_;
};

}  // namespace

Cohort MakeSyntheticCohort(const SyntheticCohortOptions& options) {
  Generator gen(options.seed);
  Cohort cohort;
  cohort.program = "synthetic";
  for (int t = 0; t < options.themes; ++t) {
    cohort.themes.push_back(
        Theme{"theme_" + std::to_string(t), "Teema " + std::to_string(t)});
  }
  const int total = options.mentees + options.mentors;
  const int organisations = std::max(1, total / 5);
  cohort.participants.reserve(static_cast<std::size_t>(total));
  for (int i = 0; i < total; ++i) {
    const bool mentee = i < options.mentees;
    Participant p;
    p.id = (mentee ? "a" : "m") + std::to_string(i);
    p.roles = mentee ? kRoleMentee : kRoleMentor;
    if (mentee) {
      p.goals = gen.Levels(cohort.themes, gen.Uniform(3, 6));
      p.numbers["years_experience"] = gen.Uniform(0, 10);
    } else {
      p.competences = gen.Levels(cohort.themes, gen.Uniform(5, 12));
      p.numbers["years_experience"] = gen.Uniform(5, 35);
      p.capacity = gen.Uniform(1, 3);
    }
    p.attributes["career_stage"] =
        kStages[static_cast<std::size_t>(gen.Uniform(0, 3))];
    p.attributes["sector"] =
        kSectors[static_cast<std::size_t>(gen.Uniform(0, 7))];
    p.attributes["organisation"] =
        "org" + std::to_string(gen.Uniform(0, organisations - 1));
    std::vector<std::string> languages;
    if (gen.Chance(0.90)) languages.emplace_back("fi");
    if (gen.Chance(0.12)) languages.emplace_back("sv");
    if (gen.Chance(0.65)) languages.emplace_back("en");
    if (gen.Chance(0.05)) languages.emplace_back("de");
    if (gen.Chance(0.03)) languages.emplace_back("ru");
    if (gen.Chance(0.03)) languages.emplace_back("et");
    p.tags["languages"] = languages;
    const Town& town = kTowns[static_cast<std::size_t>(
        gen.Uniform(0, static_cast<int>(kTowns.size()) - 1))];
    p.municipality = town.municipality;
    p.region = town.region;
    if (!gen.Chance(0.03)) {
      p.coordinates = GeoPoint{town.lat + gen.Real(-0.2, 0.2),
                               town.lon + gen.Real(-0.4, 0.4)};
    }
    if (gen.Chance(0.01)) {
      p.avoid.push_back(
          (mentee ? "m" : "a") +
          std::to_string(mentee ? gen.Uniform(options.mentees, total - 1)
                                : gen.Uniform(0, options.mentees - 1)));
    }
    cohort.participants.push_back(std::move(p));
  }
  return cohort;
}

Policy AllKindsPolicy() {
  Policy policy;
  policy.name = "all-kinds";
  Criterion complement;
  complement.name = "complement";
  complement.kind = CriterionKind::kComplement;
  complement.weight = 3.0;
  policy.criteria.push_back(complement);

  Criterion stage;
  stage.name = "similar:career_stage";
  stage.kind = CriterionKind::kSimilar;
  stage.field = "career_stage";
  stage.weight = 0.5;
  policy.criteria.push_back(stage);

  Criterion sector;
  sector.name = "different:sector";
  sector.kind = CriterionKind::kDifferent;
  sector.field = "sector";
  sector.weight = 0.5;
  policy.criteria.push_back(sector);

  Criterion language;
  language.name = "overlap:languages";
  language.kind = CriterionKind::kOverlap;
  language.field = "languages";
  language.weight = 1.0;
  language.hard = true;
  language.minimum = 1;
  language.saturation = 2;
  policy.criteria.push_back(language);

  Criterion distance;
  distance.name = "distance";
  distance.kind = CriterionKind::kDistance;
  distance.distance_mode = DistanceMode::kGeo;
  distance.max_km = 300.0;
  distance.weight = 1.0;
  distance.hard = true;
  policy.criteria.push_back(distance);

  Criterion gap;
  gap.name = "gap:years_experience";
  gap.kind = CriterionKind::kGap;
  gap.field = "years_experience";
  gap.min_gap = 3.0;
  gap.max_gap = 20.0;
  gap.tolerance = 5.0;
  gap.weight = 1.0;
  policy.criteria.push_back(gap);

  policy.forbid_same_organisation = true;
  policy.honour_avoid_lists = true;
  return policy;
}

}  // namespace sopu::bench
