// Limits of what one request may ask for, shared by the engine's workflow
// entry points, the handlers (INVALID_ARGUMENT beyond them), the command
// line's option checks and sopud's flags. One place, so that a limit the
// CLI accepts is never one the server refuses.
#ifndef SOPU_ENGINE_COMMON_LIMITS_H_
#define SOPU_ENGINE_COMMON_LIMITS_H_

namespace sopu {

// The longest search one call may ask for, in seconds: an hour. Longer
// searches belong to stored runs, which outlive a call.
inline constexpr double kMaxTimeLimitSeconds = 3600.0;

// The most groups, and the largest group size bound, a grouping may ask for.
inline constexpr int kMaxGroupCount = 10000;
inline constexpr int kMaxGroupSize = 10000;

// The most mentors listed per mentee by Score (top_k).
inline constexpr int kMaxTopK = 1000;

// The most participants a cohort may hold (the importer's limit; sopud's
// --max-participants admits fewer by default).
inline constexpr int kMaxParticipants = 100000;

// The default of sopud's --max-participants.
inline constexpr int kDefaultServerMaxParticipants = 10000;

}  // namespace sopu

#endif  // SOPU_ENGINE_COMMON_LIMITS_H_
