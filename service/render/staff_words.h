// StaffWords: every word of the staff outputs (the workbook's sheet names
// and headers, the printable report) in one table, so that a Finnish or
// Swedish table can be added beside the English one without touching the
// renderers. Text that comes from the engine (reasons, rule names) is not
// here: it arrives in the responses.
#ifndef SOPU_SERVICE_RENDER_STAFF_WORDS_H_
#define SOPU_SERVICE_RENDER_STAFF_WORDS_H_

#include <string_view>

namespace sopu::service {

struct StaffWords {
  std::string_view language;  // BCP 47, for <html lang>
  // Sheets and sections.
  std::string_view summary;
  std::string_view pairs;
  std::string_view top_mentors;
  std::string_view without_mentor;
  std::string_view groups;
  std::string_view unmatched;
  std::string_view unassigned;
  std::string_view rules;
  std::string_view policy;
  std::string_view explanation;
  std::string_view member_pairs;
  std::string_view group;   // "Group" (followed by a number)
  std::string_view mentor;  // "Mentor"
  std::string_view mentee;  // "Mentee"
  std::string_view member;  // "Member"
  // Column headers.
  std::string_view id;
  std::string_view name;
  std::string_view mentee_id;
  std::string_view mentee_name;
  std::string_view mentor_id;
  std::string_view mentor_name;
  std::string_view member_id;
  std::string_view member_name;
  std::string_view score;
  std::string_view rank;
  std::string_view rank_for_mentee;
  std::string_view locked;
  std::string_view reasons;
  std::string_view reason;  // "Reason" (followed by a number in sheets)
  std::string_view contribution;
  std::string_view criterion;
  std::string_view value;
  std::string_view kind;
  std::string_view weight;
  std::string_view share;
  std::string_view must_hold;
  std::string_view details;
  std::string_view group_number;
  std::string_view key_value;
  std::string_view group_score;
  std::string_view mean_pair_score;
  std::string_view facilitator;
  std::string_view facilitator_id;
  std::string_view facilitator_name;
  std::string_view facilitator_fit;
  std::string_view note;
  std::string_view allowed;
  std::string_view forbidden_by;
  std::string_view rule;
  std::string_view holds;
  std::string_view times_broken;
  std::string_view first_id;
  std::string_view second_id;
  std::string_view item;
  std::string_view yes;
  std::string_view no;
  // The policy in words ($0, $1: the settings).
  std::string_view complement_all;
  std::string_view complement_themes;
  std::string_view similar_details;
  std::string_view different_details;
  std::string_view overlap_details;
  std::string_view same_municipality;
  std::string_view same_region;
  std::string_view within_km;
  std::string_view gap_details;
  std::string_view gap_at_most;
  std::string_view rule_same_organisation;
  std::string_view rule_avoid_lists;
  std::string_view same_organisation_applied;
  std::string_view avoid_lists_applied;
  std::string_view not_applied;
  // Summary labels.
  std::string_view program_policy;
  std::string_view objective;
  std::string_view status;
  std::string_view mentees_total;
  std::string_view matched;
  std::string_view members_total;
  std::string_view mentors_total;
  std::string_view assigned;
  std::string_view total_score;
  std::string_view mean_score;
  std::string_view worst_score;
  std::string_view top3;
  std::string_view upper_bound;
  std::string_view worst_mean_pair;
  std::string_view seed;
  std::string_view engine_version;
  std::string_view input_hash;
  std::string_view created;
  std::string_view allowed_pairs;
  std::string_view mean_best_score;
  std::string_view mentees_without_mentor;
  // Note when sheets are capped: $0 shown, $1 not, $2 the main sheet, $3
  // what the sheets are of (mentors_counted, groups_counted).
  std::string_view more_sheets;
  // Report.
  std::string_view match_report_title;
  std::string_view groups_report_title;
  std::string_view contents;
  std::string_view score_distribution;
  std::string_view group_score_distribution;
  // $0: the counts per band; $1: what is counted (pairs_counted, ...).
  std::string_view histogram_alt;
  std::string_view pairs_counted;
  std::string_view mentors_counted;
  std::string_view groups_counted;
  std::string_view criterion_contributions;
  std::string_view criterion_contributions_alt;  // $0: the numbers
  std::string_view pair_count;
  std::string_view group_count;
  std::string_view members_heading;
  std::string_view main_criteria;
  std::string_view mean_contribution;
  std::string_view people;
  std::string_view no_unmatched;
  std::string_view no_unassigned;
  std::string_view why_no_groups;
  std::string_view no_facilitator;
  std::string_view score_scale;  // what a score means
};

// EnglishWords: the English table.
[[nodiscard]] const StaffWords& EnglishWords();

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_STAFF_WORDS_H_
