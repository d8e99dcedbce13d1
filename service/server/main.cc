// sopud: the gRPC server. Until the service lands it only reports its
// version; `sopu` runs the same handlers embedded.
#include <iostream>
#include <string>

#include "CLI/CLI.hpp"
#include "engine/version.h"

namespace {

int Run(int argc, char** argv) {
  CLI::App app{
      "sopud — the sopu gRPC server (sopu.v1). This version only reports its "
      "version; serving lands with the service work. Use `sopu` meanwhile.",
      "sopud"};
  app.set_version_flag("--version", std::string(sopu::kVersion));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  std::cout << "sopud " << sopu::kVersion
            << " (the gRPC service is not available in this version)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (...) {
    std::cerr << "sopud: internal error\n";
    return 4;
  }
}
