// GenerateCohort: a reproducible synthetic cohort shaped like a Finnish
// arts-and-culture mentoring program (examples, tests, benchmarks).
//
// Every person is invented (fictional names from common Finnish and
// Finland-Swedish first and last names); the municipalities, their regions
// and coordinates are real (46 municipalities in 19 regions, drawn in
// proportion to their arts workforce, roughly their population). Profiles:
//   - themes: the five coaching themes of Tuottajakeskus (competence,
//     operating_environment, self_leadership, leading_others,
//     developing_operations), with Finnish labels;
//   - mentors: competence 1..5 on every theme (half steps), one or two
//     strengths at 4.5..5; capacity 1..4 (15/40/30/15 %); career stage
//     senior (65 %) or mid; 10 % are also facilitators;
//   - mentees: goals 1..5 on 2..4 themes (early career leans to competence
//     and self-leadership, mid career to leading others and developing
//     operations), competences 0.5..3 on some themes; stage early (55 %),
//     mid (40 %) or senior;
//   - peers (--peers): both competences and goals;
//   - attributes: sector (music, theatre, film, games, visual arts,
//     festivals, dance, literature, design, circus, museums, cultural
//     centres), organisation (80 %: one of three per municipality and
//     sector, so some share one; others freelance), career_stage;
//   - languages: Finnish- or Swedish-speaking by the municipality's Swedish
//     share, the other national language as a second one sometimes, English
//     for 75 % (mentors 85 %), 3 % international (English only, some with
//     Estonian or Russian);
//   - years_experience by stage; location (2 % without coordinates);
//     availability: 2..4 of the ten weekday half-days (mon-am .. fri-pm);
//   - avoid-lists: with probability `avoid_rate` a person avoids one
//     participant of the other side.
//
// Determinism: the same options (seed included) give the same cohort, field
// for field, on every platform (GenRandom).
#ifndef SOPU_SERVICE_GEN_COHORT_GENERATOR_H_
#define SOPU_SERVICE_GEN_COHORT_GENERATOR_H_

#include <cstdint>
#include <string>

#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/policy.pb.h"

namespace sopu::gen {

struct CohortGenOptions {
  int mentors = 15;          // 0..100000
  int mentees = 40;          // 0..100000
  int peers = 0;             // 0..100000; peers are a third kind of participant
  double avoid_rate = 0.01;  // 0..1, per participant
  std::uint64_t seed = 1;
  std::string program;  // empty: "Synteettinen kohortti <seed>"
};

[[nodiscard]] sopu::v1::Cohort GenerateCohort(const CohortGenOptions& options);

// GeneratorPolicy is the staff policy generated past cohorts record by
// default (the criteria of examples/policy.json): complement 5, hard shared
// language 0, shared availability 1 (saturation 2), travel 1 (geo, 250 km),
// different sector 0.5, experience gap 1 (mentor 5+ years ahead, tolerance
// 5); same organisation forbidden, avoid-lists honoured.
[[nodiscard]] sopu::v1::Policy GeneratorPolicy();

// GeneratorTruth is GeneratorPolicy with the hidden "true" satisfaction
// weights of the generator's outcome model in place of the staff weights:
// complement 3, shared language 0, shared availability 2, travel 0.5,
// different sector 0, experience gap 1.5.
[[nodiscard]] sopu::v1::Policy GeneratorTruth();

}  // namespace sopu::gen

#endif  // SOPU_SERVICE_GEN_COHORT_GENERATOR_H_
