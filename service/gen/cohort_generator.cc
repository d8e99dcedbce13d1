#include "service/gen/cohort_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "service/gen/gen_random.h"

namespace sopu::gen {
namespace {

struct Town {
  const char* municipality;
  const char* region;
  double lat;
  double lon;
  double weight;         // relative share of participants (~population, k)
  double swedish_share;  // share of Swedish speakers, 0..1
};

// Real municipalities, regions and town-centre coordinates (WGS84).
constexpr std::array<Town, 46> kTowns = {{
    {"Helsinki", "Uusimaa", 60.1699, 24.9384, 660, 0.06},
    {"Espoo", "Uusimaa", 60.2055, 24.6559, 300, 0.07},
    {"Vantaa", "Uusimaa", 60.2934, 25.0378, 240, 0.02},
    {"Tampere", "Pirkanmaa", 61.4978, 23.7610, 250, 0.005},
    {"Oulu", "Pohjois-Pohjanmaa", 65.0121, 25.4651, 210, 0.003},
    {"Turku", "Varsinais-Suomi", 60.4518, 22.2666, 200, 0.05},
    {"Jyväskylä", "Keski-Suomi", 62.2426, 25.7473, 145, 0.003},
    {"Kuopio", "Pohjois-Savo", 62.8924, 27.6770, 125, 0.002},
    {"Lahti", "Päijät-Häme", 60.9827, 25.6612, 120, 0.004},
    {"Pori", "Satakunta", 61.4851, 21.7974, 84, 0.004},
    {"Kouvola", "Kymenlaakso", 60.8681, 26.7042, 80, 0.003},
    {"Joensuu", "Pohjois-Karjala", 62.6010, 29.7636, 77, 0.002},
    {"Lappeenranta", "Etelä-Karjala", 61.0587, 28.1887, 73, 0.003},
    {"Hämeenlinna", "Kanta-Häme", 60.9929, 24.4590, 68, 0.005},
    {"Vaasa", "Pohjanmaa", 63.0951, 21.6165, 68, 0.23},
    {"Seinäjoki", "Etelä-Pohjanmaa", 62.7903, 22.8403, 65, 0.003},
    {"Rovaniemi", "Lappi", 66.5039, 25.7294, 64, 0.003},
    {"Mikkeli", "Etelä-Savo", 61.6886, 27.2723, 52, 0.003},
    {"Kotka", "Kymenlaakso", 60.4664, 26.9458, 51, 0.01},
    {"Salo", "Varsinais-Suomi", 60.3838, 23.1260, 51, 0.01},
    {"Porvoo", "Uusimaa", 60.3923, 25.6651, 51, 0.28},
    {"Kokkola", "Keski-Pohjanmaa", 63.8385, 23.1307, 48, 0.12},
    {"Lohja", "Uusimaa", 60.2486, 24.0653, 46, 0.04},
    {"Hyvinkää", "Uusimaa", 60.6306, 24.8597, 46, 0.01},
    {"Järvenpää", "Uusimaa", 60.4737, 25.0899, 45, 0.01},
    {"Kirkkonummi", "Uusimaa", 60.1237, 24.4385, 40, 0.16},
    {"Rauma", "Satakunta", 61.1272, 21.5113, 39, 0.005},
    {"Kerava", "Uusimaa", 60.4034, 25.1050, 38, 0.01},
    {"Kajaani", "Kainuu", 64.2273, 27.7285, 36, 0.002},
    {"Nokia", "Pirkanmaa", 61.4781, 23.5099, 35, 0.003},
    {"Kangasala", "Pirkanmaa", 61.4638, 24.0650, 33, 0.003},
    {"Ylöjärvi", "Pirkanmaa", 61.5560, 23.5961, 33, 0.003},
    {"Savonlinna", "Etelä-Savo", 61.8699, 28.8800, 32, 0.003},
    {"Raasepori", "Uusimaa", 59.9745, 23.4366, 27, 0.65},
    {"Imatra", "Etelä-Karjala", 61.1719, 28.7764, 25, 0.002},
    {"Raahe", "Pohjois-Pohjanmaa", 64.6847, 24.4790, 24, 0.002},
    {"Iisalmi", "Pohjois-Savo", 63.5592, 27.1907, 21, 0.002},
    {"Tornio", "Lappi", 65.8480, 24.1466, 21, 0.003},
    {"Kemi", "Lappi", 65.7364, 24.5637, 20, 0.003},
    {"Pietarsaari", "Pohjanmaa", 63.6736, 22.7022, 19, 0.54},
    {"Mustasaari", "Pohjanmaa", 63.1150, 21.6780, 19, 0.70},
    {"Forssa", "Kanta-Häme", 60.8145, 23.6219, 17, 0.004},
    {"Parainen", "Varsinais-Suomi", 60.3034, 22.3002, 15, 0.55},
    {"Kuusamo", "Pohjois-Pohjanmaa", 65.9642, 29.1889, 15, 0.002},
    {"Lapua", "Etelä-Pohjanmaa", 62.9707, 23.0064, 14, 0.003},
    {"Maarianhamina", "Ahvenanmaa", 60.0973, 19.9348, 12, 0.86},
}};

struct Sector {
  const char* id;
  const char* organisation_word;  // Finnish word for an organisation
  double weight;
};

constexpr std::array<Sector, 12> kSectors = {{
    {"music", "Musiikkikeskus", 22},
    {"theatre", "Teatteri", 14},
    {"film", "Elokuvapaja", 9},
    {"games", "Pelistudio", 8},
    {"visual_arts", "Taidekeskus", 12},
    {"festivals", "Festivaaliyhdistys", 10},
    {"dance", "Tanssiteatteri", 6},
    {"literature", "Kirjallisuustalo", 5},
    {"design", "Muotoilutoimisto", 6},
    {"circus", "Sirkuskoulu", 3},
    {"museums", "Museo", 4},
    {"cultural_centre", "Kulttuuritalo", 5},
}};

constexpr std::array<const char*, 3> kOrganisationForms = {" ry", " Oy",
                                                           " osuuskunta"};

struct ThemeDef {
  const char* id;
  const char* label;
};
constexpr std::array<ThemeDef, 5> kThemes = {{
    {"competence", "Osaaminen"},
    {"operating_environment", "Toimintaympäristö"},
    {"self_leadership", "Itsensä johtaminen"},
    {"leading_others", "Muiden johtaminen"},
    {"developing_operations", "Toiminnan kehittäminen"},
}};
// Goal propensity per theme for early- and mid-career mentees.
constexpr std::array<double, 5> kEarlyGoalWeights = {5, 3, 5, 1, 2};
constexpr std::array<double, 5> kMidGoalWeights = {2, 3, 2, 5, 5};

constexpr std::array<const char*, 24> kFirstNamesFi = {
    "Aino",  "Eveliina", "Helena", "Johanna", "Katariina", "Laura",
    "Maria", "Noora",    "Riikka", "Sanna",   "Tiina",     "Venla",
    "Antti", "Eero",     "Jari",   "Joonas",  "Juha",      "Lauri",
    "Mikko", "Olli",     "Pekka",  "Sami",    "Tuomas",    "Väinö"};
constexpr std::array<const char*, 12> kFirstNamesSv = {
    "Linnea", "Ebba", "Saga", "Ida",   "Åsa",  "Maja",
    "Johan",  "Axel", "Emil", "Anton", "Måns", "Oskar"};
constexpr std::array<const char*, 20> kLastNamesFi = {
    "Virtanen",   "Korhonen", "Mäkinen",   "Nieminen", "Mäkelä",
    "Hämäläinen", "Laine",    "Heikkinen", "Koskinen", "Järvinen",
    "Lehtonen",   "Saarinen", "Salminen",  "Heinonen", "Kärkkäinen",
    "Räsänen",    "Hietala",  "Lindholm",  "Ahonen",   "Kinnunen"};
constexpr std::array<const char*, 10> kLastNamesSv = {
    "Söderström", "Sjöblom", "Åberg",    "Lindqvist", "Holmström",
    "Nyström",    "Berg",    "Forsblom", "Ekström",   "Strandberg"};
constexpr std::array<const char*, 8> kFirstNamesIntl = {
    "Lucas", "Emma", "Daniel", "Sofia", "Marco", "Anna", "David", "Elena"};
constexpr std::array<const char*, 8> kLastNamesIntl = {
    "Moreau", "García",   "Novak",   "Rossi",
    "Smith",  "Kowalski", "Ivanova", "Tamm"};

constexpr std::array<const char*, 10> kSlots = {
    "mon-am", "mon-pm", "tue-am", "tue-pm", "wed-am",
    "wed-pm", "thu-am", "thu-pm", "fri-am", "fri-pm"};

enum class Kind { kMentor, kMentee, kPeer };

// HalfStep rounds to the nearest 0.5 within lo..hi.
double HalfStep(double x, double lo, double hi) {
  return std::clamp(std::round(x * 2.0) / 2.0, lo, hi);
}

template <std::size_t N>
const char* Choose(GenRandom& rng, const std::array<const char*, N>& items) {
  return items[static_cast<std::size_t>(rng.Int(0, static_cast<int>(N) - 1))];
}

class Generator {
 public:
  explicit Generator(const CohortGenOptions& options)
      : options_(options), rng_(options.seed) {
    for (const Town& t : kTowns) town_weights_.push_back(t.weight);
    for (const Sector& s : kSectors) sector_weights_.push_back(s.weight);
  }

