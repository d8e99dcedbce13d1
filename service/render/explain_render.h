// Rendering ExplainPair and ExplainGroup answers for people (`sopu
// explain`): the pair's or group's score, every criterion's value and
// contribution, the rules that forbid a pair, and for a group every member
// pair. Names come from the cohort the user supplied.
#ifndef SOPU_SERVICE_RENDER_EXPLAIN_RENDER_H_
#define SOPU_SERVICE_RENDER_EXPLAIN_RENDER_H_

#include <ostream>

#include "sopu/v1/cohort.pb.h"
#include "sopu/v1/sopu.pb.h"

namespace sopu::service {

void RenderExplainPairTable(const sopu::v1::ExplainPairResponse& response,
                            const sopu::v1::Cohort& cohort, std::ostream& out);

void RenderExplainGroupTable(const sopu::v1::ExplainGroupResponse& response,
                             const sopu::v1::Cohort& cohort, std::ostream& out);

}  // namespace sopu::service

#endif  // SOPU_SERVICE_RENDER_EXPLAIN_RENDER_H_
