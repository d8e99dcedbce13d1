#!/usr/bin/python3
"""`sopu --server` options that tests/cli/cli_server_test.sh does not run:
TLS (--tls-ca), mutual TLS (--tls-cert/--tls-key, with --token-file) and
--deadline. Each case checks the exit code, sopu's message on stderr and,
when the call succeeds, that stdout equals the embedded engine's. The
deadline passes deterministically: the server's one solver slot is held by
a search that runs until cancelled, so the call waits in the queue until
its deadline; nothing is timed."""
import os
import subprocess
import tempfile
import unittest

import sopud_harness as h

TOKEN = "tok-client-3b9d0e7a"


class ClientOptions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if h.ARGS.sopu is None:
            raise unittest.SkipTest("needs --sopu")
        cls.pb, cls.pb_grpc, _, _ = h.stubs()
        tmp = tempfile.TemporaryDirectory()
        cls.addClassCleanup(tmp.cleanup)
        cls.dir = tmp.name
        h.make_pki(cls.dir)
        with open(cls.path("tokens"), "w") as f:
            f.write("%s\n" % TOKEN)
        repo = os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__))))
        cls.cohort = os.path.join(repo, "examples", "cohort.csv")

    @classmethod
    def path(cls, name):
        return os.path.join(cls.dir, name)

    def sopu(self, *args):
        """Runs sopu; (exit code, stdout, stderr)."""
        r = subprocess.run([h.ARGS.sopu] + list(args), capture_output=True,
                           text=True, timeout=h.HANG_GUARD)
        return r.returncode, r.stdout, r.stderr

    def assert_run(self, args, code, stderr_start=None, same_as=None):
        """sopu ARGS exits `code`, a line of its stderr starts with
        `stderr_start` (gRPC may log handshake errors before it), and (when
        given) its stdout equals that of sopu SAME_AS."""
        got, out, err = self.sopu(*args)
        context = "sopu %s: exit %d\n%s" % (" ".join(args), got, err)
        self.assertEqual(got, code, context)
        if stderr_start is not None:
            self.assertTrue(any(line.startswith(stderr_start)
                                for line in err.splitlines()), context)
        if same_as is not None:
            want, want_out, _ = self.sopu(*same_as)
            self.assertEqual(want, 0)
            self.assertEqual(out, want_out, context)

    def test_tls(self):
        server = h.start_server(self, "--tls-cert", self.path("server.pem"),
                                "--tls-key", self.path("server.key"))
        port = server.port
        validate = ["validate", self.cohort]
        # The certificate names 127.0.0.1 and localhost.
        for host in ("127.0.0.1", "localhost"):
            target = "%s:%d" % (host, port)
            with self.subTest(host=host):
                self.assert_run(["--server", target, "--tls-ca",
                                 self.path("ca.pem")] + validate, 0,
                                same_as=validate)
        target = "127.0.0.1:%d" % port
        refused = "sopu: cannot reach the server at %s: " % target
        # A CA that did not sign the server's certificate.
        self.assert_run(["--server", target, "--tls-ca",
                         self.path("other.pem")] + validate, 5, refused)
        # Plaintext to a TLS server.
        self.assert_run(["--server", target] + validate, 5, refused)
        # Usage: a client certificate without its key, or without a CA.
        self.assert_run(["--server", target, "--tls-ca", self.path("ca.pem"),
                         "--tls-cert", self.path("client.pem")] + validate, 2,
                        "sopu: --tls-cert and --tls-key go together")
        self.assert_run(["--server", target, "--tls-cert",
                         self.path("client.pem"), "--tls-key",
                         self.path("client.key")] + validate, 2,
                        "sopu: --tls-cert/--tls-key need --tls-ca")
        self.assertEqual(server.stop(), 0)

    def test_mutual_tls_with_token(self):
        server = h.start_server(self, "--tls-cert", self.path("server.pem"),
                                "--tls-key", self.path("server.key"),
                                "--tls-client-ca", self.path("ca.pem"),
                                "--token-file", self.path("tokens"))
        target = "127.0.0.1:%d" % server.port
        match = ["match", self.cohort, "--format", "csv"]
        ca = ["--tls-ca", self.path("ca.pem")]
        client = ["--tls-cert", self.path("client.pem"), "--tls-key",
                  self.path("client.key")]
        stranger = ["--tls-cert", self.path("stranger.pem"), "--tls-key",
                    self.path("stranger.key")]
        token = ["--token-file", self.path("tokens")]
        refused = "sopu: cannot reach the server at %s: " % target
        self.assert_run(["--server", target] + ca + client + token + match, 0,
                        same_as=match)
        # The handshake fails without a client certificate, or with one
        # from another CA (UNAVAILABLE: "cannot reach").
        self.assert_run(["--server", target] + ca + token + match, 5, refused)
        self.assert_run(["--server", target] + ca + stranger + token + match,
                        5, refused)
        # Past the handshake, the token is still required.
        self.assert_run(["--server", target] + ca + client + match, 5,
                        "sopu: the server at %s did not accept the token "
                        "(see --token-file)" % target)
        self.assertEqual(server.stop(), 0)
        self.assertNotIn(TOKEN, server.text())

    def test_deadline(self):
        server = h.start_server(self, "--max-concurrent-solves", "1",
                                "--max-queue", "2")
        target = "127.0.0.1:%d" % server.port
        stub = self.pb_grpc.SopuStub(server.channel())
        late = "sopu: the server at %s did not answer in time" % target
        match = ["match", self.cohort]
        # groups: the deadline comes on top of the time limit (1 + 1 s).
        groups = ["groups", self.cohort, "--role", "mentee", "--size", "4-6",
                  "--time-limit", "1"]
        busy = h.hold_slot(stub, h.groups_request(40))
        self.addCleanup(busy.cancel)
        start = server.mark()
        for args in (match, groups):
            with self.subTest(command=args[0]):
                self.assert_run(["--server", target, "--deadline", "1"] + args,
                                5, late)
        # sopud saw both deadlines pass while the calls waited in the queue.
        for method in ("Match", "FormGroupsStream"):
            _, line = server.wait_call_line(method, start)
            self.assertIn(" code=DEADLINE_EXCEEDED queue_ms=0.0 ", line)
        # The slot free, the call answers within its deadline (set to the
        # hang guard, so that only a hang could make it pass).
        busy.cancel()
        self.assertEqual(busy.wait_end(), "CANCELLED")
        self.assert_run(["--server", target, "--deadline",
                         str(int(h.HANG_GUARD))] + match, 0, same_as=match)
        self.assertEqual(server.stop(), 0)


if __name__ == "__main__":
    h.main()