  sopu::v1::Cohort Run() {
    sopu::v1::Cohort cohort;
    cohort.set_program(
        options_.program.empty()
            ? absl::StrCat("Synteettinen kohortti ", options_.seed)
            : options_.program);
    for (const ThemeDef& t : kThemes) {
      auto* theme = cohort.mutable_taxonomy()->add_themes();
      theme->set_id(t.id);
      theme->set_label(t.label);
    }
    Add(cohort, Kind::kMentor, options_.mentors, "m");
    Add(cohort, Kind::kMentee, options_.mentees, "a");
    Add(cohort, Kind::kPeer, options_.peers, "p");
    AddAvoids(cohort);
    return cohort;
  }

 private:
  void Add(sopu::v1::Cohort& cohort, Kind kind, int count, const char* prefix) {
    const int width =
        std::max(2, static_cast<int>(std::to_string(count).size()));
    for (int i = 1; i <= count; ++i) {
      sopu::v1::Participant* p = cohort.add_participants();
      p->set_id(absl::StrFormat("%s%0*d", prefix, width, i));
      Fill(kind, *p);
    }
  }

  // Fill draws one participant. The draws happen in a fixed order (town,
  // language group, name, role, themes, sector, languages, experience,
  // coordinates, availability): the same seed must give the same cohort, so
  // the helpers may only be reordered together with the golden outputs.
  void Fill(Kind kind, sopu::v1::Participant& p) {
    const Town& town =
        kTowns[static_cast<std::size_t>(rng_.Pick(town_weights_))];
    const bool international = rng_.Chance(0.03);
    const bool swedish = !international && rng_.Chance(town.swedish_share);
    SetName(international, swedish, p);
    const std::string stage = SetRoles(kind, p);
    if (kind == Kind::kMentor) {
      SetMentorCompetences(p);
    } else {
      SetGoalsAndCompetences(kind, stage, p);
    }
    SetAttributes(town, stage, p);
    AddLanguages(kind, international, swedish, p);
    (*p.mutable_numbers())["years_experience"] = YearsOfExperience(stage);
    SetLocation(town, p);
    SetAvailability(p);
  }

