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

// Column: one CSV column, its header and how a participant's cell reads.
struct Column {
  std::string header;
  std::function<std::string(const sopu::v1::Participant&)> cell;
};

using sopu::v1::Participant;

// FieldNames: the attribute, tag and number names anyone uses, sorted.
struct FieldNames {
  std::set<std::string> attributes;
  std::set<std::string> tags;
  std::set<std::string> numbers;
};

FieldNames CollectFieldNames(const sopu::v1::Cohort& cohort) {
  FieldNames names;
  for (const Participant& p : cohort.participants()) {
    for (const auto& [k, v] : p.attributes()) names.attributes.insert(k);
    for (const auto& [k, v] : p.tags()) names.tags.insert(k);
    for (const auto& [k, v] : p.numbers()) names.numbers.insert(k);
  }
  return names;
}

// AddIdentityColumns: id, name, role (words joined by |) and capacity.
void AddIdentityColumns(std::vector<Column>* columns) {
  columns->push_back({"id", [](const Participant& p) { return p.id(); }});
  columns->push_back(
      {"name", [](const Participant& p) { return p.display_name(); }});
  columns->push_back({"role", [](const Participant& p) {
                        std::vector<std::string> roles;
                        for (const int r : p.roles())
                          roles.emplace_back(service::RoleWord(
                              static_cast<sopu::v1::Role>(r)));
                        return absl::StrJoin(roles, "|");
                      }});
  columns->push_back({"capacity", [](const Participant& p) {
                        return p.has_capacity() ? std::to_string(p.capacity())
                                                : std::string();
                      }});
}

// AddThemeColumns: every theme's competence, then every theme's goal, in
// taxonomy order.
void AddThemeColumns(const sopu::v1::Cohort& cohort,
                     std::vector<Column>* columns) {
  for (const auto& theme : cohort.taxonomy().themes()) {
    const std::string& id = theme.id();
    columns->push_back({"competence." + id, [id](const Participant& p) {
                          auto it = p.competences().find(id);
                          return it == p.competences().end()
                                     ? std::string()
                                     : Number(it->second);
                        }});
  }
  for (const auto& theme : cohort.taxonomy().themes()) {
    const std::string& id = theme.id();
    columns->push_back({"goal." + id, [id](const Participant& p) {
                          auto it = p.goals().find(id);
                          return it == p.goals().end() ? std::string()
                                                       : Number(it->second);
                        }});
  }
}

// AddAttributeColumns: one column per attribute; the reader's shortcut
// headers (organisation, sector, career_stage) lose the "attr." prefix.
void AddAttributeColumns(const std::set<std::string>& attributes,
                         std::vector<Column>* columns) {
  for (const std::string& name : attributes) {
    const bool shortcut =
        name == "organisation" || name == "sector" || name == "career_stage";
    columns->push_back(
        {shortcut ? name : "attr." + name, [name](const Participant& p) {
           auto it = p.attributes().find(name);
           return it == p.attributes().end() ? std::string() : it->second;
         }});
  }
}

// AddTagColumns: one column per tag field, values joined by |; languages
// and sectors are shortcut headers.
void AddTagColumns(const std::set<std::string>& tags,
                   std::vector<Column>* columns) {
  for (const std::string& name : tags) {
    const bool shortcut = name == "languages" || name == "sectors";
    columns->push_back(
        {shortcut ? name : "tags." + name, [name](const Participant& p) {
           auto it = p.tags().find(name);
           return it == p.tags().end()
                      ? std::string()
                      : absl::StrJoin(it->second.values(), "|");
         }});
  }
}

// AddNumberColumns: one column per number field; years_experience is a
// shortcut header.
void AddNumberColumns(const std::set<std::string>& numbers,
                      std::vector<Column>* columns) {
  for (const std::string& name : numbers) {
    columns->push_back({name == "years_experience" ? name : "number." + name,
                        [name](const Participant& p) {
                          auto it = p.numbers().find(name);
                          return it == p.numbers().end() ? std::string()
                                                         : Number(it->second);
                        }});
  }
}

// AddLocationAndListColumns: municipality, region, coordinates, then the
// |-joined availability, avoid and wishes lists.
void AddLocationAndListColumns(std::vector<Column>* columns) {
  columns->push_back({"municipality", [](const Participant& p) {
                        return p.location().municipality();
                      }});
  columns->push_back(
      {"region", [](const Participant& p) { return p.location().region(); }});
  columns->push_back({"lat", [](const Participant& p) {
                        return p.location().has_coordinates()
                                   ? Number(p.location().lat())
                                   : std::string();
                      }});
  columns->push_back({"lon", [](const Participant& p) {
                        return p.location().has_coordinates()
                                   ? Number(p.location().lon())
                                   : std::string();
                      }});
  columns->push_back({"availability", [](const Participant& p) {
                        return absl::StrJoin(p.availability(), "|");
                      }});
  columns->push_back({"avoid", [](const Participant& p) {
                        return absl::StrJoin(p.avoid(), "|");
                      }});
  columns->push_back({"wishes", [](const Participant& p) {
                        return absl::StrJoin(p.wishes(), "|");
                      }});
}

// UsedColumns: the columns someone has a value in, and id always.
std::vector<const Column*> UsedColumns(const sopu::v1::Cohort& cohort,
                                       const std::vector<Column>& columns) {
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
  return used;
}

}  // namespace

std::string WriteCohortCsv(const sopu::v1::Cohort& cohort) {
  const FieldNames names = CollectFieldNames(cohort);
  std::vector<Column> columns;
  AddIdentityColumns(&columns);
  AddThemeColumns(cohort, &columns);
  AddAttributeColumns(names.attributes, &columns);
  AddTagColumns(names.tags, &columns);
  AddNumberColumns(names.numbers, &columns);
  AddLocationAndListColumns(&columns);
  // Leave out columns empty for everyone (except id).
  const std::vector<const Column*> used = UsedColumns(cohort, columns);
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
