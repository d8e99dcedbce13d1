// DeterministicJson renders a message as indented protobuf JSON (proto field
// names) whose bytes depend only on the message: map entries are written in
// key order. (protobuf's MessageToJsonString follows the maps' iteration
// order, which protobuf randomises per process.) Ends with a newline. With
// `print_defaults`, fields holding their default (0, "", false) are written
// too.
#ifndef SOPU_SERVICE_GEN_DETERMINISTIC_JSON_H_
#define SOPU_SERVICE_GEN_DETERMINISTIC_JSON_H_

#include <string>

#include "google/protobuf/message.h"

namespace sopu::gen {

[[nodiscard]] std::string DeterministicJson(
    const google::protobuf::Message& message, bool print_defaults = false);

}  // namespace sopu::gen

#endif  // SOPU_SERVICE_GEN_DETERMINISTIC_JSON_H_