  // SetName: a first and last name from the person's language group.
  void SetName(bool international, bool swedish, sopu::v1::Participant& p) {
    if (international) {
      p.set_display_name(absl::StrCat(Choose(rng_, kFirstNamesIntl), " ",
                                      Choose(rng_, kLastNamesIntl)));
    } else if (swedish) {
      p.set_display_name(absl::StrCat(Choose(rng_, kFirstNamesSv), " ",
                                      Choose(rng_, kLastNamesSv)));
    } else {
      p.set_display_name(absl::StrCat(Choose(rng_, kFirstNamesFi), " ",
                                      Choose(rng_, kLastNamesFi)));
    }
  }

  // SetRoles: the kind's role (some mentors also facilitate), a mentor's
  // capacity; returns the career stage, drawn per kind.
  std::string SetRoles(Kind kind, sopu::v1::Participant& p) {
    if (kind == Kind::kMentor) {
      p.add_roles(sopu::v1::ROLE_MENTOR);
      if (rng_.Chance(0.10)) p.add_roles(sopu::v1::ROLE_FACILITATOR);
      std::string stage = rng_.Chance(0.65) ? "senior" : "mid";
      p.set_capacity(1 + rng_.Pick({15, 40, 30, 15}));
      return stage;
    }
    int s = 0;
    if (kind == Kind::kMentee) {
      p.add_roles(sopu::v1::ROLE_MENTEE);
      s = rng_.Pick({55, 40, 5});
    } else {
      p.add_roles(sopu::v1::ROLE_PEER);
      s = rng_.Pick({40, 45, 15});
    }
    return s == 0 ? "early" : (s == 1 ? "mid" : "senior");
  }

