// Version of the sopu engine, reported by every executable and response.
#ifndef SOPU_ENGINE_VERSION_H_
#define SOPU_ENGINE_VERSION_H_

#include <string_view>

namespace sopu {

inline constexpr std::string_view kVersion = "0.1.0";

}  // namespace sopu

#endif  // SOPU_ENGINE_VERSION_H_
