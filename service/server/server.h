// RunServer: sopud's life cycle. Builds the gRPC server from ServerOptions
// (credentials, message-size limit, a thread pool larger than the solver
// slots plus queue, default health service, reflection), logs the bound
// address ("listening on HOST:PORT"), serves until SIGTERM or SIGINT, then
// shuts down gracefully (plan §1.7):
//   1. health: every service NOT_SERVING (for good);
//   2. new calls get UNAVAILABLE;
//   3. Server::Shutdown(now + grace): in-flight calls may finish;
//   4. at the grace deadline every remaining solve is cancelled;
//   5. return 0.
// Returns 1 when the server cannot start (bad flags, files, or address);
// the reason is logged. Call from main with SIGTERM/SIGINT not yet handled.
#ifndef SOPU_SERVICE_SERVER_SERVER_H_
#define SOPU_SERVICE_SERVER_SERVER_H_

#include "service/server/server_options.h"

namespace sopu::server {

[[nodiscard]] int RunServer(const ServerOptions& options);

}  // namespace sopu::server

#endif  // SOPU_SERVICE_SERVER_SERVER_H_
