#!/usr/bin/python3
"""sopud-client.py — a tiny client for sopud, for trying the API by hand.

Generates the Python stubs from proto/ into a temporary folder (protoc and
grpc_python_plugin, from scripts/setup-debian.sh), sends one request and
prints the answer as protobuf JSON; an error prints its code, message,
ErrorInfo reason and every field violation. Needs Debian's python3-grpcio,
hence /usr/bin/python3.

  scripts/sopud-client.py health
  scripts/sopud-client.py validate --cohort examples/small-cohort.json
  scripts/sopud-client.py match --cohort examples/small-cohort.json \\
      --policy examples/small-policy.json
  scripts/sopud-client.py groups --request my-groups-request.json --stream
  scripts/sopud-client.py --address localhost:50051 --token-file tokens \\
      --ca ca.pem score --cohort ... --top-k 3

--cohort / --policy take sopu.v1.Cohort / sopu.v1.Policy JSON; --request a
whole request message in JSON (then --cohort and --policy override parts).
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOOGLEAPIS = "/usr/share/gocode/src/github.com/gogo/googleapis"
HEALTH = "/usr/share/grpc-proto/grpc/health/v1/health.proto"

METHODS = {  # command: (rpc, request message)
    "validate": ("Validate", "ValidateRequest"),
    "score": ("Score", "ScoreRequest"),
    "match": ("Match", "MatchRequest"),
    "pairs": ("PeerPairs", "PeerPairsRequest"),
    "groups": ("FormGroups", "GroupsRequest"),
}


def generate_stubs(out):
    os.makedirs(os.path.join(out, "protos"))
    with open(HEALTH) as src, open(os.path.join(out, "protos", "health.proto"),
                                   "w") as dst:
        dst.write(src.read())
    protos = [os.path.join(GOOGLEAPIS, "google/rpc", n)
              for n in ("code.proto", "status.proto", "error_details.proto")]
    protos += [os.path.join(ROOT, "proto/sopu/v1", n)
               for n in ("cohort.proto", "policy.proto", "sopu.proto")]
    protos.append(os.path.join(out, "protos", "health.proto"))
    subprocess.run(["protoc", "-I" + os.path.join(ROOT, "proto"),
                    "-I" + GOOGLEAPIS, "-I" + os.path.join(out, "protos"),
                    "--python_out=" + out, "--grpc_python_out=" + out,
                    "--plugin=protoc-gen-grpc_python=/usr/bin/grpc_python_plugin"]
                   + protos, check=True)
    sys.path.insert(0, out)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address",
                        default=os.environ.get("SOPU_SERVER", "127.0.0.1:50051"),
                        help="HOST:PORT (default: $SOPU_SERVER, else "
                             "127.0.0.1:50051)")
    parser.add_argument("--token-file", help="send the file's first token")
    parser.add_argument("--ca", help="PEM CA: connect with TLS")
    parser.add_argument("--cert", help="PEM client certificate (mutual TLS)")
    parser.add_argument("--key", help="PEM client key (mutual TLS)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="call deadline in seconds (default 60)")
    parser.add_argument("command", choices=["health"] + sorted(METHODS))
    parser.add_argument("--request", help="the request message as JSON")
    parser.add_argument("--cohort", help="a sopu.v1.Cohort as JSON")
    parser.add_argument("--policy", help="a sopu.v1.Policy as JSON")
    parser.add_argument("--top-k", type=int, help="score: mentors per mentee")
    parser.add_argument("--stream", action="store_true",
                        help="groups: FormGroupsStream, printing progress")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as stubs:
        generate_stubs(stubs)
        import grpc
        from google.protobuf import json_format
        from google.rpc import error_details_pb2, status_pb2
        from sopu.v1 import sopu_pb2, sopu_pb2_grpc
        import health_pb2
        import health_pb2_grpc

        token = None
        if args.token_file:
            with open(args.token_file) as f:
                token = next(l.strip() for l in f
                             if l.strip() and not l.startswith("#"))
        if args.ca:
            def read(path):
                with open(path, "rb") as f:
                    return f.read()
            creds = grpc.ssl_channel_credentials(
                read(args.ca), read(args.key) if args.key else None,
                read(args.cert) if args.cert else None)
        else:
            creds = grpc.local_channel_credentials(
                grpc.LocalConnectionType.LOCAL_TCP)
        if token:
            creds = grpc.composite_channel_credentials(
                creds, grpc.access_token_call_credentials(token))
        channel = grpc.secure_channel(args.address, creds)

        try:
            if args.command == "health":
                r = health_pb2_grpc.HealthStub(channel).Check(
                    health_pb2.HealthCheckRequest(), timeout=args.timeout)
                print(health_pb2.HealthCheckResponse.ServingStatus.Name(r.status))
                return 0
            rpc, message = METHODS[args.command]
            request = getattr(sopu_pb2, message)()
            if args.request:
                with open(args.request) as f:
                    json_format.Parse(f.read(), request)
            if args.cohort:
                with open(args.cohort) as f:
                    json_format.Parse(f.read(), request.cohort)
            if args.policy:
                with open(args.policy) as f:
                    json_format.Parse(f.read(), request.policy)
            if args.top_k is not None:
                request.top_k = args.top_k
            stub = sopu_pb2_grpc.SopuStub(channel)
            if args.stream and args.command == "groups":
                for m in stub.FormGroupsStream(request, timeout=args.timeout):
                    if m.HasField("progress"):
                        print("progress %d/%d ms, best %.3f" % (
                            m.progress.elapsed_ms, m.progress.limit_ms,
                            m.progress.best_objective), file=sys.stderr)
                    else:
                        print(json_format.MessageToJson(m.result))
                return 0
            response = getattr(stub, rpc)(request, timeout=args.timeout)
            print(json_format.MessageToJson(response))
            return 0
        except grpc.RpcError as e:
            print("error: %s: %s" % (e.code().name, e.details()), file=sys.stderr)
            for key, value in e.trailing_metadata() or ():
                if key != "grpc-status-details-bin":
                    continue
                for detail in status_pb2.Status.FromString(value).details:
                    for cls in (error_details_pb2.ErrorInfo,
                                error_details_pb2.BadRequest,
                                error_details_pb2.RetryInfo):
                        if detail.Is(cls.DESCRIPTOR):
                            msg = cls()
                            detail.Unpack(msg)
                            if cls is error_details_pb2.BadRequest:
                                for v in msg.field_violations:
                                    print("  %s: %s" % (v.field or "(more)",
                                                        v.description),
                                          file=sys.stderr)
                            else:
                                print("  %s %s" % (cls.DESCRIPTOR.name,
                                                   json_format.MessageToJson(
                                                       msg, indent=None)),
                                      file=sys.stderr)
            return 1
        finally:
            channel.close()


if __name__ == "__main__":
    sys.exit(main())
