#include "service/gen/cohort_csv_writer.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "service/convert/cohort_convert.h"

namespace sopu::gen {
namespace {

// Number: up to 10 significant digits, decimal comma.
std::string Number(double x) {
  std::string s = absl::StrFormat("%.10g", x);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string Cell(const std::string& text) {
  const bool quote =
      text.find_first_of(";\"\r\n") != std::string::npos ||
      (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

struct Column {
  std::string header;
  std::function<std::string(const sopu::v1::Participant&)> cell;
};

}  // namespace

std::string WriteCohortCsv(const sopu::v1::Cohort& cohort) {
  using sopu::v1::Participant;
  std::set<std::string> attributes;
  std::set<std::string> tags;
  std::set<std::string> numbers;
  for (const Participant& p : cohort.participants()) {
    for (const auto& [k, v] : p.attributes()) attributes.insert(k);
    for (const auto& [k, v] : p.tags()) tags.insert(k);
    for (const auto& [k, v] : p.numbers()) numbers.insert(k);
  }
  std::vector<Column> columns;
  columns.push_back({"id", [](const Participant& p) { return p.id(); }});
  columns.push_back(
      {"name", [](const Participant& p) { return p.display_name(); }});
  columns.push_back({"role", [](const Participant& p) {
                       std::vector<std::string> roles;
                       for (const int r : p.roles())
                         roles.emplace_back(
                             service::RoleWord(static_cast<sopu::v1::Role>(r)));
                       return absl::StrJoin(roles, "|");
                     }});
  columns.push_back({"capacity", [](const Participant& p) {
                       return p.has_capacity() ? std::to_string(p.capacity())
                                               : std::string();
                     }});
  for (const auto& theme : cohort.taxonomy().themes()) {
    const std::string& id = theme.id();
    columns.push_back({"competence." + id, [id](const Participant& p) {
                         auto it = p.competences().find(id);
                         return it == p.competences().end()
                                    ? std::string()
                                    : Number(it->second);
                       }});
  }
  for (const auto& theme : cohort.taxonomy().themes()) {
    const std::string& id = theme.id();
    columns.push_back({"goal." + id, [id](const Participant& p) {
                         auto it = p.goals().find(id);
                         return it == p.goals().end() ? std::string()
                                                      : Number(it->second);
                       }});
  }
  for (const std::string& name : attributes) {
    const bool shortcut =
        name == "organisation" || name == "sector" || name == "career_stage";
    columns.push_back(
        {shortcut ? name : "attr." + name, [name](const Participant& p) {
           auto it = p.attributes().find(name);
           return it == p.attributes().end() ? std::string() : it->second;
         }});
  }
  for (const std::string& name : tags) {
    const bool shortcut = name == "languages" || name == "sectors";
    columns.push_back(
        {shortcut ? name : "tags." + name, [name](const Participant& p) {
           auto it = p.tags().find(name);
           return it == p.tags().end()
                      ? std::string()
                      : absl::StrJoin(it->second.values(), "|");
         }});
  }
  for (const std::string& name : numbers) {
    columns.push_back({name == "years_experience" ? name : "number." + name,
                       [name](const Participant& p) {
                         auto it = p.numbers().find(name);
                         return it == p.numbers().end() ? std::string()
                                                        : Number(it->second);
                       }});
  }
  columns.push_back({"municipality", [](const Participant& p) {
                       return p.location().municipality();
                     }});
  columns.push_back(
      {"region", [](const Participant& p) { return p.location().region(); }});
  columns.push_back({"lat", [](const Participant& p) {
                       return p.location().has_coordinates()
                                  ? Number(p.location().lat())
                                  : std::string();
                     }});
  columns.push_back({"lon", [](const Participant& p) {
                       return p.location().has_coordinates()
                                  ? Number(p.location().lon())
                                  : std::string();
                     }});
  columns.push_back({"availability", [](const Participant& p) {
                       return absl::StrJoin(p.availability(), "|");
                     }});
  columns.push_back({"avoid", [](const Participant& p) {
                       return absl::StrJoin(p.avoid(), "|");
                     }});
  columns.push_back({"wishes", [](const Participant& p) {
                       return absl::StrJoin(p.wishes(), "|");
                     }});
  // Leave out columns empty for everyone (except id).
  std::vector<const Column*> used;
  for (const Column& column : columns) {
    const bool any =
        column.header == "id" ||
        std::any_of(cohort.participants().begin(), cohort.participants().end(),
                    [&column](const Participant& p) {
                      return !column.cell(p).empty();
                    });
    if (any) used.push_back(&column);
  }
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < used.size(); ++i) {
    if (i > 0) out += ';';
    out += Cell(used[i]->header);
  }
  out += "\r\n";
  for (const Participant& p : cohort.participants()) {
    for (std::size_t i = 0; i < used.size(); ++i) {
      if (i > 0) out += ';';
      out += Cell(used[i]->cell(p));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace sopu::gen
