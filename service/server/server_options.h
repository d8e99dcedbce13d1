// ServerOptions: every tunable of sopud, with its default and bounds; the
// command line (main.cc) fills it, RunServer (server.h) reads it.
#ifndef SOPU_SERVICE_SERVER_SERVER_OPTIONS_H_
#define SOPU_SERVICE_SERVER_SERVER_OPTIONS_H_

#include <string>

#include "engine/common/limits.h"
#include "service/server/admission_control.h"

namespace sopu::server {

struct ServerOptions {
  // host:port to listen on; port 0 picks a free port (logged at start).
  std::string listen = "127.0.0.1:50051";
  // File with the accepted bearer tokens, one a line; empty: no token check.
  std::string token_file;
  // PEM files: server certificate chain and key (TLS when both are set),
  // and the CA that client certificates must chain to (mutual TLS).
  std::string tls_cert;
  std::string tls_key;
  std::string tls_client_ca;
  // Allow plaintext on a non-loopback address (tests in containers only).
  bool insecure_non_loopback_for_tests = false;
  // Solver slots and queue (admission control).
  AdmissionOptions admission;
  // Largest request message accepted, bytes, 1 KiB..1 GiB. Default 16 MiB.
  int max_message_bytes = 16 * 1024 * 1024;
  // Largest cohort accepted, 1..100000 participants. Default 10000.
  int max_participants = kDefaultServerMaxParticipants;
  // Seconds in-flight calls get to finish after SIGTERM/SIGINT, 0..3600.
  double grace_seconds = 10.0;
  // Serve grpc.reflection.v1alpha (behind the token when one is set).
  bool reflection = true;
};

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_SERVER_OPTIONS_H_