  // SetMentorCompetences: every theme, 1 or 2 of them strengths (4.5..5).
  void SetMentorCompetences(sopu::v1::Participant& p) {
    const int strengths = rng_.Int(1, 2);
    std::vector<int> order = {0, 1, 2, 3, 4};
    rng_.Shuffle(order);
    for (int t = 0; t < 5; ++t) {
      double level = HalfStep(rng_.Real(1.0, 4.5), 1.0, 5.0);
      for (int s = 0; s < strengths; ++s) {
        if (order[static_cast<std::size_t>(s)] == t) {
          level = HalfStep(rng_.Real(4.5, 5.0), 1.0, 5.0);
        }
      }
      (*p.mutable_competences())[kThemes[static_cast<std::size_t>(t)].id] =
          level;
    }
  }

  // SetGoalsAndCompetences: a mentee's or peer's 2..4 distinct goals, drawn
  // by the stage's propensity, and some lower competences (peers more).
  void SetGoalsAndCompetences(Kind kind, const std::string& stage,
                              sopu::v1::Participant& p) {
    const auto& propensity =
        stage == "early" ? kEarlyGoalWeights : kMidGoalWeights;
    std::vector<double> weights(propensity.begin(), propensity.end());
    const int goals = rng_.Int(2, 4);
    for (int g = 0; g < goals; ++g) {
      const int t = rng_.Pick(weights);
      weights[static_cast<std::size_t>(t)] = 1e-12;  // without replacement
      (*p.mutable_goals())[kThemes[static_cast<std::size_t>(t)].id] =
          static_cast<double>(rng_.Int(1, 5));
    }
    for (int t = 0; t < 5; ++t) {
      if (rng_.Chance(kind == Kind::kPeer ? 0.8 : 0.4)) {
        (*p.mutable_competences())[kThemes[static_cast<std::size_t>(t)].id] =
            HalfStep(rng_.Real(0.5, kind == Kind::kPeer ? 4.5 : 3.0), 0.5, 5.0);
      }
    }
  }

  // SetAttributes: usually an organisation of the sector in the town, the
  // sector and the career stage.
  void SetAttributes(const Town& town, const std::string& stage,
                     sopu::v1::Participant& p) {
    const Sector& sector =
        kSectors[static_cast<std::size_t>(rng_.Pick(sector_weights_))];
    auto& attributes = *p.mutable_attributes();
    if (rng_.Chance(0.8)) {
      attributes["organisation"] = absl::StrCat(
          sector.organisation_word, " ", town.municipality,
          kOrganisationForms[static_cast<std::size_t>(rng_.Int(0, 2))]);
    }
    attributes["sector"] = sector.id;
    attributes["career_stage"] = stage;
  }

  // AddLanguages: the home language first, then maybe the other national
  // language and English (international people: English, maybe et or ru).
  void AddLanguages(Kind kind, bool international, bool swedish,
                    sopu::v1::Participant& p) {
    auto* languages = (*p.mutable_tags())["languages"].mutable_values();
    if (international) {
      languages->Add("en");
      if (rng_.Chance(0.3)) languages->Add(rng_.Chance(0.5) ? "et" : "ru");
      return;
    }
    languages->Add(swedish ? "sv" : "fi");
    if (rng_.Chance(swedish ? 0.7 : 0.1)) languages->Add(swedish ? "fi" : "sv");
    if (rng_.Chance(kind == Kind::kMentor ? 0.85 : 0.75)) languages->Add("en");
  }

  // YearsOfExperience: whole years in the stage's range.
  double YearsOfExperience(const std::string& stage) {
    if (stage == "early") return rng_.Int(0, 5);
    if (stage == "mid") return rng_.Int(5, 12);
    return rng_.Int(12, 35);
  }

