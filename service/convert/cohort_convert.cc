#include "service/convert/cohort_convert.h"

#include <algorithm>
#include <cstdint>

namespace sopu::service {

sopu::v1::Role GroupMemberRole(sopu::v1::Role role) {
  return role == sopu::v1::ROLE_UNSPECIFIED ? sopu::v1::ROLE_PEER : role;
}

const char* RoleWord(sopu::v1::Role role) {
  switch (role) {
    case sopu::v1::ROLE_MENTOR:
      return "mentor";
    case sopu::v1::ROLE_MENTEE:
      return "mentee";
    case sopu::v1::ROLE_FACILITATOR:
      return "facilitator";
    case sopu::v1::ROLE_PEER:
      return "peer";
    default:
      return "";
  }
}

std::uint8_t ToRoleBit(sopu::v1::Role role) {
  switch (role) {
    case sopu::v1::ROLE_MENTOR:
      return kRoleMentor;
    case sopu::v1::ROLE_MENTEE:
      return kRoleMentee;
    case sopu::v1::ROLE_FACILITATOR:
      return kRoleFacilitator;
    case sopu::v1::ROLE_PEER:
      return kRolePeer;
    default:
      return 0;
  }
}

namespace {

std::uint8_t RoleBits(const sopu::v1::Participant& p) {
  std::uint8_t bits = 0;
  for (const int role : p.roles()) {
    bits |= ToRoleBit(static_cast<sopu::v1::Role>(role));
  }
  return bits;
}

std::vector<std::string> Distinct(
    const google::protobuf::RepeatedPtrField<std::string>& values) {
  std::vector<std::string> out(values.begin(), values.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

sopu::Cohort ToEngineCohort(const sopu::v1::Cohort& cohort) {
  sopu::Cohort out;
  out.program = cohort.program();
  for (const auto& t : cohort.taxonomy().themes()) {
    out.themes.push_back({t.id(), t.label()});
  }
  out.participants.reserve(
      static_cast<std::size_t>(cohort.participants_size()));
  for (const auto& in : cohort.participants()) {
    Participant& p = out.participants.emplace_back();
    p.id = in.id();
    p.display_name = in.display_name();
    p.roles = RoleBits(in);
    p.competences.insert(in.competences().begin(), in.competences().end());
    p.goals.insert(in.goals().begin(), in.goals().end());
    p.attributes.insert(in.attributes().begin(), in.attributes().end());
    for (const auto& [name, set] : in.tags()) {
      p.tags.emplace(name, Distinct(set.values()));
    }
    p.numbers.insert(in.numbers().begin(), in.numbers().end());
    if (in.location().has_coordinates()) {
      p.coordinates = GeoPoint{in.location().lat(), in.location().lon()};
    }
    p.municipality = in.location().municipality();
    p.region = in.location().region();
    p.availability = Distinct(in.availability());
    p.capacity = in.has_capacity() ? in.capacity() : 1;
    p.facilitator_capacity =
        in.has_facilitator_capacity() ? in.facilitator_capacity() : 1;
    p.avoid.assign(in.avoid().begin(), in.avoid().end());
    p.wishes.assign(in.wishes().begin(), in.wishes().end());
  }
  return out;
}

}  // namespace sopu::service
