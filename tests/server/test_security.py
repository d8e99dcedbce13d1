#!/usr/bin/python3
"""T9: bearer tokens (no/malformed/wrong -> UNAUTHENTICATED before any
handler runs; health exempt; the token never logged), TLS and mutual TLS
(handshake failures are UNAVAILABLE, fact 10), refusing plaintext off
loopback, and the canary check over every log."""
import os
import tempfile
import unittest

import grpc

import sopud_harness as h

TOKEN = "tok-7f3a9c1e5b2d4a68"


def read(d, name):
    with open(os.path.join(d, name), "rb") as f:
        return f.read()


class Security(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pb, cls.pb_grpc, cls.hpb, cls.hgrpc = h.stubs()
        tmp = tempfile.TemporaryDirectory()
        cls.addClassCleanup(tmp.cleanup)
        cls.dir = tmp.name
        with open(os.path.join(cls.dir, "tokens"), "w") as f:
            f.write("# test tokens\n%s\n" % TOKEN)
        h.make_pki(cls.dir)

    def validate(self, channel, metadata=None):
        stub = self.pb_grpc.SopuStub(channel)
        try:
            stub.Validate(self.pb.ValidateRequest(cohort=h.peer_cohort(4)),
                          timeout=h.HANG_GUARD, metadata=metadata)
            return "OK"
        except grpc.RpcError as e:
            return e.code().name

    def health(self, channel):
        try:
            r = self.hgrpc.HealthStub(channel).Check(
                self.hpb.HealthCheckRequest(service=""), timeout=h.HANG_GUARD)
            return self.hpb.HealthCheckResponse.ServingStatus.Name(r.status)
        except grpc.RpcError as e:
            return e.code().name

    def test_tokens(self):
        server = h.start_server(self, "--token-file",
                                os.path.join(self.dir, "tokens"))
        channel = server.channel()
        bad = {"none": None,
               "empty bearer": [("authorization", "Bearer ")],
               "no scheme": [("authorization", TOKEN)],
               "basic": [("authorization", "Basic " + TOKEN)],
               "wrong": [("authorization", "Bearer " + TOKEN[:-1] + "0")],
               "longer": [("authorization", "Bearer " + TOKEN + "0")]}
        outcomes = {k: self.validate(channel, v) for k, v in bad.items()}
        good = self.validate(channel, [("authorization", "Bearer " + TOKEN)])
        # The log is in order: a handler run for a bad call would have left
        # its line before the good call's.
        _, good_line = server.wait_call_line("Validate")
        calls_before_good = server.call_lines().index(good_line)
        health = self.health(channel)
        # The standard client way: local credentials + an access token.
        creds = grpc.composite_channel_credentials(
            grpc.local_channel_credentials(grpc.LocalConnectionType.LOCAL_TCP),
            grpc.access_token_call_credentials(TOKEN))
        standard = self.validate(server.channel(creds))
        self.assertEqual(server.stop(), 0)
        print("\nT9(i) tokens: %s; right token %s; standard client %s; health "
              "without token %s" % (outcomes, good, standard, health))
        self.assertEqual(set(outcomes.values()), {"UNAUTHENTICATED"})
        self.assertEqual(calls_before_good, 0)  # no handler ran
        self.assertEqual(good, "OK")
        self.assertEqual(standard, "OK")
        self.assertEqual(health, "SERVING")
        self.assertNotIn(TOKEN, server.text())

    def test_mutual_tls(self):
        d = self.dir
        server = h.start_server(self, "--tls-cert", os.path.join(d, "server.pem"),
                                "--tls-key", os.path.join(d, "server.key"),
                                "--tls-client-ca", os.path.join(d, "ca.pem"),
                                "--token-file", os.path.join(d, "tokens"))

        def tls(root, key=None, chain=None, token=TOKEN):
            creds = grpc.ssl_channel_credentials(root_certificates=root,
                                                 private_key=key,
                                                 certificate_chain=chain)
            if token:
                creds = grpc.composite_channel_credentials(
                    creds, grpc.access_token_call_credentials(token))
            return server.channel(creds)

        cases = {
            "plaintext": server.channel(),
            "tls without client certificate": tls(read(d, "ca.pem")),
            "client trusts another CA": tls(read(d, "other.pem"),
                                            read(d, "client.key"),
                                            read(d, "client.pem")),
            "client certificate from another CA": tls(read(d, "ca.pem"),
                                                      read(d, "stranger.key"),
                                                      read(d, "stranger.pem")),
            "right certificate, no token": tls(read(d, "ca.pem"),
                                               read(d, "client.key"),
                                               read(d, "client.pem"), token=None),
            "right certificate and token": tls(read(d, "ca.pem"),
                                               read(d, "client.key"),
                                               read(d, "client.pem")),
        }
        outcomes = {k: self.validate(c) for k, c in cases.items()}
        self.assertEqual(server.stop(), 0)
        print("\nT9(ii) mutual TLS: %s" % outcomes)
        self.assertEqual(outcomes, {
            "plaintext": "UNAVAILABLE",
            "tls without client certificate": "UNAVAILABLE",
            "client trusts another CA": "UNAVAILABLE",
            "client certificate from another CA": "UNAVAILABLE",
            "right certificate, no token": "UNAUTHENTICATED",
            "right certificate and token": "OK",
        })

    def test_refuses_plaintext_off_loopback(self):
        for flags in ([], ["--insecure-non-loopback-for-tests", "--token-file",
                           os.path.join(self.dir, "tokens")]):
            server = h.start_server(self, *flags, listen="0.0.0.0:0",
                                    expect_start=False)
            rc = server.wait_exit()
            self.assertEqual(rc, 1, flags)
            self.assertIn("cannot start", server.text())
            self.assertNotIn("listening on", server.text())

    def test_zz_no_canary_in_logs(self):
        h.assert_no_canary_in_logs(self)


if __name__ == "__main__":
    h.main()