  // SetLocation: the town, and its centre's coordinates except for a few.
  void SetLocation(const Town& town, sopu::v1::Participant& p) {
    auto* location = p.mutable_location();
    location->set_municipality(town.municipality);
    location->set_region(town.region);
    if (!rng_.Chance(0.02)) {
      location->set_lat(std::round(town.lat * 1e4) / 1e4);
      location->set_lon(std::round(town.lon * 1e4) / 1e4);
      location->set_has_coordinates(true);
    }
  }

  // SetAvailability: 2..4 distinct slots, in week order.
  void SetAvailability(sopu::v1::Participant& p) {
    std::vector<int> slots = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    rng_.Shuffle(slots);
    slots.resize(static_cast<std::size_t>(rng_.Int(2, 4)));
    std::sort(slots.begin(), slots.end());
    for (const int s : slots) {
      p.add_availability(kSlots[static_cast<std::size_t>(s)]);
    }
  }

  // AddAvoids: a mentee avoids a mentor (and the other way round), a peer
  // another peer.
  void AddAvoids(sopu::v1::Cohort& cohort) {
    std::vector<int> mentors;
    std::vector<int> mentees;
    std::vector<int> peers;
    for (int i = 0; i < cohort.participants_size(); ++i) {
      const auto& p = cohort.participants(i);
      if (p.roles(0) == sopu::v1::ROLE_MENTOR) mentors.push_back(i);
      if (p.roles(0) == sopu::v1::ROLE_MENTEE) mentees.push_back(i);
      if (p.roles(0) == sopu::v1::ROLE_PEER) peers.push_back(i);
    }
    for (int i = 0; i < cohort.participants_size(); ++i) {
      auto* p = cohort.mutable_participants(i);
      const std::vector<int>* others = &peers;
      if (p->roles(0) == sopu::v1::ROLE_MENTOR) others = &mentees;
      if (p->roles(0) == sopu::v1::ROLE_MENTEE) others = &mentors;
      if (!rng_.Chance(options_.avoid_rate) || others->size() < 2) continue;
      const int other = (*others)[static_cast<std::size_t>(
          rng_.Int(0, static_cast<int>(others->size()) - 1))];
      if (other != i) p->add_avoid(cohort.participants(other).id());
    }
  }

  const CohortGenOptions& options_;
  GenRandom rng_;
  std::vector<double> town_weights_;
  std::vector<double> sector_weights_;
};

sopu::v1::Policy PolicyWithWeights(const std::string& name,
                                   const std::array<double, 6>& w) {
  sopu::v1::Policy policy;
  policy.set_name(name);
  auto add = [&policy](const char* label, double weight) {
    auto* c = policy.add_criteria();
    c->set_name(label);
    c->set_weight(weight);
    return c;
  };
  add("complement", w[0])->mutable_complement();
  auto* language = add("shared-language", w[1]);
  language->set_hard(true);
  language->mutable_overlap()->set_tags("languages");
  language->mutable_overlap()->set_minimum(1);
  auto* availability = add("shared-availability", w[2]);
  availability->mutable_overlap()->set_tags("availability");
  availability->mutable_overlap()->set_saturation(2);
  add("travel", w[3])->mutable_distance()->set_max_km(250);
  add("different-sector", w[4])->mutable_different()->set_attribute("sector");
  auto* gap = add("experience-gap", w[5])->mutable_gap();
  gap->set_number("years_experience");
  gap->set_min_gap(5);
  gap->set_tolerance(5);
  policy.set_forbid_same_organisation(true);
  policy.set_organisation_attribute("organisation");
  policy.set_honour_avoid_lists(true);
  return policy;
}

}  // namespace

sopu::v1::Cohort GenerateCohort(const CohortGenOptions& options) {
  return Generator(options).Run();
}

sopu::v1::Policy GeneratorPolicy() {
  return PolicyWithWeights("Synteettinen henkilökunnan politiikka",
                           {5, 0, 1, 1, 0.5, 1});
}

sopu::v1::Policy GeneratorTruth() {
  return PolicyWithWeights("Generaattorin piilotetut todelliset painot",
                           {3, 0, 2, 0.5, 0, 1.5});
}

}  // namespace sopu::gen
