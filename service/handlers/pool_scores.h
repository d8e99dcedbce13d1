// Pool scores moved to the engine: engine/groups/planning/pool_scores.h
// (PoolCohort, PoolAffinity, MakePoolAffinity, ExplainBothWays). This header
// only forwards the names into sopu::service for the callers not yet
// switched to the engine header (peer pairs, the history generator,
// calibration data); include the engine header in new code.
#ifndef SOPU_SERVICE_HANDLERS_POOL_SCORES_H_
#define SOPU_SERVICE_HANDLERS_POOL_SCORES_H_

#include "engine/groups/planning/pool_scores.h"

namespace sopu::service {

using ::sopu::ExplainBothWays;
using ::sopu::MakePoolAffinity;
using ::sopu::PoolAffinity;
using ::sopu::PoolCohort;

}  // namespace sopu::service

#endif  // SOPU_SERVICE_HANDLERS_POOL_SCORES_H_
